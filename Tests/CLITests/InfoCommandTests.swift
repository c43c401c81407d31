import GeoCore
import GeoJSON
import XCTest

/// `parkatlas info` on the real, partly invalid county boundaries of Mianyang.
///
/// Expected values: `python3 Tests/Reference/info_counties.py GeoData/reference/mianyang_counties.raw.geojson`
/// (shapely 2.x make_valid keeping polygonal parts, pyproj Geod(ellps="GRS80").geometry_area_perimeter):
///   涪城区 557284767.819887 m², total 20280684045.053024 m²; invalid per GEOS: features 0, 1, 2, 3, 6, 8.
final class InfoCommandTests: XCTestCase {
    var countiesPath: String!

    override func setUpWithError() throws {
        countiesPath = CLIRunner.countiesFile
    }

    private func infoJSON(_ args: [String]) throws -> JSONObject {
        let result = try CLIRunner.run(["info", "--format", "json"] + args)
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try JSONText.parse(result.stdout).objectValue
        return try XCTUnwrap(root?["files"]?.arrayValue?.first?.objectValue)
    }

    func testCountiesSummaryAgreesWithShapelyAndPyproj() throws {
        let file = try infoJSON([countiesPath])
        XCTAssertEqual(file["feature_count"]?.integerValue, 9)
        let problems = file["geometry_problems"]?.arrayValue ?? []
        let invalid = problems.compactMap { $0.objectValue }.filter { $0["kind"]?.stringValue == "invalid" }
        XCTAssertEqual(invalid.compactMap { $0["index"]?.integerValue }, [0, 1, 2, 3, 6, 8])
        // GEOS's own reasons are carried through.
        for p in invalid {
            let reason = p["reason"]?.stringValue ?? ""
            XCTAssertTrue(reason.contains("Self-intersection") || reason.contains("Too few points"), reason)
        }
        let features = (file["features"]?.arrayValue ?? []).compactMap { $0.objectValue }
        let fucheng = try XCTUnwrap(features.first { $0["feature"]?.stringValue?.hasPrefix("涪城区") == true })
        let area = try XCTUnwrap(fucheng["area_m2"]?.doubleValue)
        XCTAssertEqual(area, 557_284_767.819887, accuracy: 557_284_767.819887 * 1e-9)
        let total = try XCTUnwrap(file["total_area_m2"]?.doubleValue)
        XCTAssertEqual(total, 20_280_684_045.053024, accuracy: 20_280_684_045.053024 * 1e-9)
        let keys = (file["properties"]?.arrayValue ?? []).compactMap { $0.objectValue?["key"]?.stringValue }
        XCTAssertEqual(keys, ["adcode", "name"])
    }

    func testTableNamesInvalidFeaturesAndTotal() throws {
        let result = try CLIRunner.run(["info", countiesPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("6 of 9"), result.stdout)
        XCTAssertTrue(result.stdout.contains("涪城区 (510703)"), result.stdout)
        // 20 280.684 km² shown at 2 decimals, as GeoData/reference/README.md prints it.
        XCTAssertTrue(result.stdout.contains("20,280.68 "), result.stdout)
    }

    /// A path that does not exist is a command-line error (README: exit 2).
    func testMissingFileIsBadCommandLine() throws {
        let result = try CLIRunner.run(["info", "/nonexistent/file.geojson"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/file.geojson"), result.stderr)
    }

    func testMalformedFileNamesLineAndColumn() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("bad.geojson").path
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,]}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["info", path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("bad.geojson:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("feature 0"), result.stderr)
    }

    func testBadDatumIsBadCommandLine() throws {
        let result = try CLIRunner.run(["info", "--datum", "tokyo", countiesPath])
        XCTAssertEqual(result.status, 2, result.stderr)
    }
}
