import CGDAL
import CSQLite
import GeoCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the rows of a plain GeoPackage feature table straight from SQLite, in
/// the `FeatureBatch`es that `VectorLayer.forEachBatch` gives for the same
/// layer, with the same values.
///
/// Why: GDAL 3.6's Arrow stream for GeoPackage is the generic one, an
/// `OGRFeature` built per row and copied into Arrow columns; for the 150,000
/// parcels of the import benchmark that is most of the read. A GeoPackage is
/// an SQLite database (OGC 12-128r18, "GeoPackage Encoding Standard" §1.1 and
/// §2.1.3: each geometry a blob of a "GP" header and standard WKB), so the
/// rows can be stepped with SQLite's C API and the WKB decoded in Swift.
///
/// Equality with GDAL is kept by reading only what GDAL reads in one obvious way
/// and leaving everything else to GDAL:
/// - the layer (checked through GDAL: driver GPKG, one geometry column, an FID
///   column) is a table whose FID column is its `INTEGER PRIMARY KEY`, so rows
///   come in FID order as GDAL's scan gives them; its fields are text, 32/64-bit
///   integers or doubles without a subtype (no dates, booleans, JSON, binary);
/// - every row is *plain*: each value stored in its column's class (text without
///   a NUL byte, an integer in range, a real) or NULL, the geometry NULL or a
///   version-0 "GP" blob without the empty or extended flag whose WKB is in the
///   plain subset of `WKB.decodePlain`.
/// On the first row that is not plain (or any SQLite failure) reading stops and
/// `forEachBatch` returns false: the caller reads the same rows through GDAL, so
/// every value, problem and error message stays GDAL's.
///
/// The SQLite connection and statements are owned once and closed in `deinit`;
/// they are counted in `GDALLibrary.handleCounter`, so the tests' leak check covers them.
public struct GeoPackageDirectRead: Sendable {
    /// The GeoPackage file.
    public let path: String
    let table: String
    let fidColumn: String
    let geometryColumn: String
    let fields: [FieldDefinition]

    /// The direct reading of `layer`, nil when the layer is not one it reads (see the type).
    /// Only GDAL's description is checked here; the table itself is checked when read.
    public init?(_ layer: VectorLayer) {
        guard layer.dataset.driverName == "GPKG", let fid = layer.fidColumn else { return nil }
        let defn = OGR_L_GetLayerDefn(layer.pointer)
        guard OGR_FD_GetGeomFieldCount(defn) == 1, let raw = OGR_L_GetGeometryColumn(layer.pointer) else { return nil }
        let geometry = String(cString: raw)
        let fields = layer.fields
        guard !geometry.isEmpty,
              fields.allSatisfy({ [.string, .integer, .integer64, .real].contains($0.kind) && $0.subtype == .none })
        else { return nil }
        path = layer.path
        table = layer.name
        fidColumn = fid
        geometryColumn = geometry
        self.fields = fields
    }

    /// Hands the rows whose FID is in `fids` (every row when nil), in FID order, to `body` in
    /// batches of up to `batchSize` rows. Returns false when a row is not plain or SQLite
    /// fails, having handed over the batches before it (or none): the caller then reads
    /// those rows through GDAL instead. Rethrows `body`'s error.
    public func forEachBatch(
        fids: Range<Int64>?, batchSize: Int = 8_192, _ body: (FeatureBatch) throws -> Void
    ) rethrows -> Bool {
        guard let connection = SQLiteConnection(readOnly: path), isRowidTable(connection) else { return false }
        let q = Self.quoted
        var sql = "SELECT m.\(q(fidColumn)), m.\(q(geometryColumn))"
        for field in fields { sql += ", m.\(q(field.name))" }
        sql += " FROM \(q(table)) m"
        if fids != nil { sql += " WHERE m.\(q(fidColumn)) >= ?1 AND m.\(q(fidColumn)) < ?2" }
        sql += " ORDER BY m.\(q(fidColumn))"
        guard let statement = SQLiteStatement(connection, sql) else { return false }
        if let fids {
            guard sqlite3_bind_int64(statement.pointer, 1, fids.lowerBound) == SQLITE_OK,
                  sqlite3_bind_int64(statement.pointer, 2, fids.upperBound) == SQLITE_OK
            else { return false }
        }
        let stmt = statement.pointer
        let size = max(1, batchSize)
        var rows = Rows(fields: fields.count, capacity: size)
        let kinds = Rows.kinds(fields)
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW, rows.append(stmt, kinds: kinds) else { return false }
            if rows.count == size { try body(rows.take(names: fields.map(\.name), capacity: size)) }
        }
        if rows.count > 0 { try body(rows.take(names: fields.map(\.name), capacity: 0)) }
        return withExtendedLifetime(statement) { true }
    }

    /// Whether `table` is a table whose FID column is its one-column `INTEGER PRIMARY KEY`
    /// (the rowid: rows in FID order, as GDAL's scan gives them); not a view.
    private func isRowidTable(_ connection: SQLiteConnection) -> Bool {
        guard let info = SQLiteStatement(connection, "PRAGMA table_info(\(Self.quoted(table)))") else { return false }
        var keys: [(name: String, type: String)] = []
        var columns = 0
        while sqlite3_step(info.pointer) == SQLITE_ROW {
            columns += 1
            if sqlite3_column_int(info.pointer, 5) > 0 {
                keys.append((Self.text(info.pointer, 1) ?? "", (Self.text(info.pointer, 2) ?? "").uppercased()))
            }
        }
        // The layer's every column is the FID, the geometry or a field: nothing GDAL hides.
        return keys.count == 1 && keys[0].name == fidColumn && keys[0].type == "INTEGER" && columns == fields.count + 2
    }

    /// The rows of one batch being filled, column by column.
    private struct Rows {
        var count = 0
        var fids: [Int64?] = []
        var geometries: [Geometry?] = []
        var columns: [[JSONValue]]

        init(fields: Int, capacity: Int) {
            columns = Array(repeating: [], count: fields)
            reserve(capacity)
        }

        mutating func reserve(_ capacity: Int) {
            fids.reserveCapacity(capacity)
            geometries.reserveCapacity(capacity)
            for c in columns.indices { columns[c].reserveCapacity(capacity) }
        }

        /// The current row of `stmt` appended; false when it is not plain (the batch is then
        /// left half-filled: the caller abandons the whole reading).
        mutating func append(_ stmt: OpaquePointer, kinds: [Int32]) -> Bool {
            guard sqlite3_column_type(stmt, 0) == SQLITE_INTEGER else { return false }
            let fid = sqlite3_column_int64(stmt, 0)
            var geometry: Geometry?
            switch sqlite3_column_type(stmt, 1) {
            case SQLITE_NULL: geometry = nil
            case SQLITE_BLOB:
                let n = Int(sqlite3_column_bytes(stmt, 1))
                guard let blob = sqlite3_column_blob(stmt, 1),
                      let g = GeoPackageDirectRead.geometry(UnsafeRawBufferPointer(start: blob, count: n))
                else { return false }
                geometry = g
            default: return false
            }
            for k in 0..<kinds.count {
                let c = Int32(k + 2)
                let type = sqlite3_column_type(stmt, c)
                let value: JSONValue
                if type == SQLITE_NULL {
                    value = .null
                } else {
                    // The stored class must be the field's (an Int32 field: also in range).
                    let kind = kinds[k]
                    guard type == (kind == Self.int32Field ? SQLITE_INTEGER : kind) else { return false }
                    switch type {
                    case SQLITE_TEXT:
                        let n = Int(sqlite3_column_bytes(stmt, c))
                        guard let text = sqlite3_column_text(stmt, c) else { return false }
                        let bytes = UnsafeBufferPointer(start: text, count: n)
                        // GDAL keeps a C string: a NUL byte would end it there.
                        if memchr(text, 0, n) != nil { return false }
                        value = .string(String(decoding: bytes, as: UTF8.self))
                    case SQLITE_FLOAT:
                        value = .double(sqlite3_column_double(stmt, c))
                    default:
                        let v = sqlite3_column_int64(stmt, c)
                        if kind == Self.int32Field && (v < Int64(Int32.min) || v > Int64(Int32.max)) { return false }
                        value = .integer(v)
                    }
                }
                columns[k].append(value)
            }
            fids.append(fid)
            geometries.append(geometry)
            count += 1
            return true
        }

        /// The storage class each field's values must have: `SQLITE_TEXT`, `SQLITE_FLOAT`,
        /// `SQLITE_INTEGER`, or `int32Field` (an integer that fits 32 bits).
        static func kinds(_ fields: [FieldDefinition]) -> [Int32] {
            fields.map {
                switch $0.kind {
                case .string: SQLITE_TEXT
                case .real: SQLITE_FLOAT
                case .integer64: SQLITE_INTEGER
                default: int32Field
                }
            }
        }

        static let int32Field: Int32 = -1

        /// The rows filled so far as a batch; the buffers start again empty with `capacity`.
        mutating func take(names: [String], capacity: Int) -> FeatureBatch {
            var batch = FeatureBatch(count: 0)
            batch.count = count
            batch.fids = fids
            batch.geometries = geometries
            batch.names = names
            batch.columns = columns
            self = Rows(fields: columns.count, capacity: capacity)
            return batch
        }
    }

    /// The geometry of a plain GeoPackage blob (GeoPackage 1.x §2.1.3: "GP", version 0,
    /// flags, srs_id, an envelope of 0/32/48/48/64 bytes, then WKB); nil when it is not plain.
    static func geometry(_ blob: UnsafeRawBufferPointer) -> Geometry? {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50, blob[2] == 0 else { return nil }
        let flags = blob[3]
        // Bits 7-6 reserved, 5 extended type, 4 empty: none of them set; envelope code 0...4.
        guard flags & 0b1111_0000 == 0 else { return nil }
        let envelope = Int((flags >> 1) & 0b111)
        guard envelope <= 4 else { return nil }
        let start = 8 + [0, 32, 48, 48, 64][envelope]
        guard blob.count > start else { return nil }
        return try? WKB.decodePlain(UnsafeRawBufferPointer(rebasing: blob[start...]))
    }

    /// `"name"` with inner quotes doubled (an SQL identifier).
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func text(_ stmt: OpaquePointer, _ column: Int32) -> String? {
        guard let raw = sqlite3_column_text(stmt, column) else { return nil }
        return String(cString: raw)
    }
}

/// The single owner of one read-only SQLite connection (`sqlite3_open_v2`), closed in `deinit`.
final class SQLiteConnection {
    let pointer: OpaquePointer

    /// Nil when SQLite cannot open the file (the handle it may still have made is closed).
    init?(readOnly path: String) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            if let db { sqlite3_close_v2(db) }
            return nil
        }
        pointer = db
        GDALLibrary.handleCounter.retain()
    }

    deinit {
        sqlite3_close_v2(pointer)
        GDALLibrary.handleCounter.release()
    }
}

/// The single owner of one prepared statement (`sqlite3_prepare_v2`), finalized in `deinit`;
/// keeps its connection alive.
final class SQLiteStatement {
    let pointer: OpaquePointer
    let connection: SQLiteConnection

    /// Nil when the SQL does not prepare (e.g. the table is missing).
    init?(_ connection: SQLiteConnection, _ sql: String) {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(connection.pointer, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            if let stmt { sqlite3_finalize(stmt) }
            return nil
        }
        pointer = stmt
        self.connection = connection
        GDALLibrary.handleCounter.retain()
    }

    deinit {
        sqlite3_finalize(pointer)
        GDALLibrary.handleCounter.release()
    }
}
