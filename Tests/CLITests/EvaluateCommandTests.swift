import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas evaluate` end to end, and the regeneration of
/// GeoData/mianyang-2023 (`synth --preset mianyang-2023 --seed 2024`), which
/// must reproduce the checked-in files byte for byte.
final class EvaluateCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func json(_ args: [String]) throws -> [String: JSONValue] {
        let result = try CLIRunner.run(["evaluate"] + args + ["--format", "json"], environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), result.stderr)
        let root = try XCTUnwrap(try JSONText.parse(result.stdout).objectValue)
        return Dictionary(uniqueKeysWithValues: root.members.map { ($0.key, $0.value) })
    }

    func verdicts(_ root: [String: JSONValue]) -> [String: String] {
        var out: [String: String] = [:]
        for p in root["parks"]?.arrayValue ?? [] {
            out[p.objectValue!["id"]!.stringValue!] = p.objectValue!["verdict"]!.stringValue!
        }
        return out
    }

    /// The story GeoData/README.md tells: every verdict once.
    func testMianyangWithPreviousYear() throws {
        let root = try json(["GeoData/mianyang", "--previous", "GeoData/mianyang-2023"])
        XCTAssertEqual(verdicts(root), ["P01A": "keep", "P02A": "recommend_withdrawal", "P03": "recommend_certification",
                                        "P04": "warning", "P05": "keep", "P07": "continue_cultivating"])
        let p04 = try XCTUnwrap(root["parks"]?.arrayValue?.first { $0.objectValue?["id"]?.stringValue == "P04" }?.objectValue)
        XCTAssertEqual(p04.keys, ["id", "name", "featured_status", "verdict", "verdict_zh", "failed", "criteria"])
        let criteria = try XCTUnwrap(p04["criteria"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(criteria.map { $0["criterion"]?.stringValue }, ["leading_industry_share", "high_tech_share",
                                                                         "industrial_building_coefficient", "revenue_per_mu_growth"])
        XCTAssertEqual(criteria.map { $0.keys }.first, ["criterion", "name_zh", "name_en", "value", "threshold", "pass"])
        XCTAssertEqual(criteria.last?["pass"], .bool(false))
        XCTAssertEqual(criteria.last?["threshold"]?.doubleValue, 0.07)
    }

    func testWithoutPreviousAndOnASynthCity() throws {
        let root = try json(["GeoData/mianyang"])
        XCTAssertEqual(root["previous"], .null)
        let counts = (root["parks"]?.arrayValue ?? []).map { $0.objectValue!["criteria"]!.arrayValue!.count }
        XCTAssertTrue(!counts.isEmpty && counts.allSatisfy { $0 == 3 })
        // A synthetic Berlin a "year" apart: each verdict agrees with its own failure count.
        let berlin = try json(["Tests/Fixtures/compare/in/berlin_s7_new", "--previous", "Tests/Fixtures/compare/in/berlin_s7_old"])
        let parks = try XCTUnwrap(berlin["parks"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertFalse(parks.isEmpty)
        for p in parks {
            let failed = p["criteria"]!.arrayValue!.filter { $0.objectValue!["pass"] == .bool(false) }.count
            XCTAssertEqual(p["failed"]?.integerValue, Int64(failed))
            let status = p["featured_status"]!.stringValue!
            let expected = status == "certified" ? (failed == 0 ? "keep" : failed == 1 ? "warning" : "recommend_withdrawal")
                : (failed == 0 ? "recommend_certification" : "continue_cultivating")
            XCTAssertEqual(p["verdict"]?.stringValue, expected)
        }
        let table = try CLIRunner.run(["evaluate", "GeoData/mianyang", "--previous", "GeoData/mianyang-2023"])
        XCTAssertTrue(table.stdout.contains("建议撤销认定 recommend_withdrawal"), table.stdout)
        // CSV: one row per park and criterion, as many as the JSON's criteria.
        let csv = try CLIRunner.run(["evaluate", "GeoData/mianyang", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stdout.split(separator: "\n").count, counts.reduce(0, +) + 1)
        XCTAssertEqual(try CLIRunner.run(["evaluate", "GeoData/mianyang", "--previous", dir.path]).status, 3)
    }

    func testEarlierSnapshotRegeneratesByteForByte() throws {
        let out = dir.appendingPathComponent("mianyang-2023").path
        let result = try CLIRunner.run(["synth", "--preset", "mianyang-2023", "--out", out, "--seed", "2024", "--quiet",
                                        "--counties", CLIRunner.countiesFile])
        XCTAssertEqual(result.status, 0, result.stderr)
        for file in ["districts", "parks", "parcels", "enterprises"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(file).geojson"))
            let kept = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang-2023/\(file).geojson"))
            XCTAssertTrue(made == kept, "\(file).geojson differs from GeoData/mianyang-2023")
        }
    }
}
