import XCTest

/// Every GEOS geometry and PROJ object the CLI creates has one owner that frees it:
/// at the end of a command none is alive (the CLI reports the counters when
/// PARKATLAS_REPORT_HANDLES=1).
final class HandleLeakTests: XCTestCase {
    func testInfoAndConvertLeaveNoLiveHandles() throws {
        let counties = CLIRunner.countiesFile
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let projected = dir.appendingPathComponent("c.geojson").path
        let runs: [[String]] = [
            ["info", counties],
            ["convert", counties, projected, "--to", "EPSG:4544"],
            ["info", projected],
            ["convert", "/nonexistent.geojson", projected],
        ]
        for args in runs {
            let result = try CLIRunner.run(args, environment: ["PARKATLAS_REPORT_HANDLES": "1"])
            XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), "\(args): \(result.stderr)")
        }
    }
}
