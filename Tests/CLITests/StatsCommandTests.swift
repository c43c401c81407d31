import GeoCore
import GeoJSON
import XCTest

/// `parkatlas stats` end to end: JSON against the independent reference
/// (Tests/Reference/stats_reference.py, shapely + pyproj GRS80) on the reference
/// dataset and on synth datasets, the JSON shape of docs/cli.md, CSV, table, exit
/// codes, null ratios, thread-count independence and no leaked handles.
///
/// Fixtures (the synth datasets are regenerated here by the same commands):
///   parkatlas synth --out /tmp/statsds/berlin --parks 8 --parcels 1500 --enterprises 800 --seed 7 --center=13.4,52.5
///   python3 Tests/Reference/stats_reference.py /tmp/statsds/berlin --level 3 --enterprises \
///       --out Tests/Fixtures/stats/out/synth_berlin_s7_level3.json
///   parkatlas synth --out /tmp/statsds/s11 --parks 10 --parcels 2500 --enterprises 1200 --seed 11
///   cp Tests/Fixtures/stats/in/policy_s11.json /tmp/statsds/s11/policy.json
///   python3 Tests/Reference/stats_reference.py /tmp/statsds/s11 --level 2 --enterprises \
///       --out Tests/Fixtures/stats/out/synth_s11_policy_level2.json
///   python3 Tests/Reference/stats_reference.py GeoData/mianyang --level 2 --enterprises \
///       --out Tests/Fixtures/stats/out/mianyang_level2.json
final class StatsCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let indicatorKeys = [
        "land_development_rate", "land_supply_rate", "land_built_rate", "industrial_land_rate", "floor_area_ratio",
        "building_density", "industrial_floor_area_ratio", "industrial_building_coefficient", "investment_intensity",
        "industrial_tax_per_ha", "tax_per_ha", "idle_land_rate",
    ]

    private func fixture(_ name: String) throws -> JSONValue {
        try FixtureComparison.load(analysis: "stats", name: name)
    }

    private func statsJSON(_ args: [String]) throws -> JSONValue {
        let result = try CLIRunner.run(["stats"] + args + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONText.parse(result.stdout)
    }

    /// Keys of `expected` must be in `actual`; numbers within 1e-6 relative (1e-9 absolute near 0).
    private func differences(_ actual: JSONValue?, _ expected: JSONValue, _ path: String = "") -> [String] {
        FixtureComparison.differences(actual, expected, path: path, relative: 1e-6)
    }

    private func synth(_ name: String, _ args: [String]) throws -> String {
        try CLIRunner.synth(in: dir, name, args)
    }

    func testSynthBerlinLevel3AgreesWithReference() throws {
        let ds = try synth("berlin", ["--parks", "8", "--parcels", "1500", "--enterprises", "800", "--seed", "7", "--center=13.4,52.5"])
        let json = try statsJSON([ds, "--level", "3", "--enterprises"])
        let diffs = differences(json, try fixture("synth_berlin_s7_level3"))
        XCTAssertTrue(diffs.isEmpty, diffs.prefix(10).joined(separator: "\n"))
    }

    func testSynthWithPolicyAgreesWithReference() throws {
        let ds = try synth("s11", ["--parks", "10", "--parcels", "2500", "--enterprises", "1200", "--seed", "11"])
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/stats/in/policy_s11.json"),
            to: URL(fileURLWithPath: ds + "/policy.json"))
        let json = try statsJSON([ds, "--enterprises"])
        let diffs = differences(json, try fixture("synth_s11_policy_level2"))
        XCTAssertTrue(diffs.isEmpty, diffs.prefix(10).joined(separator: "\n"))
        // The policy's grade shares (0.2 / 0.4 / 0.3 / 0.1) and weights are the ones used.
        XCTAssertEqual(json.objectValue?["benefit"]?.objectValue?["weights"]?.objectValue?["revenue_per_employee"]?.doubleValue, 0)
    }

    /// The reference dataset: every figure against the reference and the exact key sets of docs/cli.md.
    func testMianyangJSONShapeAndValues() throws {
        let json = try statsJSON(["GeoData/mianyang", "--enterprises"])
        let diffs = differences(json, try fixture("mianyang_level2"))
        XCTAssertTrue(diffs.isEmpty, diffs.prefix(10).joined(separator: "\n"))
        let root = try XCTUnwrap(json.objectValue)
        for key in ["dataset", "crs", "area_method", "parks", "districts", "total", "enterprises"] {
            XCTAssertNotNil(root[key], key)
        }
        func checkUnit(_ unit: JSONObject, _ extra: [String]) {
            XCTAssertEqual(Array(unit.keys.prefix(extra.count)), extra)
            for key in ["area_m2", "parcel_area_m2", "land_use", "status", "indicators"] { XCTAssertNotNil(unit[key], key) }
            XCTAssertEqual(unit["indicators"]?.objectValue?.keys, Self.indicatorKeys)
            for c in unit["land_use"]?.arrayValue ?? [] {
                XCTAssertEqual(c.objectValue?.keys, ["code", "name_zh", "name_en", "area_m2", "share"])
            }
            XCTAssertEqual(unit["status"]?.arrayValue?.compactMap { $0.objectValue?["status"]?.stringValue },
                           ["built", "under_construction", "supplied_unbuilt", "idle", "ready", "unready", "unbuildable"])
        }
        let parks = try XCTUnwrap(root["parks"]?.arrayValue)
        XCTAssertEqual(parks.count, 14)
        for p in parks { checkUnit(try XCTUnwrap(p.objectValue), ["id", "name", "level", "district"]) }
        for d in root["districts"]?.arrayValue ?? [] { checkUnit(try XCTUnwrap(d.objectValue), ["code", "name", "kind"]) }
        checkUnit(try XCTUnwrap(root["total"]?.objectValue), [])
        let p01 = try XCTUnwrap(parks.first?.objectValue)
        XCTAssertEqual(p01["land_use"]?.arrayValue?.first?.objectValue?["name_zh"], .string("城镇住宅用地"))
        let firms = try XCTUnwrap(root["enterprises"]?.arrayValue)
        XCTAssertEqual(firms.count, 2874)
        XCTAssertEqual(firms.first?.objectValue?["grade"], .string("A"))
        XCTAssertEqual(firms.last?.objectValue?["evaluated"], .bool(false))
    }

    func testSameOutputForAnyThreadCount() throws {
        var outputs: [String] = []
        for threads in ["1", "2", "4"] {
            let r = try CLIRunner.run(["stats", "--level", "3", "--enterprises", "--format", "json", "--threads", threads])
            XCTAssertEqual(r.status, 0, r.stderr)
            outputs.append(r.stdout)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
    }

    func testCSVHasOneRowPerUnitAndClass() throws {
        let json = try statsJSON(["--level", "1"]).objectValue!
        let units = (json["parks"]!.arrayValue! + json["districts"]!.arrayValue!) + [json["total"]!]
        let classRows = units.reduce(0) { $0 + ($1.objectValue?["land_use"]?.arrayValue?.count ?? 0) }
        let r = try CLIRunner.run(["stats", "--level", "1", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "unit_kind,unit_id,unit_name,unit_area_m2,parcel_area_m2,code,name_zh,name_en,area_m2,share")
        XCTAssertEqual(lines.count - 1, classRows)
        XCTAssertTrue(lines.contains { $0.hasPrefix("park,P01,绵阳高新技术产业开发区,") && $0.contains(",10,工矿用地,Industrial and mining land,") })
        let benefit = try CLIRunner.run(["stats", "--enterprises", "--format", "csv"])
        XCTAssertEqual(benefit.stdout.split(separator: "\n").count, 2874 + 1)
    }

    func testTableShowsHectaresMuAndBothLanguages() throws {
        let r = try CLIRunner.run(["stats", "--enterprises"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for text in ["area ha", "area 亩", "土地开发率 Land development rate", "已建成 built", "工业用地", "Industrial land",
                     "绵阳高新技术产业开发区", "亩均效益", "Not evaluated 未参评"] {
            XCTAssertTrue(r.stdout.contains(text), text)
        }
    }

    func testBadLevelIsACommandLineErrorAndBadDataIsInputError() throws {
        XCTAssertEqual(try CLIRunner.run(["stats", "--level", "4"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["stats", "--threads", "0"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["stats", dir.appendingPathComponent("missing").path]).status, 2)
    }

    /// A park with no parcels: every share and indicator is null, never NaN.
    func testZeroDenominatorsAreNullInJSON() throws {
        let ds = dir.appendingPathComponent("tiny").path
        try FileManager.default.createDirectory(atPath: ds, withIntermediateDirectories: true)
        func write(_ name: String, _ features: String) throws {
            try Data(#"{"type":"FeatureCollection","features":[\#(features)]}"#.utf8).write(to: URL(fileURLWithPath: ds + "/" + name))
        }
        let square = #"{"type":"Polygon","coordinates":[[[104.5,31.3],[104.6,31.3],[104.6,31.4],[104.5,31.4],[104.5,31.3]]]}"#
        // Parcels outside the park (and the district), but within the 10 km within which the loader
        // keeps features near the districts (farther ones are left out: FarOutsideFeatures).
        let far = #"{"type":"Polygon","coordinates":[[[104.62,31.3],[104.68,31.3],[104.68,31.36],[104.62,31.36],[104.62,31.3]]]}"#
        let lot = #"{"type":"Polygon","coordinates":[[[104.61,31.31],[104.615,31.31],[104.615,31.32],[104.61,31.32],[104.61,31.31]]]}"#
        try write("districts.geojson", #"{"type":"Feature","properties":{"code":"D","name":"区"},"geometry":\#(square)}"#)
        try write("parks.geojson", #"{"type":"Feature","properties":{"id":"P","name":"园","level":"municipal","main_industries":["C39"]},"geometry":\#(square)}"#)
        try write("parcels.geojson", #"{"type":"Feature","properties":{"id":"L","land_use":"17","status":"unbuildable"},"geometry":\#(lot)}"#
                  + #",{"type":"Feature","properties":{"id":"M","land_use":"1001","status":"ready"},"geometry":\#(far)}"#)
        let r = try CLIRunner.run(["stats", ds, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("NaN") || r.stdout.lowercased().contains("inf"))
        let json = try JSONText.parse(r.stdout).objectValue!
        let park = json["parks"]!.arrayValue![0].objectValue!
        XCTAssertEqual(park["district"], .string("D"), "resolved as the district holding the park")
        XCTAssertEqual(park["parcel_area_m2"]?.doubleValue, 0)
        XCTAssertEqual(park["land_use"]?.arrayValue?.count, 0)
        for key in Self.indicatorKeys { XCTAssertEqual(park["indicators"]?.objectValue?[key], .null, key) }
        let total = json["total"]!.objectValue!
        XCTAssertEqual(total["indicators"]?.objectValue?["land_development_rate"]?.doubleValue, 1, "ready / buildable")
        XCTAssertEqual(total["indicators"]?.objectValue?["land_supply_rate"]?.doubleValue, 0)
        XCTAssertEqual(total["indicators"]?.objectValue?["land_built_rate"], .null)
    }

    func testNoLiveHandlesAfterStats() throws {
        let r = try CLIRunner.run(["stats", "--enterprises", "--format", "json"], environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("live handles: GEOS 0, PROJ 0"), r.stderr)
    }
}
