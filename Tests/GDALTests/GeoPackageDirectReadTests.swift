import CSQLite
import Foundation
import GDAL
import GeoCore
@testable import LayoutIO
import LayoutModel
import XCTest

/// `GeoPackageDirectRead` (a plain table's rows straight from SQLite) against GDAL's own
/// reading of the same layer (`VectorLayer.forEachBatch`, GDAL's Arrow stream), which is the
/// reference: same FIDs, same columns and values, same geometries coordinate for coordinate;
/// and `GeoPackageDataset.decodedParcels` gives the same parcels and problems either way.
///
/// Reference file: Tests/Fixtures/gdal/mianyang.gpkg, written by pyogrio
/// (`python3 Tests/Reference/gdal_dataset_gpkg.py GeoData/mianyang Tests/Fixtures/gdal/mianyang.gpkg`).
/// The bad-input cases are copies of it changed with SQLite below.
final class GeoPackageDirectReadTests: GDALTestCase {
    /// Every batch of a reading, joined.
    struct Rows: Equatable {
        var fids: [Int64?] = []
        var names: [String] = []
        var columns: [[JSONValue]] = []
        var geometries: [Geometry?] = []

        mutating func add(_ batch: FeatureBatch) {
            XCTAssertEqual(batch.fids.count, batch.count)
            XCTAssertEqual(batch.geometries.count, batch.count)
            if columns.isEmpty {
                names = batch.names
                columns = Array(repeating: [], count: batch.columns.count)
            }
            XCTAssertEqual(batch.names, names)
            fids += batch.fids
            geometries += batch.geometries
            for c in batch.columns.indices {
                XCTAssertEqual(batch.columns[c].count, batch.count)
                columns[c] += batch.columns[c]
            }
        }
    }

    /// The rows read straight from SQLite, nil when the direct reading declines (a row is not plain).
    func direct(_ path: String, _ name: String, fids: Range<Int64>? = nil, batch: Int = 1000) throws -> Rows? {
        let dataset = try VectorDataset.open(path, drivers: ["GPKG"])
        let layer = try dataset.layer(named: name)
        let reader = try XCTUnwrap(GeoPackageDirectRead(layer), "layer \(name) not eligible")
        var rows = Rows()
        return reader.forEachBatch(fids: fids, batchSize: batch) { rows.add($0) } ? rows : nil
    }

    /// The rows as GDAL's Arrow stream gives them (with the FID range as an attribute filter).
    func viaGDAL(_ path: String, _ name: String, fids: Range<Int64>? = nil) throws -> Rows {
        let dataset = try VectorDataset.open(path, drivers: ["GPKG"])
        let layer = try dataset.layer(named: name)
        if let fids { try layer.setAttributeFilter(ParallelLayerRead.filter(fid: "fid", fids)) }
        final class Box: @unchecked Sendable { var rows = Rows() }
        let box = Box()
        XCTAssertTrue(try layer.forEachBatch(batchSize: 700) { box.rows.add($0) })
        return box.rows
    }

    /// `decodedParcels` with and without the direct reading, as comparable text (an error included).
    func parcels(_ path: String, threads: Int, direct: Bool) -> String {
        GeoPackageDataset.directReading = direct
        defer { GeoPackageDataset.directReading = true }
        do {
            let package = try GeoPackageDataset(path: path, threads: threads)
            guard let result = try package.decodedParcels(datum: .wgs84) else { return "not eligible" }
            return "\(result.decoded.values)\n\(result.repairProblems)\n\(result.decoded.problems)\n\(result.decoded.rejectedIDs)"
        } catch {
            return "error: \(error)"
        }
    }

    func testPyogrioFileReadsAsGDALReadsIt() throws {
        let path = Self.fixture("mianyang.gpkg")
        for name in ["parcels", "districts"] {
            let fast = try XCTUnwrap(try direct(path, name), name)
            let reference = try viaGDAL(path, name)
            XCTAssertGreaterThan(fast.fids.count, 10, name)
            XCTAssertEqual(fast.names, reference.names, name)
            XCTAssertEqual(fast.fids, reference.fids, name)
            XCTAssertEqual(fast.geometries, reference.geometries, name)
            for c in fast.columns.indices {
                XCTAssertEqual(fast.columns[c], reference.columns[c], "\(name).\(fast.names[c])")
            }
        }
        // FID ranges (each thread's part), the bounds as ParallelLayerRead gives them.
        for range: Range<Int64> in [1..<1000, 1000..<2000, 2000..<5000, 5000..<6000] {
            XCTAssertEqual(try direct(path, "parcels", fids: range), try viaGDAL(path, "parcels", fids: range), "\(range)")
        }
        // Booleans and JSON text (parks, enterprises) are left to GDAL, as are dates (sample.gpkg).
        let dataset = try VectorDataset.open(path, drivers: ["GPKG"])
        XCTAssertNil(GeoPackageDirectRead(try dataset.layer(named: "parks")))
        XCTAssertNil(GeoPackageDirectRead(try dataset.layer(named: "enterprises")))
        let sample = try VectorDataset.open(Self.fixture("sample.gpkg"), drivers: ["GPKG"])
        XCTAssertNil(GeoPackageDirectRead(try sample.layer(at: 0)))

        // Into the model: every parcel field and problem the same.
        let reference = parcels(path, threads: 1, direct: false)
        XCTAssertTrue(reference.hasPrefix("["), reference)
        XCTAssertEqual(parcels(path, threads: 1, direct: true), reference)
        XCTAssertEqual(parcels(path, threads: 2, direct: true), reference)
    }

    /// Rows that are still plain but odd: each read directly, and as GDAL reads it.
    func testOddPlainRowsReadAsGDALReadsThem() throws {
        let path = try copy()
        try execute(path, """
            UPDATE parcels SET geom = X'\(gpkgBlob(wkb: pointWKB(104.7, 31.4)))' WHERE fid = 3;
            UPDATE parcels SET geom = X'\(gpkgBlob(wkb: bigEndianSquare(), envelope: true))' WHERE fid = 4;
            UPDATE parcels SET geom = NULL WHERE fid = 5;
            UPDATE parcels SET status = NULL, id = '' WHERE fid = 6;
            UPDATE parcels SET enterprise = '四川九洲电器集团有限责任公司', tax_wan = -3.5 WHERE fid = 7;
            UPDATE parcels SET land_use = '已建成' WHERE fid = 8;
            """)
        let fast = try XCTUnwrap(try direct(path, "parcels"), "plain rows must be read directly")
        XCTAssertEqual(fast, try viaGDAL(path, "parcels"))
        XCTAssertEqual(fast.geometries[2], .point(Position(104.7, 31.4)))
        XCTAssertNil(fast.geometries[4])
        let reference = parcels(path, threads: 1, direct: false)
        XCTAssertEqual(parcels(path, threads: 1, direct: true), reference)
        XCTAssertEqual(fast.geometries[3], .polygon(Polygon(exterior: CoordinateSequence([
            Position(104.70, 31.40), Position(104.71, 31.40), Position(104.71, 31.41), Position(104.70, 31.41), Position(104.70, 31.40)]))))
        // The wrong geometry type and the other breaks are reported (feature indices 2, 4…7).
        for index in [2, 4, 5, 6, 7] { XCTAssertTrue(reference.contains("parcels.geojson[\(index)]"), "feature \(index): \(reference.suffix(2000))") }
    }

    /// A missing column: read directly (the table is still plain), reported as GDAL's reading reports it.
    func testMissingColumnReadsAsGDALReadsIt() throws {
        let path = try copy()
        try execute(path, "ALTER TABLE parcels DROP COLUMN status;")
        let fast = try XCTUnwrap(try direct(path, "parcels"))
        XCTAssertFalse(fast.names.contains("status"))
        XCTAssertEqual(fast, try viaGDAL(path, "parcels"))
        let reference = parcels(path, threads: 1, direct: false)
        XCTAssertTrue(reference.contains("status"), reference)
        XCTAssertEqual(parcels(path, threads: 1, direct: true), reference)
    }

    /// Rows that are not plain: the direct reading declines and GDAL reads them, so that
    /// values, problems and messages stay GDAL's.
    func testRowsThatAreNotPlainAreLeftToGDAL() throws {
        let cases: [(String, String)] = [
            ("a truncated geometry blob", "UPDATE parcels SET geom = substr(geom, 1, 30) WHERE fid = 3;"),
            ("a blob that is not a GeoPackage geometry", "UPDATE parcels SET geom = X'00010203040506070809' WHERE fid = 3;"),
            ("an empty-flagged blob", "UPDATE parcels SET geom = X'4750001001000000' || substr(geom, 9) WHERE fid = 3;"),
            ("a GeometryCollection", "UPDATE parcels SET geom = X'\(gpkgBlob(wkb: [1, 7, 0, 0, 0, 1, 0, 0, 0] + pointWKB(1, 2)))' WHERE fid = 3;"),
            ("text in a number column", "UPDATE parcels SET floor_area_m2 = 'abc' WHERE fid = 3;"),
            // (A number given to a TEXT column is stored as text by SQLite's column affinity: plain.)
            ("a blob in a text column", "UPDATE parcels SET land_use = X'31303031' WHERE fid = 3;"),
            ("a NUL byte in text", "UPDATE parcels SET id = 'P' || char(0) || 'Q' WHERE fid = 3;"),
        ]
        for (what, sql) in cases {
            let path = try copy()
            try execute(path, sql)
            XCTAssertTrue(try direct(path, "parcels") == nil, what)
            // The part is read through GDAL: what it gives is what GDAL alone gives.
            let reference = parcels(path, threads: 1, direct: false)
            XCTAssertEqual(parcels(path, threads: 1, direct: true), reference, what)
            XCTAssertEqual(parcels(path, threads: 2, direct: true), parcels(path, threads: 2, direct: false), what)
        }
    }

    // MARK: Helpers

    /// A copy of the pyogrio GeoPackage whose parcels can be changed with plain SQLite (the
    /// R-tree triggers call GeoPackage SQL functions that plain SQLite does not have).
    func copy() throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("changed.gpkg").path
        try FileManager.default.copyItem(atPath: Self.fixture("mianyang.gpkg"), toPath: path)
        var triggers: [String] = []
        try query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'parcels'") { triggers.append($0) }
        try execute(path, triggers.map { "DROP TRIGGER \"\($0)\";" }.joined())
        return path
    }

    func execute(_ path: String, _ sql: String) throws {
        var db: OpaquePointer?
        defer { sqlite3_close(db) }
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw Failure(message: "cannot open \(path)") }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            throw Failure(message: "\(sql): \(text)")
        }
    }

    func query(_ path: String, _ sql: String, _ row: (String) -> Void) throws {
        var db: OpaquePointer?
        defer { sqlite3_close(db) }
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw Failure(message: "cannot open \(path)") }
        var stmt: OpaquePointer?
        defer { sqlite3_finalize(stmt) }
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { throw Failure(message: sql) }
        while sqlite3_step(stmt) == SQLITE_ROW { row(String(cString: sqlite3_column_text(stmt, 0))) }
    }

    struct Failure: Error { var message: String }

    /// GeoPackage geometry blob (GeoPackage 1.3 §2.1.3): "GP", version 0, flags, srs_id 4326,
    /// optionally a (big-endian, to exercise the header's byte order) xy envelope, then the WKB.
    func gpkgBlob(wkb: [UInt8], envelope: Bool = false) -> String {
        var bytes: [UInt8] = [0x47, 0x50, 0]
        if envelope {
            bytes.append(0b0000_0010)  // envelope code 1, big-endian header
            withUnsafeBytes(of: Int32(4326).bigEndian) { bytes += $0 }
            for v in [0.0, 1.0, 0.0, 1.0] { withUnsafeBytes(of: v.bitPattern.bigEndian) { bytes += $0 } }
        } else {
            bytes.append(0b0000_0001)  // no envelope, little-endian header
            withUnsafeBytes(of: Int32(4326).littleEndian) { bytes += $0 }
        }
        return (bytes + wkb).map { String(format: "%02X", $0) }.joined()
    }

    func pointWKB(_ x: Double, _ y: Double) -> [UInt8] {
        var bytes: [UInt8] = [1, 1, 0, 0, 0]
        for v in [x, y] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        return bytes
    }

    /// A valid square near Mianyang as big-endian WKB.
    func bigEndianSquare() -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 5]
        let ring = [(104.70, 31.40), (104.71, 31.40), (104.71, 31.41), (104.70, 31.41), (104.70, 31.40)]
        for (x, y) in ring {
            for v in [x, y] { withUnsafeBytes(of: v.bitPattern.bigEndian) { bytes += $0 } }
        }
        return bytes
    }
}
