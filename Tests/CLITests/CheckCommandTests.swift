import Foundation
import GeoCore
import GeoJSON
import Synthesis
import XCTest

/// `parkatlas check`: the docs/cli.md JSON shape, exit codes per --fail-on, --policy
/// (override and bad files), the styled GeoJSON map, and synth datasets against
/// the independent reference and the generator's planted situations.
///
/// Fixtures (the synth datasets are regenerated here by the same commands):
///   parkatlas synth --out /tmp/checkds/berlin --parks 8 --parcels 2000 --enterprises 6000 --seed 7 --center=13.4,52.5
///   python3 Tests/Reference/check_reference.py /tmp/checkds/berlin --crs EPSG:32633 > Tests/Fixtures/check/out/synth_berlin_s7.json
///   parkatlas synth --out /tmp/checkds/s11 --parks 12 --parcels 3000 --enterprises 5000 --seed 11
///   python3 Tests/Reference/check_reference.py /tmp/checkds/s11 --crs EPSG:4544 \
///       --policy Tests/Fixtures/check/in/policy_s11.json > Tests/Fixtures/check/out/synth_s11_policy.json
/// Planted situations: `SyntheticCity.expectedFindings()` for the same parameters, the generator's own
/// account of what it built (no GEOS, no PROJ, no point-in-polygon), compared finding by finding.
final class CheckCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func json(_ path: String) throws -> JSONValue {
        try JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
    }

    private func fixture(_ name: String) throws -> JSONValue {
        try json(CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/check/\(name).json").path)
    }

    private func check(_ args: [String], status: Int32 = 0) throws -> JSONValue {
        let r = try CLIRunner.run(["check"] + args + ["--format", "json"])
        XCTAssertEqual(r.status, status, r.stderr)
        return try JSONText.parse(r.stdout)
    }

    private func synth(_ name: String, _ args: [String]) throws -> String {
        let out = dir.appendingPathComponent(name).path
        let made = try CLIRunner.run(["synth", "--out", out, "--quiet"] + args)
        XCTAssertEqual(made.status, 0, made.stderr)
        return out
    }

    private static func findings(_ report: JSONValue) -> [JSONObject] { report.objectValue?["findings"]?.arrayValue?.compactMap(\.objectValue) ?? [] }

    private static func subject(_ f: JSONObject) -> String {
        let s = f["subject"]!.objectValue!
        return s["id"]?.stringValue ?? s["ids"]!.arrayValue!.compactMap(\.stringValue).joined(separator: "/")
    }

    private static func key(_ f: JSONObject) -> String {
        "\(f["rule"]!.stringValue!) \(f["severity"]!.stringValue!) \(subject(f))"
    }

    /// Same findings as the reference (rule, severity, subject), values to 1e-9, suggestions and distances.
    private func assertAgrees(_ report: JSONValue, _ reference: JSONValue, file: StaticString = #filePath, line: UInt = #line) {
        let mine = Self.findings(report), ref = Self.findings(reference)
        XCTAssertEqual(mine.count, ref.count, file: file, line: line)
        var byKey: [String: [JSONObject]] = [:]
        for f in ref {
            let ids = f["subject"]!.arrayValue!.compactMap(\.stringValue).joined(separator: "/")
            byKey["\(f["rule"]!.stringValue!) \(f["severity"]!.stringValue!) \(ids)", default: []].append(f)
        }
        var mineByKey: [String: [JSONObject]] = [:]
        for f in mine { mineByKey[Self.key(f), default: []].append(f) }
        XCTAssertEqual(Set(mineByKey.keys), Set(byKey.keys), file: file, line: line)
        for (k, list) in mineByKey {
            guard let r = byKey[k], r.count == list.count else { XCTFail("\(k): count differs", file: file, line: line); continue }
            let a = list.compactMap { $0["value"]?.doubleValue }.sorted(), b = r.compactMap { $0["value"]?.doubleValue }.sorted()
            XCTAssertEqual(a.count, b.count, k, file: file, line: line)
            for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: max(abs(y) * 1e-9, 1e-9), k, file: file, line: line) }
            if list.count == 1 {
                let suggestion = list[0]["suggestion"]?.objectValue
                XCTAssertEqual(suggestion?["park"]?.stringValue, r[0]["suggestion"]?.stringValue, k, file: file, line: line)
                if let d = suggestion?["distance_m"]?.doubleValue, let rd = r[0]["distance_m"]?.doubleValue {
                    XCTAssertEqual(d, rd, accuracy: 1e-6, k, file: file, line: line)
                }
            }
        }
    }

    func testMianyangJSONShapeVerdictsAndExitCode() throws {
        // Mianyang has planted errors: exit 1 under the default --fail-on error, after printing.
        let report = try check([], status: 1)
        let root = try XCTUnwrap(report.objectValue)
        for key in ["summary", "parks", "findings"] { XCTAssertNotNil(root[key], key) }
        let summary = try XCTUnwrap(root["summary"]?.objectValue)
        XCTAssertEqual(summary.keys, ["error", "warning", "info"])
        let findings = Self.findings(report)
        for severity in ["error", "warning", "info"] {
            XCTAssertEqual(summary[severity]?.integerValue, Int64(findings.filter { $0["severity"]?.stringValue == severity }.count))
        }
        XCTAssertEqual(summary["error"]?.integerValue, 4)
        for f in findings {
            for key in ["rule", "severity", "subject", "message_zh", "message_en", "value", "threshold", "suggestion"] {
                XCTAssertNotNil(f[key], "\(key) in \(f)")
            }
            let subject = f["subject"]!.objectValue!
            XCTAssertNotNil(subject["kind"]?.stringValue)
            XCTAssertTrue((subject["id"]?.stringValue != nil) != (subject["ids"]?.arrayValue?.count == 2), "\(subject)")
        }
        let pair = try XCTUnwrap(findings.first { $0["rule"]?.stringValue == "park-overlap" })
        XCTAssertEqual(pair["subject"]?.objectValue?["ids"], .array([.string("P01"), .string("P04")]))
        let parks = try XCTUnwrap(root["parks"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(parks.count, 14)
        XCTAssertEqual(parks.first { $0["id"]?.stringValue == "P02A" }?["verdict"]?.stringValue, "compliant")
        XCTAssertEqual(parks.first { $0["id"]?.stringValue == "P04" }?["verdict"]?.stringValue, "needs_action")
        // Warnings only (P01A: no error, 4 warnings on the reference dataset): attention, not needs action.
        XCTAssertEqual(parks.first { $0["id"]?.stringValue == "P01A" }?["verdict"]?.stringValue, "attention")
        // A misfit suggestion carries the park and its distance in metres.
        let misfit = try XCTUnwrap(findings.first { $0["rule"]?.stringValue == "misfit-enterprise" && $0["suggestion"] != .null })
        XCTAssertNotNil(misfit["suggestion"]?.objectValue?["distance_m"]?.doubleValue)
    }

    func testFailOnAndPolicyOverride() throws {
        // A policy under which Mianyang has no error: caps raised, overlaps tolerated, only C25 hazardous.
        let policy = dir.appendingPathComponent("relaxed.json").path
        try #"{"checks": {"positioning_cap": {"provincial": {"main": 3}}, "park_overlap_share": 0.5, "parcel_overlap_m2": 10000, "hazardous_chemical_industries": ["C25"]}}"#
            .write(toFile: policy, atomically: true, encoding: .utf8)
        let relaxed = try check(["--policy", policy], status: 0)
        XCTAssertEqual(relaxed.objectValue?["summary"]?.objectValue?["error"]?.integerValue, 0)
        XCTAssertEqual(try CLIRunner.run(["check", "--policy", policy, "--fail-on", "warning", "--quiet"]).status, 1)
        XCTAssertEqual(try CLIRunner.run(["check", "--fail-on", "never", "--quiet"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["check", "--fail-on", "sometimes"]).status, 2)
    }

    func testBadPolicyFileIsExitThreeNamingTheFileAndKeys() throws {
        let policy = dir.appendingPathComponent("bad.json").path
        try #"{"checks": {"leading_industry_shar": 0.7, "park_overlap_share": "1 %", "parcel_overlap_m2": -1}}"#
            .write(toFile: policy, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["check", "--policy", policy])
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.stderr.contains(policy), r.stderr)
        for key in ["checks.leading_industry_shar", "checks.leading_industry_share", "checks.park_overlap_share", "checks.parcel_overlap_m2"] {
            XCTAssertTrue(r.stderr.contains(key), "\(key) in \(r.stderr)")
        }
        XCTAssertEqual(r.stdout, "")
        // A policy path that does not exist is a command-line error (README: exit 2); a bad file is 3 (above).
        let missing = try CLIRunner.run(["check", "--policy", dir.appendingPathComponent("none.json").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.json"), missing.stderr)
    }

    func testGeoJSONMapStyledBySeverityWithEveryField() throws {
        let path = dir.appendingPathComponent("findings.geojson").path
        let r = try CLIRunner.run(["check", "--out", path, "--fail-on", "never"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("需整改 needs action"), "the report still goes to stdout")
        let features = try XCTUnwrap(try json(path).objectValue?["features"]?.arrayValue?.compactMap(\.objectValue))
        let report = try check(["--fail-on", "never"])
        XCTAssertEqual(features.count, Self.findings(report).count)
        let colours = ["error": "#d7191c", "warning": "#fd8d3c", "info": "#2c7bb6"]
        for f in features {
            let p = try XCTUnwrap(f["properties"]?.objectValue)
            for key in ["rule", "severity", "subject", "message_zh", "message_en", "value", "threshold", "suggestion", "title", "description"] {
                XCTAssertNotNil(p[key], key)
            }
            let colour = colours[p["severity"]!.stringValue!]
            XCTAssertEqual(p["marker-color"]?.stringValue, colour)
            XCTAssertEqual(p["fill"]?.stringValue, colour)
            XCTAssertEqual(p["stroke"]?.stringValue, colour)
        }
        let overlap = try XCTUnwrap(features.first { $0["properties"]?.objectValue?["rule"]?.stringValue == "parcel-overlap" })
        XCTAssertEqual(overlap["geometry"]?.objectValue?["type"]?.stringValue, "MultiPolygon")
    }

    func testTableReportGroupsByRuleAndPark() throws {
        let r = try CLIRunner.run(["check", "--fail-on", "never"])
        XCTAssertEqual(r.status, 0)
        for text in ["Parks by district", "合规 compliant", "需整改 needs action", "positioning-cap", "P04 (provincial) declares 3 main industries",
                     "parcels P07-0001 and P07-0002 overlap", "[district 510722]", "more (see --format json"] {
            XCTAssertTrue(r.stdout.contains(text), text)
        }
    }

    func testSynthBerlinAgreesWithReferenceAndPlantedSituations() throws {
        let parameters = SyntheticCityParameters(parks: 8, parcels: 2000, enterprises: 6000, seed: 7, centreLongitude: 13.4, centreLatitude: 52.5)
        let ds = try synth("berlin", ["--parks", "8", "--parcels", "2000", "--enterprises", "6000", "--seed", "7", "--center=13.4,52.5"])
        let report = try check([ds, "--fail-on", "never"])
        assertAgrees(report, try fixture("out/synth_berlin_s7"))
        try assertPlanted(report, parameters)
        // Same JSON on one thread.
        let one = try CLIRunner.run(["check", ds, "--fail-on", "never", "--format", "json", "--threads", "1"])
        let two = try CLIRunner.run(["check", ds, "--fail-on", "never", "--format", "json", "--threads", "2"])
        XCTAssertEqual(one.stdout, two.stdout)
    }

    func testSynthWithPolicyAgreesWithReferenceAndPlantedSituations() throws {
        let ds = try synth("s11", ["--parks", "12", "--parcels", "3000", "--enterprises", "5000", "--seed", "11"])
        let policy = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/check/in/policy_s11.json").path
        let report = try check([ds, "--policy", policy, "--fail-on", "never"])
        assertAgrees(report, try fixture("out/synth_s11_policy"))
        // Without the policy, the planted situations.
        try assertPlanted(try check([ds, "--fail-on", "never"]), SyntheticCityParameters(parks: 12, parcels: 3000, enterprises: 5000, seed: 11, centreLongitude: 104.7, centreLatitude: 31.45))
    }

    /// Cities the fixtures never saw, in other hemispheres and CRS zones: found = planted, finding by finding.
    func testSynthCitiesElsewhereFindExactlyThePlantedSet() throws {
        for (name, lon, lat, seed) in [("saopaulo", -46.6, -23.5, UInt64(3)), ("harbin", 126.6, 45.8, 2024), ("quito", -78.5, -0.2, 99)] {
            let parameters = SyntheticCityParameters(parks: 10, parcels: 2500, enterprises: 8000, seed: seed, centreLongitude: lon, centreLatitude: lat)
            let ds = try synth(name, ["--parks", "10", "--parcels", "2500", "--enterprises", "8000", "--seed", "\(seed)", "--center=\(lon),\(lat)"])
            try assertPlanted(try check([ds, "--fail-on", "never"]), parameters, context: name)
        }
    }

    /// Every finding of the report equals the generator's expected findings (rule, severity, subject kind and id).
    private func assertPlanted(
        _ report: JSONValue, _ parameters: SyntheticCityParameters, context: String = "", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let expected = Set(try SyntheticCity(parameters: parameters).expectedFindings().map(\.description))
        let found = Set(Self.findings(report).map { f -> String in
            let s = f["subject"]!.objectValue!
            return "\(f["rule"]!.stringValue!) \(f["severity"]!.stringValue!) \(s["kind"]!.stringValue!) \(Self.subject(f))"
        })
        XCTAssertEqual(found.subtracting(expected).sorted(), [], "\(context): found, not planted", file: file, line: line)
        XCTAssertEqual(expected.subtracting(found).sorted(), [], "\(context): planted, not found", file: file, line: line)
        XCTAssertGreaterThan(expected.count, 0, file: file, line: line)
    }

    func testNoLiveHandlesAfterCheck() throws {
        let r = try CLIRunner.run(["check", "--fail-on", "never", "--format", "json"], environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("live handles: GEOS 0, PROJ 0"), r.stderr)
    }
}
