import GeoCore
import GeoJSON
import XCTest

/// `parkatlas site` end to end: JSON against the independent reference
/// (Tests/Reference/site_reference.py, shapely + pyproj) on the reference dataset and
/// on synth datasets elsewhere and with a policy, the docs/cli.md keys, the styled GeoJSON
/// map, --top, the table, exit codes and thread-count independence.
///
/// Fixtures (the synth datasets are regenerated here by the same commands):
///   parkatlas synth --out /tmp/siteds/berlin --parks 8 --parcels 1500 --enterprises 800 --seed 5 --center=13.4,52.5
///   python3 Tests/Reference/site_reference.py /tmp/siteds/berlin --industry C3973 --area-ha 2 \
///       --out Tests/Fixtures/site/out/synth_berlin_s5_C3973_2ha.json
///   python3 Tests/Reference/site_reference.py /tmp/siteds/berlin --industry C2661 --area-ha 1 \
///       --out Tests/Fixtures/site/out/synth_berlin_s5_C2661_1ha.json
///   parkatlas synth --out /tmp/siteds/s13 --parks 10 --parcels 2500 --enterprises 1200 --seed 13
///   python3 Tests/Reference/site_reference.py /tmp/siteds/s13 --industry C4040 --area-ha 1.5 --district FZ-1 \
///       --out Tests/Fixtures/site/out/synth_s13_C4040_1.5ha_FZ-1.json
///   python3 Tests/Reference/site_reference.py /tmp/siteds/s13 --industry C3921 --area-ha 2 --district D02 \
///       --out Tests/Fixtures/site/out/synth_s13_C3921_2ha_D02.json
///   (s13 copied to s13p with Tests/Fixtures/site/in/policy_s13.json as policy.json)
///   python3 Tests/Reference/site_reference.py /tmp/siteds/s13p --industry C2710 --area-ha 1 \
///       --out Tests/Fixtures/site/out/synth_s13_policy_C2710_1ha.json   (and C3841)
///   python3 Tests/Reference/site_reference.py GeoData/mianyang --industry C3974 --area-ha 3 \
///       --out Tests/Fixtures/site/out/mianyang_C3974_3ha.json           (and C3974 20 ha, C2661 3 ha)
final class SiteCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func fixture(_ name: String) throws -> JSONValue {
        try FixtureComparison.load(analysis: "site", name: name)
    }

    private func siteJSON(_ args: [String]) throws -> JSONValue {
        let result = try CLIRunner.run(["site"] + args + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONText.parse(result.stdout)
    }

    /// Keys of `expected` must be in `actual`; numbers within 1e-9 relative (1e-9 absolute near 0).
    private func differences(_ actual: JSONValue?, _ expected: JSONValue, _ path: String = "") -> [String] {
        FixtureComparison.differences(actual, expected, path: path, relative: 1e-9)
    }

    private func synth(_ name: String, _ args: [String]) throws -> String {
        try CLIRunner.synth(in: dir, name, args)
    }

    func testMianyangMatchesReference() throws {
        for (args, name) in [(["C3974", "3"], "mianyang_C3974_3ha"), (["C3974", "20"], "mianyang_C3974_20ha"),
                             (["C2661", "3"], "mianyang_C2661_3ha")] {
            let json = try siteJSON(["--industry", args[0], "--area-ha", args[1]])
            XCTAssertEqual(differences(json, try fixture(name)), [], name)
        }
    }

    func testSynthDatasetsMatchReference() throws {
        let berlin = try synth("berlin", ["--parks", "8", "--parcels", "1500", "--enterprises", "800", "--seed", "5", "--center=13.4,52.5"])
        var json = try siteJSON([berlin, "--industry", "C3973", "--area-ha", "2"])
        XCTAssertEqual(differences(json, try fixture("synth_berlin_s5_C3973_2ha")), [])
        json = try siteJSON([berlin, "--industry", "C2661", "--area-ha", "1"])
        XCTAssertEqual(differences(json, try fixture("synth_berlin_s5_C2661_1ha")), [])
        XCTAssertEqual(json.objectValue?["crs"]?.stringValue, "EPSG:32633 WGS 84 / UTM zone 33N")

        let s13 = try synth("s13", ["--parks", "10", "--parcels", "2500", "--enterprises", "1200", "--seed", "13"])
        json = try siteJSON([s13, "--industry", "C4040", "--area-ha", "1.5", "--district", "FZ-1"])
        XCTAssertEqual(differences(json, try fixture("synth_s13_C4040_1.5ha_FZ-1")), [])
        json = try siteJSON([s13, "--industry", "C3921", "--area-ha", "2", "--district", "D02", "--threads", "1"])
        XCTAssertEqual(differences(json, try fixture("synth_s13_C3921_2ha_D02")), [])

        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/site/in/policy_s13.json"),
            to: URL(fileURLWithPath: s13).appendingPathComponent("policy.json"))
        for code in ["C2710", "C3841"] {
            json = try siteJSON([s13, "--industry", code, "--area-ha", "1"])
            XCTAssertEqual(differences(json, try fixture("synth_s13_policy_\(code)_1ha")), [], code)
        }
        XCTAssertEqual(json.objectValue?["weights"]?.objectValue?["positioning"]?.doubleValue, 50)
    }

    func testJSONKeysTopAndThreadIdentity() throws {
        let args = ["--industry", "C3976", "--area-ha", "2"]
        let all = try CLIRunner.run(["site"] + args + ["--format", "json", "--threads", "1"])
        let two = try CLIRunner.run(["site"] + args + ["--format", "json", "--threads", "2"])
        XCTAssertEqual(all.stdout, two.stdout)
        let root = try XCTUnwrap(try JSONText.parse(all.stdout).objectValue)
        for key in ["industry", "area_ha", "candidates", "ruled_out"] { XCTAssertNotNil(root[key], key) }
        let first = try XCTUnwrap(root["candidates"]?.arrayValue?.first?.objectValue)
        for key in ["rank", "park", "score", "components", "block", "reclaimable_ha"] { XCTAssertNotNil(first[key], key) }
        XCTAssertEqual(first["components"]?.objectValue?.keys, ["positioning", "synergy", "land", "efficiency"])
        XCTAssertEqual(first["block"]?.objectValue?["parcels"]?.arrayValue?.isEmpty, false)
        XCTAssertNotNil(first["block"]?.objectValue?["area_ha"]?.doubleValue)

        let top = try siteJSON(args + ["--top", "2"])
        XCTAssertEqual(top.objectValue?["candidates"]?.arrayValue?.map { $0.objectValue?["rank"]?.integerValue }, [1, 2])
        XCTAssertEqual(top.objectValue?["ruled_out"], root["ruled_out"])
    }

    func testGeoJSONMapStyledByRank() throws {
        let path = dir.appendingPathComponent("site.geojson").path
        let result = try CLIRunner.run(["site", "--industry", "C2661", "--area-ha", "3", "--out", path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let map = try XCTUnwrap(try JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)).objectValue)
        XCTAssertEqual(map["type"]?.stringValue, "FeatureCollection")
        let features = try XCTUnwrap(map["features"]?.arrayValue?.compactMap(\.objectValue))
        let props = features.compactMap { $0["properties"]?.objectValue }
        let parks = props.filter { $0["layer"]?.stringValue == "park" }
        let blocks = props.filter { $0["layer"]?.stringValue == "block" }
        XCTAssertEqual(parks.count, 14)
        XCTAssertEqual(blocks.map { $0["park"]?.stringValue }, ["P02", "P02A"])
        for p in props {
            for key in ["fill", "fill-opacity", "stroke", "stroke-width", "title", "description"] { XCTAssertNotNil(p[key], key) }
        }
        let p02 = try XCTUnwrap(parks.first { $0["id"]?.stringValue == "P02" })
        XCTAssertEqual(p02["rank"]?.integerValue, 1)
        XCTAssertEqual(p02["fill"]?.stringValue, "#1a9850")
        let p01 = try XCTUnwrap(parks.first { $0["id"]?.stringValue == "P01" })
        XCTAssertEqual(p01["rank"], .null)
        XCTAssertEqual(p01["fill"]?.stringValue, "#bdbdbd")
        XCTAssertEqual(p01["reason"]?.stringValue, "not a chemical park (hazardous-chemical project)")
        // Input properties pass through.
        XCTAssertEqual(Set(parks.map { $0["id"]?.stringValue ?? "" }).count, 14)
        XCTAssertEqual(p02["main_industries"], .array([.string("C266"), .string("C398")]))
        XCTAssertEqual(p02["chemical_park"], .bool(true))
        XCTAssertEqual(parks.first { $0["id"]?.stringValue == "P02A" }?["parent"]?.stringValue, "P02")
        // No temporary file left beside the output.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["site.geojson"])
    }

    func testTableShowsComponentsAndReasons() throws {
        let result = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "3", "--top", "3"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        for text in ["Candidates 候选园区", "定位 pos", "协同 syn", "用地 land", "效益 eff", "P01A", "京东方新型显示产业园",
                     "C3974 main class", "more candidates"] {
            XCTAssertTrue(out.contains(text), text)
        }
        let csv = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "3", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "rank,park,park_name,score,positioning,synergy,land,efficiency,block_area_ha,block_parcels,reclaimable_ha,reason")
        XCTAssertTrue(lines[1].hasPrefix("1,P01A,"), String(lines[1]))
        let report = dir.appendingPathComponent("site.json").path
        XCTAssertEqual(try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "3", "--format", "json", "--out", report]).status, 0)
        XCTAssertEqual(try JSONText.parse(String(contentsOfFile: report, encoding: .utf8)).objectValue?["industry"]?.stringValue, "C3974")
        // More land than any block holds: a clear answer naming the largest block, not an empty list.
        let infeasible = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "30"])
        XCTAssertEqual(infeasible.status, 0)
        XCTAssertTrue(infeasible.stdout.contains("No park can take this project"))
        XCTAssertTrue(infeasible.stdout.contains("Largest available block 最大可用连片地块: 25.48 ha in P04 涪城临港经济开发区 (1 parcel)"), infeasible.stdout)
        XCTAssertTrue(infeasible.stdout.contains("largest block 3.44 ha < need 30.00 ha"))
    }

    /// The acceptance cases on the reference dataset: a 20 ha display-device project goes to a
    /// park positioned for display devices that has a block large enough (P04's 25.48 ha land reserve,
    /// GeoData/README.md); a fine-chemicals project is offered only chemical parks.
    func testMianyangDisplayProjectAndFineChemicals() throws {
        let parks = try JSONText.parse(String(contentsOfFile: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang/parks.geojson").path, encoding: .utf8))
        var positioning: [String: [String]] = [:], chemical: Set<String> = []
        for f in parks.objectValue?["features"]?.arrayValue ?? [] {
            let p = try XCTUnwrap(f.objectValue?["properties"]?.objectValue)
            let id = try XCTUnwrap(p["id"]?.stringValue)
            positioning[id] = ((p["main_industries"]?.arrayValue ?? []) + (p["featured_industries"]?.arrayValue ?? [])).compactMap(\.stringValue)
            if p["chemical_park"]?.boolValue == true { chemical.insert(id) }
        }
        let display = try siteJSON(["--industry", "C3974", "--area-ha", "20"]).objectValue
        let candidates = try XCTUnwrap(display?["candidates"]?.arrayValue?.compactMap(\.objectValue))
        let best = try XCTUnwrap(candidates.first)
        let bestPark = try XCTUnwrap(best["park"]?.stringValue)
        XCTAssertTrue(positioning[bestPark, default: []].contains { "C3974".hasPrefix($0) }, "\(bestPark) is not positioned for C3974")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(best["block"]?.objectValue?["area_ha"]?.doubleValue), 20)
        XCTAssertEqual(bestPark, "P04")

        let fine = try siteJSON(["--industry", "C2661", "--area-ha", "3"]).objectValue
        let offered = Set(try XCTUnwrap(fine?["candidates"]?.arrayValue).compactMap { $0.objectValue?["park"]?.stringValue })
        XCTAssertFalse(offered.isEmpty)
        XCTAssertTrue(offered.isSubset(of: chemical), "\(offered) outside the chemical parks \(chemical)")
        for r in try XCTUnwrap(fine?["ruled_out"]?.arrayValue?.compactMap(\.objectValue)) where !chemical.contains(r["park"]?.stringValue ?? "") {
            XCTAssertEqual(r["reason_code"]?.stringValue, "not_chemical_park", "\(r)")
        }
    }

    func testExitCodes() throws {
        let unknown = try CLIRunner.run(["site", "--industry", "C1310", "--area-ha", "2"])
        XCTAssertEqual(unknown.status, 2)  // an unknown code given on the command line is a command-line error
        XCTAssertTrue(unknown.stderr.contains("unknown industry code \"C1310\""), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("GB/T 4754-2011"), unknown.stderr)
        let bogus = try CLIRunner.run(["site", "--industry", "C9999", "--area-ha", "2"])
        XCTAssertEqual(bogus.status, 2)
        let district = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "2", "--district", "999999"])
        XCTAssertEqual(district.status, 2)
        XCTAssertTrue(district.stderr.contains("510703"), district.stderr)
        let negative = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha=-5"])
        XCTAssertEqual(negative.status, 2)
        XCTAssertTrue(negative.stderr.contains("--area-ha must be a positive number"), negative.stderr)
        XCTAssertEqual(try CLIRunner.run(["site", "--industry", "C3974"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "1", "--top", "0"]).status, 2)
    }
}
