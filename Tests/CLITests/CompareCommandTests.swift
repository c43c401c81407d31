import Foundation
import GeoCore
import GeoJSON
import XCTest

/// `parkatlas compare` end to end: the documented JSON keys and their
/// agreement with the reference fixture (Tests/Reference/compare_reference.py,
/// see Tests/LayoutAnalysisTests/Evaluation/CompareReferenceTests.swift for the
/// commands), the change map, the table, exit codes, thread-count identity and
/// no leaked handles. Run on GeoData's two Mianyang years and on the perturbed
/// Berlin synth pair.
final class CompareCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let berlinOld = "Tests/Fixtures/compare/in/berlin_s7_old"
    static let berlinNew = "Tests/Fixtures/compare/in/berlin_s7_new"

    func json(_ args: [String]) throws -> JSONValue {
        let result = try CLIRunner.run(["compare"] + args + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONText.parse(result.stdout)
    }

    func fixture(_ name: String) throws -> JSONValue {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/compare/out/\(name).json")
        return try JSONText.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    func testJSONKeysAndReferenceAgreement() throws {
        let root = try json(["GeoData/mianyang-2023", "GeoData/mianyang", "--level", "1"])
        let o = try XCTUnwrap(root.objectValue)
        XCTAssertEqual(o.keys, ["old", "new", "level", "area_method", "city", "parks", "enterprises", "parcels", "left_out"])
        let city = try XCTUnwrap(o["city"]?.objectValue)
        XCTAssertEqual(city.keys, ["indicators", "leading_industry_share", "per_mu", "industrial_in_parks", "land_use_transitions",
                                   "status_transitions"])
        XCTAssertEqual(city["indicators"]?.arrayValue?.compactMap { $0.objectValue?["key"]?.stringValue }, StatsCommandTests.indicatorKeys)
        let park = try XCTUnwrap(o["parks"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(park.keys, ["id", "name", "in_old", "in_new", "indicators", "leading_industry_share", "per_mu",
                                   "land_use_transitions", "status_transitions", "enterprises", "positioning"])
        XCTAssertEqual(park["per_mu"]?.objectValue?.keys, ["enterprises", "revenue_per_mu_old", "revenue_per_mu_new", "revenue_per_mu_growth",
                                                           "tax_per_mu_old", "tax_per_mu_new", "tax_per_mu_growth"])
        // Cells against shapely + pyproj, to 1e-6 relative.
        let reference = try fixture("mianyang_2023_2024_level1")
        var want: [String: Double] = [:]
        for c in reference.objectValue?["land_use_transitions"]?.arrayValue ?? [] {
            let c = c.objectValue!
            want["\(c["from"]!.stringValue!)→\(c["to"]!.stringValue!)"] = c["area_m2"]!.doubleValue!
        }
        XCTAssertFalse(want.isEmpty)
        var got: [String: Double] = [:]
        for c in city["land_use_transitions"]?.objectValue?["cells"]?.arrayValue ?? [] {
            let c = c.objectValue!
            got["\(c["from"]!.stringValue!)→\(c["to"]!.stringValue!)"] = c["area_m2"]!.doubleValue!
        }
        XCTAssertEqual(Set(got.keys), Set(want.keys))
        for (k, v) in want { XCTAssertEqual(got[k] ?? 0, v, accuracy: 1e-6 * max(1, v), k) }
        // The story of GeoData/README.md: P05 added C404; enterprises entered, exited and moved into parks.
        let p05 = try XCTUnwrap(o["parks"]?.arrayValue?.first { $0.objectValue?["id"]?.stringValue == "P05" }?.objectValue)
        XCTAssertEqual(p05["positioning"]?.objectValue?["main_added"], .array([.string("C404")]))
        let enterprises = try XCTUnwrap(o["enterprises"]?.objectValue)
        for key in ["entered", "exited", "moved_into_park", "industry_changed"] {
            XCTAssertGreaterThan(enterprises[key]?.integerValue ?? 0, 0, key)
        }
        let share = try XCTUnwrap(city["industrial_in_parks"]?.objectValue?["count_share"]?.objectValue)
        XCTAssertGreaterThan(share["delta"]?.doubleValue ?? 0, 0, "moves into parks raise the in-park share")
    }

    func testChangeMapIsStyledAndComplete() throws {
        let map = dir.appendingPathComponent("changes.geojson").path
        let root = try json([Self.berlinOld, Self.berlinNew, "--out", map])
        let collection = try GeoJSONReader().read(contentsOfFile: map).featureCollection
        let newParcels = root.objectValue?["parcels"]?.objectValue?["new"]?.integerValue ?? -1
        let changes = root.objectValue?["enterprises"]?.objectValue?["changes"]?.arrayValue?.count ?? -1
        let relocatedOrMoved = collection.features.filter { $0.geometry?.typeName == "LineString" }.count
        XCTAssertEqual(collection.features.count, Int(newParcels) + changes)
        XCTAssertGreaterThan(relocatedOrMoved, 0)
        for f in collection.features {
            XCTAssertNotNil(f[property: "title"])
            if f.geometry?.isPolygonal == true {
                XCTAssertNotNil(f[property: "fill"]?.stringValue)
                XCTAssertNotNil(f[property: "change"]?.stringValue)
                XCTAssertNotNil(f[property: "land_use"]?.stringValue, "input properties kept")
            }
        }
        let unchanged = collection.features.first { $0[property: "change"]?.stringValue == "unchanged" }
        XCTAssertEqual(unchanged?[property: "fill"]?.stringValue, "#9e9e9e")
    }

    func testTableAndThreadIdentity() throws {
        let table = try CLIRunner.run(["compare", Self.berlinOld, Self.berlinNew])
        XCTAssertEqual(table.status, 0, table.stderr)
        for text in ["用地类型转移矩阵", "Status transitions", "moved_between_parks", "C404"] {
            XCTAssertTrue(table.stdout.contains(text), text)
        }
        let one = try CLIRunner.run(["compare", Self.berlinOld, Self.berlinNew, "--format", "json", "--threads", "1"])
        let two = try CLIRunner.run(["compare", Self.berlinOld, Self.berlinNew, "--format", "json", "--threads", "2"])
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertFalse(one.stdout.contains("NaN") || one.stdout.contains("inf"))
    }

    func testExitCodesAndHandles() throws {
        XCTAssertEqual(try CLIRunner.run(["compare", Self.berlinOld, Self.berlinNew, "--level", "3"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["compare", Self.berlinOld]).status, 2)
        // A folder that does not exist is a command-line error (README: 2); one that exists with bad data is 3.
        XCTAssertEqual(try CLIRunner.run(["compare", Self.berlinOld, dir.appendingPathComponent("missing").path]).status, 2)
        let report = dir.appendingPathComponent("report.json").path
        // --out with .json writes the report (format from the extension), as for every other command.
        let run = try CLIRunner.run(["compare", Self.berlinOld, Self.berlinNew, "--out", report],
                                    environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("live handles: GEOS 0, PROJ 0"), run.stderr)
        XCTAssertTrue(run.stdout.isEmpty)
        XCTAssertNotNil(try JSONText.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: report)), as: UTF8.self)).objectValue)
    }
}
