import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Issue 20, item 10: the same problem on many features is listed once with a count and the
/// first ids, in `validate`'s table and in the error list other commands print; the JSON of
/// `validate --format json` keeps every instance.
final class ValidateReportingTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ folder: String, _ file: String, _ features: [String]) throws {
        let text = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
    }

    private func polygon(_ lon: Double, _ lat: Double, _ d: Double) -> String {
        #"{"type":"Polygon","coordinates":[[[\#(lon),\#(lat)],[\#(lon + d),\#(lat)],[\#(lon + d),\#(lat + d)],[\#(lon),\#(lat + d)],[\#(lon),\#(lat)]]]}"#
    }

    /// 1,200 parcels all with status "已建成", and one with an unrelated error (a negative floor area).
    private func dataset() throws -> String {
        let ds = dir.appendingPathComponent("ds").path
        try FileManager.default.createDirectory(atPath: ds, withIntermediateDirectories: true)
        try write(ds, "districts.geojson", [#"{"type":"Feature","properties":{"code":"510703","name":"涪城区"},"geometry":"# + polygon(104.5, 31.3, 0.4) + "}"])
        try write(ds, "parks.geojson", [#"{"type":"Feature","properties":{"id":"P1","name":"园","level":"provincial","main_industries":["C39"]},"geometry":"# + polygon(104.6, 31.4, 0.05) + "}"])
        var parcels: [String] = []
        for i in 0..<1_200 {
            let extra = i == 7 ? #","floor_area_m2":-1"# : ""
            parcels.append(#"{"type":"Feature","properties":{"id":"L\#(i)","land_use":"1001","status":"已建成"\#(extra)},"geometry":"#
                + polygon(104.6 + Double(i % 40) * 0.001, 31.4 + Double(i / 40) * 0.001, 0.0005) + "}")
        }
        try write(ds, "parcels.geojson", parcels)
        return ds
    }

    func testRepeatedProblemsAreOneRowWithCountAndFirstIds() throws {
        let ds = try dataset()
        let table = try CLIRunner.run(["validate", ds])
        XCTAssertEqual(table.status, 3, table.stderr)
        let statusRows = table.stdout.split(separator: "\n").filter { $0.contains("已建成") }
        XCTAssertEqual(statusRows.count, 1, table.stdout)
        XCTAssertTrue(statusRows.first?.contains("— 1,200 features: L0, L1, L2, …") ?? false, table.stdout)
        XCTAssertTrue(table.stdout.contains("1,201 errors"), table.stdout)

        // The JSON keeps every instance.
        let json = try CLIRunner.run(["validate", ds, "--format", "json"])
        let problems = try XCTUnwrap(JSONText.parse(json.stdout).objectValue?["problems"]?.arrayValue)
        XCTAssertEqual(problems.count, 1_201)

        // Another command's short error list groups them too.
        let stats = try CLIRunner.run(["stats", ds])
        XCTAssertEqual(stats.status, 3, stats.stderr)
        let lines = stats.stderr.split(separator: "\n").filter { $0.contains("已建成") }
        XCTAssertEqual(lines.count, 1, stats.stderr)
        XCTAssertTrue(lines.first?.contains("parcels.geojson status: error: ") ?? false, stats.stderr)
        XCTAssertTrue(lines.first?.hasSuffix("— 1,200 features: L0, L1, L2, …") ?? false, stats.stderr)
        XCTAssertTrue(stats.stderr.contains("parcels.geojson[7] L7 floor_area_m2: error:"), stats.stderr)
    }
}
