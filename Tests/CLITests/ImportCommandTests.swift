import Foundation
import TestSupport
import XCTest

/// `parkatlas import` on GeoData/mianyang-raw (the Mianyang reference data as a planner
/// receives it) and on broken copies of it.
///
/// References:
/// - `python3 Tests/Reference/make_mianyang_raw.py` wrote GeoData/mianyang-raw from GeoData/mianyang
///   with fiona/pyogrio/openpyxl/pyproj and its own GCJ-02 forward formula; importing it must give
///   `stats` equal to GeoData/mianyang's to 1e-6 relative, enterprises within 0.5 m.
/// - `python3 Tests/Reference/import_reference.py` (pyogrio/pandas) printed:
///   `zd.shp fields: ZDDM, TDYT, TDYTMC, GDZT, JZMJ, JDMJ, TZE_YUAN, SSE, QYDM`,
///   `zd.shp TDYT 0701: 497 M2: 747 distinct: 18`, `zd.shp features: 4126`,
///   `qymd.xlsx rows: 2874`, `first revenue with a thousands separator: sheet row 12 value 1,063.2`.
final class ImportCommandTests: LeakCheckedTestCase {
    static let raw = "GeoData/mianyang-raw"

    /// A copy of GeoData/mianyang-raw in a temporary folder, its mapping edited by `edit`.
    func rawCopy(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> URL {
        let dir = try CLIRunner.temporaryDirectory()
        let copy = dir.appendingPathComponent("raw")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent(Self.raw), to: copy)
        let mappingURL = copy.appendingPathComponent("mapping.json")
        var mapping = try JSONSerialization.jsonObject(with: Data(contentsOf: mappingURL)) as! [String: Any]
        edit(&mapping)
        try JSONSerialization.data(withJSONObject: mapping, options: [.prettyPrinted]).write(to: mappingURL)
        return copy
    }

    func runImport(_ raw: URL, out: String) throws -> CLIRunner.Result {
        try CLIRunner.run(["import", "--mapping", raw.appendingPathComponent("mapping.json").path, "--out", out],
                          environment: ["PARKATLAS_REPORT_HANDLES": "1"])
    }

    /// Runs an import expected to fail with exit 3, checks that nothing was written, returns stderr.
    func failingImport(_ raw: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = raw.deletingLastPathComponent().appendingPathComponent("out").path
        let result = try runImport(raw, out: out)
        XCTAssertEqual(result.status, 3, result.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing may be written on failure", file: file, line: line)
        XCTAssertTrue(result.stderr.contains("live handles: GEOS 0, PROJ 0, GDAL 0"), result.stderr, file: file, line: line)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: raw.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left", file: file, line: line)
        return result.stderr
    }

    func testImportedMianyangHasTheStatsOfGeoDataMianyang() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("imported").path
        let imported = try CLIRunner.run(["import", "--mapping", Self.raw + "/mapping.json", "--out", out],
                                         environment: ["PARKATLAS_REPORT_HANDLES": "1"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("live handles: GEOS 0, PROJ 0, GDAL 0"), imported.stderr)
        XCTAssertTrue(imported.stdout.contains("parcels      4126 of 4126"), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("validation: 0 errors"), imported.stdout)
        try assertSameStats(out)

        // GCJ-02 round trip: every enterprise within 0.5 m of the original.
        func points(_ path: String) throws -> [String: (Double, Double)] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            var result: [String: (Double, Double)] = [:]
            for f in json["features"] as! [[String: Any]] {
                let c = (f["geometry"] as! [String: Any])["coordinates"] as! [Double]
                result[(f["properties"] as! [String: Any])["id"] as! String] = (c[0], c[1])
            }
            return result
        }
        let original = try points(CLIRunner.packageRoot.appendingPathComponent("GeoData/mianyang/enterprises.geojson").path)
        let back = try points(out + "/enterprises.geojson")
        XCTAssertEqual(original.count, 2874)
        XCTAssertEqual(Set(original.keys), Set(back.keys))
        var worst = 0.0
        for (id, p) in original {
            let q = back[id]!
            let dx = (q.0 - p.0) * 111_320 * cos(p.1 * .pi / 180), dy = (q.1 - p.1) * 110_574
            worst = max(worst, (dx * dx + dy * dy).squareRoot())
        }
        XCTAssertLessThan(worst, 0.5)
    }

    /// `stats --format json --enterprises` of `dataset` equals that of GeoData/mianyang to 1e-6 relative.
    func assertSameStats(_ dataset: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try CLIRunner.run(["stats", "GeoData/mianyang", "--format", "json", "--enterprises"])
        let mine = try CLIRunner.run(["stats", dataset, "--format", "json", "--enterprises"])
        XCTAssertEqual(reference.status, 0, reference.stderr, file: file, line: line)
        XCTAssertEqual(mine.status, 0, mine.stderr, file: file, line: line)
        var a = try JSONSerialization.jsonObject(with: Data(reference.stdout.utf8)) as! [String: Any]
        var b = try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as! [String: Any]
        a["dataset"] = nil
        b["dataset"] = nil
        var differences: [String] = []
        var numbers = 0
        func compare(_ x: Any, _ y: Any, _ path: String) {
            switch (x, y) {
            case let (x as [String: Any], y as [String: Any]):
                if Set(x.keys) != Set(y.keys) { differences.append("\(path): keys differ"); return }
                for (k, v) in x { compare(v, y[k]!, path + "." + k) }
            case let (x as [Any], y as [Any]):
                if x.count != y.count { differences.append("\(path): \(x.count) vs \(y.count) items"); return }
                for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, "\(path)[\(i)]") }
            case let (x as NSNumber, y as NSNumber):
                numbers += 1
                let u = x.doubleValue, v = y.doubleValue
                if abs(u - v) > 1e-6 * max(abs(u), abs(v)) && abs(u - v) > 1e-12 { differences.append("\(path): \(u) vs \(v)") }
            case let (x as String, y as String):
                if x != y { differences.append("\(path): \(x) vs \(y)") }
            case (is NSNull, is NSNull): break
            default: differences.append("\(path): \(x) vs \(y)")
            }
        }
        compare(a, b, "")
        XCTAssertEqual(differences, [], file: file, line: line)
        XCTAssertGreaterThan(numbers, 500, file: file, line: line)
    }

    func testImportToGeoPackageAndCheckWritesNothing() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gpkg = dir.appendingPathComponent("mianyang.gpkg").path
        let imported = try CLIRunner.run(["import", "--mapping", Self.raw + "/mapping.json", "--out", gpkg])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        try assertSameStats(gpkg)

        let checkDir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: checkDir) }
        let mapping = CLIRunner.packageRoot.appendingPathComponent(Self.raw + "/mapping.json").path
        let check = try CLIRunner.run(["import", "--mapping", mapping, "--check"], currentDirectory: checkDir)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("--check: nothing written"), check.stdout)
        XCTAssertTrue(check.stdout.contains("validation: 0 errors"), check.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: checkDir.path), [])
    }

    func testCommandLineErrorsExit2() throws {
        XCTAssertEqual(try CLIRunner.run(["import", "--mapping", Self.raw + "/mapping.json"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["import", "--mapping", "no/such/mapping.json", "--check"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["import", "--mapping", Self.raw + "/mapping.json", "--out", "x.geojson"]).status, 2)
    }

    func testMissingShxAndDbf() throws {
        for companion in ["zd.shx", "zd.dbf"] {
            let raw = try rawCopy()
            defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
            try FileManager.default.removeItem(at: raw.appendingPathComponent(companion))
            let stderr = try failingImport(raw)
            XCTAssertTrue(stderr.contains("the companion file \(companion) is missing"), stderr)
        }
    }

    func testGBKDeclaredAsUTF8SaysWhichEncodingToSet() throws {
        let raw = try rawCopy { m in
            var parcels = m["parcels"] as! [String: Any]
            parcels["encoding"] = "UTF-8"
            m["parcels"] = parcels
        }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("zd.shp"), stderr)
        XCTAssertTrue(stderr.contains("not valid UTF-8"), stderr)
        XCTAssertTrue(stderr.contains("set \"encoding\": \"GBK\""), stderr)
    }

    func testMappedFieldThatDoesNotExistListsFieldsAndSuggests() throws {
        let raw = try rawCopy { m in
            var parcels = m["parcels"] as! [String: Any]
            var fields = parcels["fields"] as! [String: Any]
            var landUse = fields["land_use"] as! [String: Any]
            landUse["field"] = "TDTY"
            fields["land_use"] = landUse
            parcels["fields"] = fields
            m["parcels"] = parcels
        }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("layer zd: no field \"TDTY\" (mapped to land_use); did you mean \"TDYT\"?"), stderr)
        XCTAssertTrue(stderr.contains("ZDDM, TDYT, TDYTMC, GDZT, JZMJ, JDMJ, TZE_YUAN, SSE, QYDM"), stderr)
    }

    func testUnmappedCodesAreListedWithCounts() throws {
        let raw = try rawCopy { m in
            var parcels = m["parcels"] as! [String: Any]
            var fields = parcels["fields"] as! [String: Any]
            var landUse = fields["land_use"] as! [String: Any]
            var values = landUse["values"] as! [String: Any]
            values["0701"] = nil
            landUse["values"] = values
            fields["land_use"] = landUse
            parcels["fields"] = fields
            m["parcels"] = parcels
        }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("zd.shp, layer zd, 497 features (FIDs "), stderr)
        XCTAssertTrue(stderr.contains("field TDYT → land_use, value \"0701\": not mapped by gb50137-2011"), stderr)
        XCTAssertEqual(stderr.components(separatedBy: "value \"0701\"").count - 1, 1, "one line for all 497")
    }

    /// A CSV of enterprises written here: row 2 fine, row 3 revenue "abc", row 4 no coordinates,
    /// row 5 latitude 314.2 (out of range), row 6 revenue "1,234.5" and full-width "１２" employees.
    func testBadRowsOfATableAreNamed() throws {
        let csv = """
            id,name,industry,revenue,staff,lon,lat
            T1,甲,C3974,100.5,10,104.70,31.45
            T2,乙,C3974,abc,10,104.71,31.46
            T3,丙,C3974,100,10,,
            T4,丁,C3974,100,10,104.72,314.2
            T5,戊,C3974,"1,234.5",１２,104.73,31.47

            """
        func mapping(_ m: inout [String: Any]) {
            m["parcels"] = nil
            m["enterprises"] = [
                "source": "qy.csv",
                "points": ["x": "lon", "y": "lat", "crs": "EPSG:4326"],
                "fields": ["id": "id", "name": "name", "industry": "industry", "output_wan": "revenue", "employees": "staff"],
            ] as [String: Any]
        }
        let raw = try rawCopy(mapping)
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        try Data(csv.utf8).write(to: raw.appendingPathComponent("qy.csv"))
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("qy.csv, layer qy, row 3, field revenue → output_wan, value \"abc\": not a number"), stderr)
        XCTAssertTrue(stderr.contains("qy.csv, layer qy, row 4, field lon, lat: no coordinates (both empty): the row is left out"), stderr)
        XCTAssertTrue(stderr.contains("qy.csv, layer qy, row 5, property geometry: coordinates (104.72, 314.2) (from lon, lat)"), stderr)

        // Without rows 3 and 5 the import succeeds; row 4 is a warning; row 6's text numbers are read.
        let fixed = csv.split(separator: "\n").enumerated().filter { ![2, 4].contains($0.offset) }.map(\.element).joined(separator: "\n") + "\n"
        try Data(fixed.utf8).write(to: raw.appendingPathComponent("qy.csv"))
        let out = raw.deletingLastPathComponent().appendingPathComponent("out").path
        let result = try runImport(raw, out: out)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("enterprises  2 of 3 from"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 3, field lon, lat: no coordinates"), result.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/enterprises.geojson"))) as! [String: Any]
        let last = (json["features"] as! [[String: Any]])[1]["properties"] as! [String: Any]
        XCTAssertEqual(last["output_wan"] as? Double, 1234.5)
        XCTAssertEqual(last["employees"] as? Int, 12)
    }

    func testNonPolygonalLayerWherePolygonsAreNeeded() throws {
        let raw = try rawCopy { m in
            m["districts"] = [
                "source": "xzq.csv", "points": ["wkt": "wkt", "crs": "EPSG:4326"],
                "fields": ["code": "code", "name": "name"],
            ] as [String: Any]
        }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        try Data("code,name,wkt\n510703,涪城区,POINT (104.7 31.4)\n".utf8).write(to: raw.appendingPathComponent("xzq.csv"))
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("xzq.csv, layer xzq, row 2, property geometry: the geometry is a Point; districts need Polygon or MultiPolygon geometries"), stderr)
    }

    func testSourceInAnUnknownCRSWithNoCRSGiven() throws {
        let raw = try rawCopy { m in m["defaults"] = ["encoding": "GBK"] }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: raw.appendingPathComponent("zd.prj"))
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("zd.shp"), stderr)
        XCTAssertTrue(stderr.contains("the Shapefile has no .prj and no CRS was given; give \"crs\" for this layer"), stderr)
    }

    func testMappingWithAnUnknownKey() throws {
        let raw = try rawCopy { m in
            var parcels = m["parcels"] as! [String: Any]
            var fields = parcels["fields"] as! [String: Any]
            fields["land_use"] = ["field": "TDYT", "clasification": "gb50137-2011"]
            parcels["fields"] = fields
            m["parcels"] = parcels
        }
        defer { try? FileManager.default.removeItem(at: raw.deletingLastPathComponent()) }
        let stderr = try failingImport(raw)
        XCTAssertTrue(stderr.contains("mapping.json: parcels.fields.land_use: unknown key \"clasification\" (did you mean \"classification\"?)"), stderr)
    }
}
