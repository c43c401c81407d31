import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas agglomeration` end to end, against direct numpy / brute-force values.
///
/// Reference values: Tests/Reference/agglomeration_reference.py (docstring lists the commands),
/// fixtures Tests/Fixtures/agglomeration/out/dataset_*.json.
final class AgglomerationCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ arguments: [String]) throws -> JSONObject {
        let r = try CLIRunner.run(["agglomeration"] + arguments + ["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONText.parse(r.stdout).objectValue, r.stdout)
    }

    func assertMatches(_ json: JSONObject, fixture name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/agglomeration/out/\(name).json")
        let want = try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)).objectValue)
        let industries = try XCTUnwrap(want["industries"]?.arrayValue).compactMap(\.stringValue)
        let units = try XCTUnwrap(want["units"]?.arrayValue).compactMap(\.stringValue)
        func rows(_ key: String) throws -> [JSONObject] { try XCTUnwrap(json[key]?.arrayValue).map { try XCTUnwrap($0.objectValue) } }
        func compare(_ got: [Double?], _ key: String, _ tolerance: Double) throws {
            let w = try XCTUnwrap(want[key]?.arrayValue).map { $0.isNull ? nil : $0.doubleValue }
            XCTAssertEqual(got.count, w.count, key, file: file, line: line)
            for (k, (g, e)) in zip(got, w).enumerated() {
                if let e {
                    XCTAssertEqual(try XCTUnwrap(g, "\(key)[\(k)]"), e, accuracy: tolerance, "\(key)[\(k)]", file: file, line: line)
                } else {
                    XCTAssertNil(g, "\(key)[\(k)]", file: file, line: line)
                }
            }
        }
        var lq: [String: Double?] = [:]
        for r in try rows("location_quotients") { lq[r["industry"]!.stringValue! + "|" + r["unit"]!.stringValue!] = r["lq"]!.doubleValue }
        try compare(industries.flatMap { i in units.map { lq[i + "|" + $0] ?? nil } }, "lq", 1e-12)
        try compare(try rows("hhi").map { $0["hhi"]?.doubleValue }, "hhi", 1e-12)
        try compare(try rows("hhi").map { $0["normalized"]?.doubleValue }, "hhi_norm", 1e-12)
        try compare(try rows("park_hhi").map { $0["hhi"]?.doubleValue }, "park_hhi", 1e-12)
        try compare(try rows("park_hhi").map { $0["normalized"]?.doubleValue }, "park_hhi_norm", 1e-12)
        try compare(try rows("ellison_glaeser").map { $0["gamma"]?.doubleValue }, "gamma", 1e-12)
        var clq: [String: Double?] = [:]
        for r in try rows("colocation") { clq[r["a"]!.stringValue! + "|" + r["b"]!.stringValue!] = r["clq"]!.doubleValue }
        try compare(industries.flatMap { a in industries.map { clq[a + "|" + $0] ?? nil } }, "clq", 1e-9)
    }

    func testReferenceDatasetShapeAndValues() throws {
        let json = try run(["GeoData/mianyang"])
        for key in ["measure", "level", "location_quotients", "hhi", "park_hhi", "ellison_glaeser", "colocation"] {
            XCTAssertNotNil(json[key], key)
        }
        XCTAssertEqual(json["measure"], .string("employees"))
        XCTAssertEqual(json["level"]?.integerValue, 2)
        XCTAssertEqual(Set(try XCTUnwrap(json["location_quotients"]?.arrayValue?.first?.objectValue).keys), ["industry", "unit", "lq"])
        XCTAssertEqual(Set(try XCTUnwrap(json["colocation"]?.arrayValue?.first?.objectValue).keys), ["a", "b", "clq", "p"])
        try assertMatches(json, fixture: "dataset_mianyang_l2_employees")
    }

    func testSynthDatasetAbroadAtGroupLevelByOutput() throws {
        let berlin = dir.appendingPathComponent("berlin").path
        let r = try CLIRunner.run(["synth", "--out", berlin, "--seed", "7", "--parks", "12", "--parcels", "2000", "--enterprises", "3000",
                                   "--center=13.4,52.5", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertMatches(try run([berlin, "--level", "3", "--measure", "output"]), fixture: "dataset_synth_berlin_7_l3_output")
        let other = dir.appendingPathComponent("s11").path
        let made = try CLIRunner.run(["synth", "--out", other, "--seed", "11", "--parks", "8", "--parcels", "1500", "--enterprises", "2500", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        try assertMatches(try run([other, "--level", "4", "--measure", "count"]), fixture: "dataset_synth_default_11_l4_count")
    }

    /// Seeded permutations: the same seed gives the same p at any thread count; p in (0, 1].
    func testPermutationsSeededAndThreadIndependent() throws {
        let a = try CLIRunner.run(["agglomeration", "--permutations", "49", "--seed", "5", "--threads", "1", "--format", "json"])
        let b = try CLIRunner.run(["agglomeration", "--permutations", "49", "--seed", "5", "--threads", "2", "--format", "json"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        let json = try XCTUnwrap(JSONText.parse(a.stdout).objectValue)
        let ps = try XCTUnwrap(json["colocation"]?.arrayValue).compactMap { $0.objectValue?["p"]?.doubleValue }
        XCTAssertFalse(ps.isEmpty)
        XCTAssertTrue(ps.allSatisfy { $0 >= 1.0 / 50 && $0 <= 1 })
        let c = try CLIRunner.run(["agglomeration", "--permutations", "49", "--seed", "6", "--format", "json"])
        XCTAssertNotEqual(a.stdout, c.stdout)
    }

    func testNoLiveHandlesAfterwards() throws {
        for args in [["agglomeration", "--quiet", "--permutations", "9"], ["hotspots", "--quiet", "--out", dir.appendingPathComponent("h.geojson").path]] {
            let result = try CLIRunner.run(args, environment: ["PARKATLAS_REPORT_HANDLES": "1"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), "\(args): \(result.stderr)")
        }
    }

    func testTableAndErrors() throws {
        let r = try CLIRunner.run(["agglomeration", "--measure", "count"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for text in ["Ellison–Glaeser", "园区外 outside parks", "计算机、通信和其他电子设备制造业", "Co-location"] {
            XCTAssertTrue(r.stdout.contains(text), text)
        }
        XCTAssertEqual(try CLIRunner.run(["agglomeration", "--level", "5"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["agglomeration", "--measure", "revenue"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["agglomeration", "--permutations", "-1"]).status, 2)
    }
}
