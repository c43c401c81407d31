import Foundation
import GEOS
import GeoCore
import GeoJSON
import XCTest

/// Issue "what a new user hits", items 1–6: answers that were wrong without a
/// word of warning. Each test failed before its fix.
final class SilentWrongResultTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try CLIRunner.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A copy of GeoData/mianyang whose features named in `moves` are moved to the given positions
    /// (a Point for enterprises; a small square around it for parcels and parks), or dropped when nil.
    func mianyangCopy(_ name: String, file: String, moves: [String: (Double, Double)?]) throws -> String {
        let folder = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang"), to: folder)
        let url = folder.appendingPathComponent(file)
        var collection = try GeoJSONReader().read(Array(try Data(contentsOf: url)), fileName: file).featureCollection
        var kept: [Feature] = []
        for var feature in collection.features {
            guard let id = feature[property: "id"]?.stringValue, let move = moves[id] else { kept.append(feature); continue }
            guard let (x, y) = move else { continue }
            if case .point = feature.geometry {
                feature.geometry = .point(Position(x: x, y: y))
            } else {
                let d = 0.001
                let ring = CoordinateSequence(xy: [(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)])
                feature.geometry = .polygon(Polygon(rings: [ring]))
            }
            kept.append(feature)
        }
        collection.features = kept
        try GeoJSONFile.write(collection, to: url.path)
        return folder.path
    }

    func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> JSONObject {
        let run = try CLIRunner.run(arguments + ["--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        return try XCTUnwrap(try JSONText.parse(run.stdout).objectValue, file: file, line: line)
    }

    // MARK: 1. A feature far outside every district

    /// E02874 moved to (0, 0): validate must name it, and every analysis must give exactly the result
    /// of the dataset without it (the independent reference: the same dataset with E02874 deleted),
    /// saying that one enterprise was left out. Before the fix validate said "OK" and the cluster
    /// study area became 217 million km².
    func testEnterpriseAtNullIslandIsNamedAndLeftOut() throws {
        let moved = try mianyangCopy("moved", file: "enterprises.geojson", moves: ["E02874": (0, 0)])
        let removed = try mianyangCopy("removed", file: "enterprises.geojson", moves: ["E02874": nil])

        let validate = try CLIRunner.run(["validate", moved])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.contains("E02874"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("far outside every district"), validate.stdout)
        XCTAssertFalse(validate.stdout.contains("OK: no problems"), validate.stdout)

        for command in [["cluster", "--simulations", "0"], ["hotspots"], ["agglomeration"], ["check", "--fail-on", "never"]] {
            var a = try json(command + [moved])
            var b = try json(command + [removed])
            let leftOut = try XCTUnwrap(a["left_out"]?.objectValue, "\(command)")
            XCTAssertEqual(leftOut["count"]?.integerValue, 1, "\(command)")
            XCTAssertEqual(leftOut["features"]?.arrayValue?.first?.objectValue?["id"]?.stringValue, "E02874")
            XCTAssertEqual(b["left_out"]?.objectValue?["count"]?.integerValue, 0)
            for key in ["left_out", "dataset"] { a[key] = nil; b[key] = nil }
            XCTAssertEqual(JSONValue.object(a), JSONValue.object(b), "\(command[0]) differs from the dataset without E02874")
        }
        let table = try CLIRunner.run(["stats", moved, "--enterprises"])
        XCTAssertTrue(table.stdout.contains("Left out of the analysis: 1 enterprise far outside every district (E02874)"), table.stdout)
        XCTAssertTrue(table.stderr.contains("E02874"), table.stderr)
    }

    /// The map extent ignores the far feature: the SVG of the moved copy equals that of the copy without it.
    func testMapExtentIgnoresFarFeature() throws {
        let moved = try mianyangCopy("a/m", file: "enterprises.geojson", moves: ["E02874": (0, 0)])
        let removed = try mianyangCopy("b/m", file: "enterprises.geojson", moves: ["E02874": nil])
        let svgA = dir.appendingPathComponent("a.svg").path, svgB = dir.appendingPathComponent("b.svg").path
        XCTAssertEqual(try CLIRunner.run(["map", moved, "--out", svgA, "--quiet"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["map", removed, "--out", svgB, "--quiet"]).status, 0)
        let a = try String(contentsOfFile: svgA, encoding: .utf8).replacingOccurrences(of: moved, with: "")
        let b = try String(contentsOfFile: svgB, encoding: .utf8).replacingOccurrences(of: removed, with: "")
        XCTAssertEqual(a, b)
    }

    /// A parcel far away is a warning and left out; a park far away makes the dataset unusable (error, exit 3).
    func testFarParcelIsLeftOutAndFarParkIsAnError() throws {
        let parcel = try mianyangCopy("parcel", file: "parcels.geojson", moves: ["P01-0001": (116.4, 39.9)])
        let run = try CLIRunner.run(["validate", parcel, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("P01-0001") && run.stdout.contains("far outside every district"), run.stdout)

        let park = try mianyangCopy("park", file: "parks.geojson", moves: ["P12": (116.4, 39.9)])
        let bad = try CLIRunner.run(["validate", park])
        XCTAssertEqual(bad.status, 3, bad.stdout)
        XCTAssertTrue(bad.stdout.contains("P12") && bad.stdout.contains("the park lies far outside every district"), bad.stdout)
    }

    // MARK: 2. compare of two different places

    /// A Berlin synth city against Mianyang: refused with exit 3, saying why. Before: exit 0 and a full change table.
    func testCompareRefusesTwoDifferentPlaces() throws {
        let berlin = try CLIRunner.synth(in: dir, "berlin", ["--center=13.4,52.5", "--parks", "4", "--parcels", "200", "--enterprises", "300"])
        let run = try CLIRunner.run(["compare", berlin, "GeoData/mianyang"])
        XCTAssertEqual(run.status, 3, run.stdout)
        XCTAssertTrue(run.stderr.contains("do not overlap in space"), run.stderr)
        XCTAssertTrue(run.stdout.isEmpty, run.stdout)
        let evaluate = try CLIRunner.run(["evaluate", "GeoData/mianyang", "--previous", berlin])
        XCTAssertEqual(evaluate.status, 3, evaluate.stderr)
    }

    /// The same place with every id renumbered: a warning that nothing can be matched.
    func testCompareWarnsWhenNoIdIsShared() throws {
        let folder = dir.appendingPathComponent("renumbered")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang-2023"), to: folder)
        for file in ["parks.geojson", "parcels.geojson", "enterprises.geojson"] {
            let url = folder.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            // Every id starts with P or E; prefixing X renumbers parks, parcels, enterprises and their references alike.
            for key in ["\"id\": \"", "\"id\":\"", "\"parent\": \"", "\"parent\":\"", "\"enterprise\": \"", "\"enterprise\":\""] {
                text = text.replacingOccurrences(of: key, with: key + "X")
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let run = try CLIRunner.run(["compare", folder.path, "GeoData/mianyang"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("share no park, parcel or enterprise id"), run.stderr)
    }

    // MARK: 3. hotspots --fdr labels p and q

    func testHotspotsFDRShowsPAndQLabelled() throws {
        let root = try json(["hotspots", "--fdr"])
        let table = try CLIRunner.run(["hotspots", "--fdr"]).stdout
        let header = try XCTUnwrap(table.split(separator: "\n").first { $0.contains("neighbours") && $0.contains(" z ") })
        XCTAssertTrue(header.contains(" p ") && header.contains("q (FDR)"), String(header))
        // The hottest enterprise's row shows its own p and q (JSON), in that order.
        let entries = try XCTUnwrap(root["gi_star"]?.arrayValue).compactMap(\.objectValue)
        let hottest = try XCTUnwrap(entries.max { ($0["z"]?.doubleValue ?? -.infinity) < ($1["z"]?.doubleValue ?? -.infinity) })
        let id = try XCTUnwrap(hottest["id"]?.stringValue)
        let p = try XCTUnwrap(hottest["p"]?.doubleValue), q = try XCTUnwrap(hottest["q"]?.doubleValue)
        XCTAssertGreaterThan(q, p, "Benjamini–Hochberg q is never below p, and above it here")
        let row = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("  \(id) ") })
        func text(_ v: Double) -> String { v < 1e-4 ? String(format: "%.1e", v) : String(format: "%.4f", v) }
        let cells = row.split(separator: " ").map(String.init)
        let pAt = try XCTUnwrap(cells.firstIndex(of: text(p)), "\(row) lacks p \(text(p))")
        XCTAssertEqual(cells[pAt + 1], text(q), String(row))
    }

    // MARK: 4. info on projected metres without a crs member

    func testInfoSaysProjectedMetresAreNotLonLat() throws {
        let projected = dir.appendingPathComponent("districts_4544.geojson").path
        XCTAssertEqual(try CLIRunner.run(["convert", "GeoData/mianyang/districts.geojson", projected, "--to", "EPSG:4544", "--quiet"]).status, 0)
        // Drop the crs member, as a careless export would.
        var text = try String(contentsOfFile: projected, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\"crs\""))
        let end = try XCTUnwrap(text.range(of: "}},", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        try text.write(toFile: projected, atomically: true, encoding: .utf8)

        let run = try CLIRunner.run(["info", projected])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("longitude/latitude (RFC 7946"), run.stdout)
        XCTAssertTrue(run.stdout.contains("NOT longitude/latitude"), run.stdout)
        XCTAssertTrue(run.stdout.contains("convert") && run.stdout.contains("--from EPSG:"), run.stdout)
        let root = try json(["info", projected])
        let file = try XCTUnwrap(root["files"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(file["coordinates_out_of_lon_lat_range"], .bool(true))
        XCTAssertNotNil(file["warning"]?.stringValue)

        // 12. convert without --from says it once, with no PROJ error per vertex.
        let convert = try CLIRunner.run(["convert", projected, dir.appendingPathComponent("x.geojson").path, "--to", "EPSG:4544"])
        XCTAssertEqual(convert.status, 3)
        XCTAssertTrue(convert.stderr.contains("--from"), convert.stderr)
        XCTAssertFalse(convert.stderr.contains("Invalid latitude"), convert.stderr)
        XCTAssertEqual(convert.stderr.split(separator: "\n").count, 1, convert.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.geojson").path))
    }

    // MARK: 5. findings.geojson geometry is valid

    /// Every finding geometry is valid for GEOS (the library shapely wraps). Before the fix the
    /// scattered-industry and duplicate-positioning findings of Mianyang were MultiPolygons of
    /// overlapping parks: `python3 -c "import json,shapely; from shapely.geometry import shape;
    /// print([f['properties']['rule'] for f in json.load(open('findings.geojson'))['features']
    /// if not shape(f['geometry']).is_valid])"` listed 7 of them ("Self-intersection").
    func testFindingGeometriesAreValid() throws {
        let path = dir.appendingPathComponent("findings.geojson").path
        let run = try CLIRunner.run(["check", "--fail-on", "never", "--out", path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let collection = try GeoJSONReader().read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), fileName: path).featureCollection
        var multiPark = 0
        for feature in collection.features {
            guard let geometry = feature.geometry else { continue }
            let rule = feature[property: "rule"]?.stringValue ?? "?"
            if rule == "scattered-industry" || rule == "duplicate-positioning" { multiPark += 1 }
            XCTAssertNil(try GeometryHandle(geometry).validityProblem(), "\(rule) \(feature[property: "title"]?.stringValue ?? "")")
        }
        XCTAssertGreaterThan(multiPark, 0, "the dataset must have multi-park findings for this test to mean anything")
    }

    // MARK: 6. site scores are relative, and say so

    func testSiteSaysScoresAreRelative() throws {
        let root = try json(["site", "--industry", "C3974", "--area-ha", "3"])
        XCTAssertTrue(root["score_basis"]?.stringValue?.contains("best candidate of this run") ?? false)
        let table = try CLIRunner.run(["site", "--industry", "C3974", "--area-ha", "3"]).stdout
        XCTAssertTrue(table.contains("Scores are relative"), table)
        let help = try CLIRunner.run(["site", "--help"]).stdout
        XCTAssertTrue(help.contains("RELATIVE"), help)
    }
}
