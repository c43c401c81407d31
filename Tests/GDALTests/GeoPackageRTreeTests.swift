import CGDAL
import CSQLite
import Foundation
@testable import GDAL
import GeoCore
import XCTest

/// The packed spatial index of a GeoPackage layer is the one GDAL builds itself: the reference is
/// GDAL 3.6 writing the same features through its C API with its own index (SPATIAL_INDEX=YES),
/// then SQLite's `rtreecheck()`, and window queries checked against the features' boxes by hand.
final class GeoPackageRTreeTests: GDALTestCase {
    /// 3000 seeded points around 104°E 31°N and 500 squares west of Greenwich and south of the
    /// equator (negative coordinates round the other way), with a feature without geometry in each.
    func layers() -> [(name: String, features: [Feature])] {
        var rng = SplitMix64(seed: 19)
        func u() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        var points: [Feature] = (0..<3000).map { k in
            Feature(geometry: .point(Position(x: 104 + u(), y: 31 + u())), properties: ["k": .integer(Int64(k))])
        }
        points.insert(Feature(geometry: nil, properties: ["k": .integer(-1)]), at: 1234)
        var squares: [Feature] = (0..<500).map { k in
            let x = -70.5 + 2 * u(), y = -33.7 + 2 * u(), s = 0.001 + 0.01 * u()
            let ring = CoordinateSequence(xy: [(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)])
            return Feature(geometry: .polygon(Polygon(exterior: ring)), properties: ["k": .integer(Int64(k))])
        }
        squares.insert(Feature(geometry: nil, properties: ["k": .integer(-1)]), at: 7)
        return [("points", points), ("squares", squares)]
    }

    /// The same layers written by GDAL alone (its own deferred index), feature by feature.
    func writeWithGDAL(_ layers: [(name: String, features: [Feature])], to path: String) throws {
        let driver = try XCTUnwrap(GDALGetDriverByName("GPKG"))
        let ds = try XCTUnwrap(GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil))
        defer { GDALClose(ds) }
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        OSRSetFromUserInput(srs, "EPSG:4326")
        for (name, features) in layers {
            let type = features.contains { if case .point = $0.geometry { true } else { false } } ? wkbPoint : wkbPolygon
            let layer = try XCTUnwrap(GDALDatasetCreateLayer(ds, name, srs, type, nil))
            let field = OGR_Fld_Create("k", OFTInteger64)
            OGR_L_CreateField(layer, field, 1)
            OGR_Fld_Destroy(field)
            XCTAssertEqual(GDALDatasetStartTransaction(ds, 0), OGRERR_NONE)
            for f in features {
                let raw = OGR_F_Create(OGR_L_GetLayerDefn(layer))
                if case .integer(let k)? = f.properties?["k"] { OGR_F_SetFieldInteger64(raw, 0, k) }
                if let g = f.geometry {
                    let bytes = WKB.encode(g)
                    var geometry: OGRGeometryH?
                    _ = bytes.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &geometry, $0.count) }
                    OGR_F_SetGeometryDirectly(raw, geometry)
                }
                XCTAssertEqual(OGR_L_CreateFeature(layer, raw), OGRERR_NONE)
                OGR_F_Destroy(raw)
            }
            XCTAssertEqual(GDALDatasetCommitTransaction(ds), OGRERR_NONE)
        }
    }

    func query(_ path: String, _ sql: String) throws -> [[String]] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else { throw XCTSkip("cannot open \(path)") }
        defer { sqlite3_close(db) }
        var stmt: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, sql, -1, &stmt, nil), SQLITE_OK, String(cString: sqlite3_errmsg(db)))
        defer { sqlite3_finalize(stmt) }
        var rows: [[String]] = []
        while sqlite3_step(stmt) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(stmt)).map { c in
                sqlite3_column_type(stmt, c) == SQLITE_FLOAT ? String(sqlite3_column_double(stmt, c))
                    : sqlite3_column_text(stmt, c).map { String(cString: $0) } ?? "NULL"
            })
        }
        return rows
    }

    func testPackedIndexEqualsGDALsOwnAndAnswersWindowsExactly() throws {
        let dir = try temporaryDirectory()
        let ours = dir.appendingPathComponent("ours.gpkg").path, gdal = dir.appendingPathComponent("gdal.gpkg").path
        let layers = layers()
        try VectorWriter.write(rows: layers.map { l in VectorWriter.RowLayer(name: l.name, count: l.features.count) { l.features[$0] } },
                               to: ours, threads: 2)
        try writeWithGDAL(layers, to: gdal)
        for (name, features) in layers {
            let rtree = "rtree_\(name)_geom"
            XCTAssertEqual(try query(ours, "SELECT rtreecheck('\(rtree)')"), [["ok"]], name)
            // Every entry (id and float box) as GDAL's index holds it; none for the feature without geometry.
            let entries = "SELECT id, minx, maxx, miny, maxy FROM \(rtree) ORDER BY id"
            let mine = try query(ours, entries)
            XCTAssertEqual(mine.count, features.count - 1, name)
            XCTAssertEqual(mine, try query(gdal, entries), name)
            // Windows: the ids whose box meets the window, by hand from the features (fid = row + 1).
            var rng = SplitMix64(seed: 5)
            let boxes = features.map { $0.geometry?.boundingBox }
            let all = boxes.compactMap { $0 }.reduce(BoundingBox.empty) { var b = $0; b.extend(with: $1); return b }
            for _ in 0..<40 {
                let x = all.minX + all.width * Double(rng.next() % 1000) / 1000, y = all.minY + all.height * Double(rng.next() % 1000) / 1000
                let w = all.width * 0.05, h = all.height * 0.05
                let got = try query(ours, "SELECT id FROM \(rtree) WHERE maxx >= \(x) AND minx <= \(x + w) AND maxy >= \(y) AND miny <= \(y + h) ORDER BY id")
                // Floats rounded outwards may admit a box within a float step of the window: compare away from the edges.
                let margin = 1e-5
                let inside = boxes.indices.filter { k in
                    boxes[k].map { $0.maxX >= x + margin && $0.minX <= x + w - margin && $0.maxY >= y + margin && $0.minY <= y + h - margin } ?? false
                }.map { String($0 + 1) }
                let near = boxes.indices.filter { k in
                    boxes[k].map { $0.maxX >= x - margin && $0.minX <= x + w + margin && $0.maxY >= y - margin && $0.minY <= y + h + margin } ?? false
                }.map { String($0 + 1) }
                let ids = Set(got.map { $0[0] })
                XCTAssertTrue(Set(inside).isSubset(of: ids) && ids.isSubset(of: Set(near)), "\(name) window \(x), \(y)")
            }
        }
        // The triggers and the extension rows GDAL writes, word for word.
        let triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_%' ORDER BY name"
        XCTAssertEqual(try query(ours, triggers).count, 12)
        XCTAssertEqual(try query(ours, triggers), try query(gdal, triggers))
        let extensions = "SELECT table_name, column_name, extension_name, definition, scope FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' ORDER BY table_name"
        XCTAssertEqual(try query(ours, extensions), try query(gdal, extensions))
        let shadow = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%' ORDER BY name"
        XCTAssertEqual(try query(ours, shadow), try query(gdal, shadow))
    }

    /// A failing index names the file as the user gave it and the layer, and leaves the file as
    /// it was (one transaction): here the index already exists.
    func testFailingIndexNamesFileAndLayerAndChangesNothing() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("points.gpkg").path
        let points = layers()[0]
        try VectorWriter.write(rows: [VectorWriter.RowLayer(name: points.name, count: points.features.count) { points.features[$0] }], to: path)
        var tree = GeoPackageRTree()
        tree.add(id: 1, box: BoundingBox(minX: 104, minY: 31, maxX: 104, maxY: 31))
        XCTAssertThrowsError(try GeoPackageIndexes.write([("points", "geom", "fid", tree)], to: path, reportedPath: "/data/mine.gpkg")) { error in
            guard case .write(let reported, let layer, let message)? = error as? GDALError else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, "/data/mine.gpkg")
            XCTAssertEqual(layer, "points")
            XCTAssertTrue(message.contains("already exists"), message)
        }
        XCTAssertEqual(try query(path, "SELECT rtreecheck('rtree_points_geom')"), [["ok"]])
        XCTAssertEqual(try query(path, "SELECT count(*) FROM rtree_points_geom"), [[String(points.features.count - 1)]])
    }

    /// Boxes are rounded outwards to floats exactly as SQLite rounds what an SQL insert gives it.
    func testRoundingEqualsSQLites() throws {
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(":memory:", &db), SQLITE_OK)
        defer { sqlite3_close(db) }
        try GeoPackageRTree.exec(db!, "CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        var rng = SplitMix64(seed: 3)
        var values: [Double] = [0, -0.1, 0.1, 104.123456789, -70.987654321, 1e-40, -1e-40, 31.000000001]
        for _ in 0..<200 { values.append((Double(rng.next() >> 11) / Double(1 << 53) - 0.5) * 400) }
        for (k, v) in values.enumerated() {
            try GeoPackageRTree.exec(db!, "INSERT INTO r VALUES (\(k + 1), \(v), \(v), \(v), \(v))")
        }
        var stmt: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, "SELECT minx, maxx FROM r ORDER BY id", -1, &stmt, nil), SQLITE_OK)
        defer { sqlite3_finalize(stmt) }
        var k = 0
        while sqlite3_step(stmt) == SQLITE_ROW {
            // %.17g text round-trips the double SQLite was given.
            let v = Double(String(format: "%.17g", values[k]))!
            XCTAssertEqual(Float(sqlite3_column_double(stmt, 0)), GeoPackageRTree.down(v), "min of \(v)")
            XCTAssertEqual(Float(sqlite3_column_double(stmt, 1)), GeoPackageRTree.up(v), "max of \(v)")
            // Outwards for every coordinate a map can hold (SQLite's trick is not for subnormal floats).
            if abs(v) > 1e-30 || v == 0 {
                XCTAssertLessThanOrEqual(Double(GeoPackageRTree.down(v)), v)
                XCTAssertGreaterThanOrEqual(Double(GeoPackageRTree.up(v)), v)
            }
            k += 1
        }
        XCTAssertEqual(k, values.count)
    }
}
