import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas cluster` end to end. Expected labels come from scikit-learn on pyproj-projected
/// coordinates: `python3 Tests/Reference/cluster_reference.py` → Tests/Fixtures/cluster/out/<dataset>.json.
final class ClusterCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func runJSON(_ args: [String]) throws -> JSONObject {
        let result = try CLIRunner.run(["cluster"] + args + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONText.parse(result.stdout).objectValue, result.stderr)
    }

    private func reference(_ name: String) throws -> JSONObject {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/cluster/out/\(name).json")
        return try XCTUnwrap(JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)).objectValue)
    }

    func testJSONLabelsMatchScikitLearnOnSynthAndReferenceDatasets() throws {
        for (folder, fixture) in [
            ("Tests/Fixtures/cluster/in/synth_s11_berlin", "synth_s11_berlin"),
            ("Tests/Fixtures/cluster/in/synth_s7_sichuan", "synth_s7_sichuan"),
            ("GeoData/mianyang", "mianyang"),
        ] {
            let json = try runJSON([folder, "--simulations", "0", "--level", "2"])
            let ref = try reference(fixture)
            XCTAssertEqual(json.keys.prefix(4), ["crs", "method", "eps_m", "min_points"])
            XCTAssertTrue(json["crs"]?.stringValue?.hasPrefix("EPSG:\(ref["epsg"]!.integerValue!) ") ?? false)
            XCTAssertEqual(json["eps_m"]?.doubleValue, 500)
            XCTAssertEqual(json["min_points"]?.integerValue, 5)
            let groups = try XCTUnwrap(json["groups"]?.arrayValue)
            let refGroups = try XCTUnwrap(ref["groups"]?.arrayValue)
            XCTAssertEqual(groups.count, refGroups.count)
            for (g, r) in zip(groups, refGroups) {
                let g = try XCTUnwrap(g.objectValue), r = try XCTUnwrap(r.objectValue)
                XCTAssertEqual(g["industry"], r["industry"])
                let points = try XCTUnwrap(g["points"]?.arrayValue).compactMap(\.objectValue)
                XCTAssertEqual(points.map { $0["id"]! }, r["ids"]!.arrayValue!, fixture)
                XCTAssertEqual(points.map { $0["cluster"]!.integerValue! }, r["labels"]!.arrayValue!.map { $0.integerValue! }, "\(fixture) \(g["industry"]!)")
                XCTAssertEqual(points.map { $0["core"]! }, r["core"]!.arrayValue!)
                for p in points {
                    let expected = p["core"] == .bool(true) ? "core" : (p["cluster"]!.integerValue! >= 0 ? "border" : "noise")
                    XCTAssertEqual(p["role"]?.stringValue, expected)
                }
                let clusters = try XCTUnwrap(g["clusters"]?.arrayValue).compactMap(\.objectValue)
                for c in clusters {
                    XCTAssertEqual(Set(c.keys).isSuperset(of: ["id", "size", "core_count", "industries", "output_wan", "parks", "centroid"]), true)
                }
                if let nni = g["nni"]?.objectValue, let rn = r["nni_bbox"]?.objectValue {
                    XCTAssertEqual(nni["nni"]!.doubleValue!, rn["nni"]!.doubleValue!, accuracy: 1e-9 * rn["nni"]!.doubleValue!)
                    XCTAssertEqual(Set(nni.keys).isSuperset(of: ["nni", "z", "p", "mean_observed", "mean_expected", "study_area_m2"]), true)
                }
                if let ripley = g["ripley"]?.objectValue {
                    XCTAssertEqual(Set(ripley.keys).isSuperset(of: ["radii", "k", "l", "envelope_low", "envelope_high", "p"]), true)
                    XCTAssertEqual(ripley["envelope_low"], .null, "no simulations, no envelope")
                }
            }
        }
    }

    func testThreadCountDoesNotChangeTheResult() throws {
        let args = ["GeoData/mianyang", "--industry", "C13,C39", "--simulations", "9", "--seed", "3", "--study-area", "districts"]
        let one = try CLIRunner.run(["cluster"] + args + ["--format", "json", "--threads", "1"])
        let two = try CLIRunner.run(["cluster"] + args + ["--format", "json", "--threads", "2"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertTrue(one.stdout.contains("\"study_area\": \"districts\""))
    }

    func testGeoJSONMapKeepsPropertiesAndStyles() throws {
        let path = dir.appendingPathComponent("clusters.geojson").path
        let result = try CLIRunner.run(["cluster", "GeoData/mianyang", "--industry", "C39", "--simulations", "0", "--out", path, "--quiet"],
                                       environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0"), result.stderr)
        let map = try GeoJSONReader().readFeatureCollection(contentsOfFile: path)
        let points = map.features.filter { if case .point = $0.geometry { return true } else { return false } }
        let hulls = map.features.filter { $0[property: "kind"] == .string("cluster_hull") }
        XCTAssertGreaterThan(points.count, 900)
        XCTAssertGreaterThan(hulls.count, 3)
        for f in points.prefix(50) {
            for key in ["id", "name", "industry", "output_wan", "cluster", "cluster_role", "marker-color", "title", "description"] {
                XCTAssertNotNil(f[property: key], key)
            }
        }
        for h in hulls {
            XCTAssertTrue(h.geometry?.isPolygonal ?? false)
            for key in ["fill", "fill-opacity", "stroke", "stroke-width", "title", "description", "size"] { XCTAssertNotNil(h[property: key], key) }
        }
    }

    func testTableShowsCRSAndNames() throws {
        let result = try CLIRunner.run(["cluster", "--industry", "C39", "--simulations", "9"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("EPSG:4544"), result.stdout)
        XCTAssertTrue(result.stdout.contains("计算机"), result.stdout)
        XCTAssertTrue(result.stdout.contains("nearest neighbour"), result.stdout)
    }

    func testBadOptionsExitTwo() throws {
        for args in [["--eps", "0"], ["--min-points", "0"], ["--radii", "100,-5"], ["--study-area", "moon"],
                     ["--level", "7"], ["--industry", "3974"], ["--simulations", "-1"], ["--format", "json", "--out", "x.csv"],
                     ["--envelope", "exact"]] {
            let result = try CLIRunner.run(["cluster"] + args)
            XCTAssertEqual(result.status, 2, "\(args): \(result.stderr)")
        }
    }

    func testUnknownIndustryGivesEmptyGroupList() throws {
        let json = try runJSON(["GeoData/mianyang", "--industry", "A01"])
        XCTAssertEqual(json["groups"]?.arrayValue?.count, 0)
    }

    /// The envelope method is stated in the JSON (top level and per group) and in the table:
    /// `auto` simulates Mianyang's groups (all below the threshold), `analytic` is analytic everywhere.
    func testEnvelopeMethodIsStated() throws {
        let auto = try runJSON(["GeoData/mianyang", "--industry", "C39,C13", "--simulations", "19"])
        XCTAssertEqual(auto["envelope"]?.stringValue, "auto")
        let autoGroups = try XCTUnwrap(auto["groups"]?.arrayValue)
        XCTAssertEqual(autoGroups.count, 2)
        for g in autoGroups {
            let ripley = try XCTUnwrap(g.objectValue?["ripley"]?.objectValue)
            XCTAssertLessThanOrEqual(g.objectValue?["n"]?.integerValue ?? .max, 10_000)
            XCTAssertEqual(ripley["envelope"]?.stringValue, "simulation")
            XCTAssertEqual(ripley["expected_k"], .null)
        }
        let analytic = try runJSON(["GeoData/mianyang", "--industry", "C39,C13", "--envelope", "analytic", "--study-area", "districts"])
        XCTAssertEqual(analytic["envelope"]?.stringValue, "analytic")
        for g in try XCTUnwrap(analytic["groups"]?.arrayValue) {
            let ripley = try XCTUnwrap(g.objectValue?["ripley"]?.objectValue)
            XCTAssertEqual(ripley["envelope"]?.stringValue, "analytic")
            // z of 99 simulations' per-tail level 1/100: scipy norm.ppf(0.99).
            XCTAssertEqual(ripley["z"]?.doubleValue ?? 0, 2.3263478740408408, accuracy: 1e-12)
            let mean = ripley["expected_k"]?.arrayValue?.compactMap(\.doubleValue) ?? []
            let high = ripley["envelope_high_k"]?.arrayValue?.compactMap(\.doubleValue) ?? []
            XCTAssertEqual(mean.count, 4)
            for (m, h) in zip(mean, high) { XCTAssertGreaterThan(h, m) }
        }
        let table = try CLIRunner.run(["cluster", "GeoData/mianyang", "--industry", "C39", "--envelope", "analytic"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("K envelope (--envelope analytic): analytic"), table.stdout)
        XCTAssertTrue(table.stdout.contains("  envelope: analytic"), table.stdout)
        let simulated = try CLIRunner.run(["cluster", "GeoData/mianyang", "--industry", "C39"])
        XCTAssertTrue(simulated.stdout.contains("K envelope (--envelope auto): simulation (99 CSR patterns, min/max, seed 1)"), simulated.stdout)
    }
}
