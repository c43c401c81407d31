import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas hotspots` end to end, against esda values computed on the same datasets.
///
/// Reference values: Tests/Reference/hotspots_esda.py (its docstring lists the exact commands),
/// fixtures in Tests/Fixtures/hotspots/out/dataset_*.json.
final class HotspotsCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static func fixture(_ name: String) throws -> JSONObject {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/hotspots/out/\(name).json")
        return try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)).objectValue)
    }

    func hotspotsJSON(_ arguments: [String]) throws -> JSONObject {
        let r = try CLIRunner.run(["hotspots"] + arguments + ["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONText.parse(r.stdout).objectValue, r.stdout)
    }

    /// z within 1e-8 and Moran within 1e-10 of esda, matched by enterprise id.
    func assertMatches(_ json: JSONObject, fixture name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let want = try Self.fixture(name)
        let ids = try XCTUnwrap(want["ids"]?.arrayValue).compactMap(\.stringValue)
        let z = try XCTUnwrap(want["gi_star_z"]?.arrayValue).compactMap(\.doubleValue)
        var got: [String: Double] = [:]
        for row in try XCTUnwrap(json["gi_star"]?.arrayValue) {
            let o = try XCTUnwrap(row.objectValue)
            got[try XCTUnwrap(o["id"]?.stringValue)] = o["z"]?.doubleValue
        }
        XCTAssertEqual(got.count, ids.count, file: file, line: line)
        for (id, v) in zip(ids, z) { XCTAssertEqual(try XCTUnwrap(got[id], id), v, accuracy: 1e-8, id, file: file, line: line) }
        let m = try XCTUnwrap(json["moran"]?.objectValue), wm = try XCTUnwrap(want["moran"]?.objectValue)
        for key in ["i", "expected_i", "variance", "z", "p"] {
            XCTAssertEqual(try XCTUnwrap(m[key]?.doubleValue), try XCTUnwrap(wm[key]?.doubleValue), accuracy: 1e-10, key, file: file, line: line)
        }
        XCTAssertEqual(json["crs"]?.stringValue?.hasPrefix("EPSG:\(try XCTUnwrap(want["epsg"]?.integerValue))"), true, file: file, line: line)
    }

    func testReferenceDatasetJSONShapeAndValues() throws {
        let json = try hotspotsJSON(["GeoData/mianyang", "--band", "1000"])
        XCTAssertEqual(Array(json.keys.prefix(4)), ["crs", "value", "band_m", "fdr"])
        for key in ["crs", "value", "band_m", "gi_star", "moran"] { XCTAssertNotNil(json[key], key) }
        XCTAssertEqual(json["value"], .string("output_wan"))
        let first = try XCTUnwrap(json["gi_star"]?.arrayValue?.first?.objectValue)
        for key in ["id", "z", "p", "bin"] { XCTAssertNotNil(first[key], key) }
        XCTAssertEqual(Set(try XCTUnwrap(json["moran"]?.objectValue).keys).isSuperset(of: ["i", "expected_i", "variance", "z", "p"]), true)
        try assertMatches(json, fixture: "dataset_mianyang_output_1000")
    }

    /// Two synth datasets, one in Germany (UTM 33N), other seeds and values.
    func testSynthDatasetsMatchEsda() throws {
        let berlin = dir.appendingPathComponent("berlin").path
        var r = try CLIRunner.run(["synth", "--out", berlin, "--seed", "7", "--parks", "12", "--parcels", "2000", "--enterprises", "3000",
                                   "--center=13.4,52.5", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertMatches(try hotspotsJSON([berlin, "--value", "employees", "--band", "400"]), fixture: "dataset_synth_berlin_7_employees_400")
        let other = dir.appendingPathComponent("s11").path
        r = try CLIRunner.run(["synth", "--out", other, "--seed", "11", "--parks", "8", "--parcels", "1500", "--enterprises", "2500", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertMatches(try hotspotsJSON([other, "--value", "tax_wan", "--band", "800"]), fixture: "dataset_synth_default_11_tax_800")
    }

    func testIdenticalOutputForAnyThreadCount() throws {
        let one = try CLIRunner.run(["hotspots", "--band", "1500", "--fdr", "--format", "json", "--threads", "1"])
        let two = try CLIRunner.run(["hotspots", "--band", "1500", "--fdr", "--format", "json", "--threads", "2"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertTrue(one.stdout.contains("\"q\""))
    }

    /// The styled map keeps every input property and colours by bin; the write is atomic (no temp file left).
    func testGeoJSONMap() throws {
        let out = dir.appendingPathComponent("hot.geojson").path
        let r = try CLIRunner.run(["hotspots", "--band", "1000", "--out", out, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try XCTUnwrap(JSONText.parse(r.stdout).objectValue)
        let bins = Dictionary(uniqueKeysWithValues: try XCTUnwrap(report["gi_star"]?.arrayValue).map {
            ($0.objectValue!["id"]!.stringValue!, $0.objectValue!["bin"]!.integerValue!)
        })
        let map = try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)).objectValue)
        let features = try XCTUnwrap(map["features"]?.arrayValue)
        let input = try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent(
            "GeoData/mianyang/enterprises.geojson")), as: UTF8.self)).objectValue?["features"]?.arrayValue)
        XCTAssertEqual(features.count, input.count)
        var hot = 0, cold = 0
        for (f, original) in zip(features, input) {
            let p = try XCTUnwrap(f.objectValue?["properties"]?.objectValue)
            let o = try XCTUnwrap(original.objectValue?["properties"]?.objectValue)
            for m in o { XCTAssertTrue(p[m.key]?.semanticallyEquals(m.value) ?? false, "\(m.key) of \(o["id"]!)") }
            let bin = try XCTUnwrap(bins[try XCTUnwrap(p["id"]?.stringValue)])
            XCTAssertEqual(p["gi_bin"]?.integerValue, bin)
            if bin == 3 { hot += 1; XCTAssertEqual(p["marker-color"], .string("#b2182b")) }
            if bin == -2 { cold += 1; XCTAssertEqual(p["marker-color"], .string("#67a9cf")) }
            if bin == 0 { XCTAssertEqual(p["marker-color"], .string("#bdbdbd")) }
            XCTAssertNotNil(p["title"])
        }
        XCTAssertGreaterThan(hot, 0)
        XCTAssertGreaterThan(cold, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["hot.geojson"])
    }

    /// Enterprises lacking the value are excluded and listed; the rest is analysed as if they were absent.
    func testMissingValuesAreExcludedAndListed() throws {
        let folder = dir.appendingPathComponent("gaps").path
        let made = try CLIRunner.run(["synth", "--out", folder, "--seed", "3", "--parks", "5", "--parcels", "400", "--enterprises", "600",
                                      "--center=-46.6,-23.5", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let path = folder + "/enterprises.geojson"
        var collection = try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)).objectValue)
        var features = try XCTUnwrap(collection["features"]?.arrayValue)
        var dropped: [String] = []
        for k in stride(from: 0, to: features.count, by: 7) {
            var f = try XCTUnwrap(features[k].objectValue)
            var p = try XCTUnwrap(f["properties"]?.objectValue)
            dropped.append(try XCTUnwrap(p["id"]?.stringValue))
            p = JSONObject(members: p.members.filter { $0.key != "output_wan" })
            f["properties"] = .object(p)
            features[k] = .object(f)
        }
        collection["features"] = .array(features)
        try Data((try JSONText.string(.object(collection), pretty: false)).utf8).write(to: URL(fileURLWithPath: path))
        let json = try hotspotsJSON([folder, "--band", "500"])
        let excluded = try XCTUnwrap(json["excluded"]?.arrayValue).map { $0.objectValue!["id"]!.stringValue! }
        XCTAssertEqual(excluded, dropped)
        XCTAssertEqual(json["n"]?.integerValue, Int64(features.count - dropped.count))
        XCTAssertTrue(try XCTUnwrap(json["crs"]?.stringValue).contains("UTM zone 23S"))
        let table = try CLIRunner.run(["hotspots", folder, "--band", "500"])
        XCTAssertTrue(table.stdout.contains("\(dropped.count) excluded"), table.stdout)
    }

    func testBadBandIsACommandLineError() throws {
        XCTAssertEqual(try CLIRunner.run(["hotspots", "--band", "0"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["hotspots", "--value", "land_m2"]).status, 2)
    }

    func testTableIsReadable() throws {
        let r = try CLIRunner.run(["hotspots", "--band", "1000"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for text in ["EPSG:4544", "热点 hot spot, 99 %", "Global Moran's I", "Hottest enterprises"] { XCTAssertTrue(r.stdout.contains(text), text) }
    }
}
