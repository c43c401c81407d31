import Foundation
import GDAL
import GeoCore
import GeoJSON
import LayoutModel
import PostgreSQL
import PROJ

/// What limits the rows read from a database dataset: `--where SQL` and
/// `--bbox lon1,lat1,lon2,lat2`, both evaluated in the database, so rows outside
/// are never sent (docs/postgis.md, "Reading").
public struct DatasetFilter: Sendable, Hashable {
    /// A SQL predicate, evaluated inside a read-only transaction (it cannot change data).
    /// It filters each table that has every column it names (in `districts`, `district`
    /// is the district's own `code`); `parcels` and `enterprises`, when they lack a column
    /// it names, are then the rows that meet the selected districts (see `PostGISDataset`).
    public var whereSQL: String?
    /// lon/lat box: rows whose geometry's bounding box meets it (`geom && box`, the GiST index).
    public var bbox: (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)?

    public init(whereSQL: String? = nil, bbox: (Double, Double, Double, Double)? = nil) {
        self.whereSQL = whereSQL
        self.bbox = bbox.map { (min($0.0, $0.2), min($0.1, $0.3), max($0.0, $0.2), max($0.1, $0.3)) }
    }

    public var isEmpty: Bool { whereSQL == nil && bbox == nil }

    public static func == (a: DatasetFilter, b: DatasetFilter) -> Bool {
        a.whereSQL == b.whereSQL && a.bbox.map { [$0.0, $0.1, $0.2, $0.3] } == b.bbox.map { [$0.0, $0.1, $0.2, $0.3] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(whereSQL)
        hasher.combine(bbox.map { [$0.0, $0.1, $0.2, $0.3] })
    }
}

/// The dataset files' layers, as read by the loader from a folder's sibling
/// formats: a GeoPackage (`GeoPackageDataset`) or a PostGIS schema (`PostGISDataset`).
protocol DatasetTableSource: AnyObject {
    func hasLayer(_ file: String) -> Bool
    func read(_ file: String, datum: Datum) throws -> FeatureCollection
    func policyText() throws -> String?
    /// Where a problem of dataset file `file` is in this source, for messages
    /// (`parks.geojson` → `… layer parks` / `… table parks`).
    func place(of file: String) -> String
}

extension GeoPackageDataset: DatasetTableSource {}

/// A dataset held in a PostGIS schema (docs/postgis.md): tables `districts`,
/// `parks`, `parcels`, `enterprises` (a column per property, geometry `geom`,
/// SRID 4326 or 4490; another SRID is transformed to 4326 by PostGIS) and an
/// optional `policy` table (one row, one `jsonb` column `policy`).
///
/// Each table becomes the FeatureCollection the GeoJSON file of the same name
/// would give, so the loader's repair, decoding and checks run unchanged:
/// text → string, integers → integer, float/numeric → number, boolean →
/// boolean, json/jsonb → the JSON value, any other type → its `to_jsonb`
/// value, SQL NULL → `null`. A `fid` column (written by `PostGISWriter`) is the
/// feature order and is not a property; without it rows come in primary-key
/// order. The Feature id is the `id` (districts: `code`) value.
///
/// Reading is one read-only, repeatable-read transaction (all tables from one
/// snapshot), through a binary cursor fetched in batches of `batchSize` rows,
/// geometry as WKB decoded in Swift.
///
/// ## `--where` (docs/postgis.md, "Selecting one city")
/// A province-wide schema is cut into cities by district code, and only the parks and
/// districts carry one (`parks.district`, `districts.code`). So the predicate is applied
/// to each table that has every column it names, asked of the server itself
/// (`EXPLAIN … WHERE (SQL)`, an undefined column, SQLSTATE 42703, means the table lacks
/// one) rather than by parsing SQL here; in `districts` (when it has no `district`
/// column of its own) the name `district` is the district's `code`, so
/// `district LIKE '5107%'` selects a city's districts and the parks reporting to them
/// alike. `parcels` and `enterprises` that lack a named column are taken where they meet
/// the union of the selected districts (`ST_Intersects`, through the GiST index): the
/// city's land and firms, and nothing of the other cities is sent. A predicate that no
/// table can evaluate is an error naming the column.
public final class PostGISDataset {
    public let uri: PostgresURI
    public let filter: DatasetFilter
    let connection: PostgresConnection
    private var tables: Set<String> = []
    /// Rows received from the server per table (what `--where`/`--bbox` let through).
    public private(set) var rowsReceived: [String: Int] = [:]
    public var batchSize = 50_000
    private var inTransaction = false
    /// The tables `--where` is evaluated on (those having every column it names).
    public private(set) var whereTables: Set<String> = []
    /// Whether `districts` is read through a view adding `district` (= `code`).
    private var districtsAlias = false
    /// The union of the selected districts as hex EWKB in SRID 4326, once computed
    /// (`.some(nil)`: no district was selected, so the area is empty).
    private var selectedArea: String??

    public init(uri: String, filter: DatasetFilter = DatasetFilter()) throws {
        self.uri = try PostgresURI(uri)
        self.filter = filter
        connection = try PostgresConnection(uri: self.uri)
        let schema = self.uri.schema
        let exists = try connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema], what: "looking up schema \(schema)")
        guard exists.rowCount == 1 else {
            throw PostgresError.data("\(self.uri.redacted): schema \(quoteIdentifier(schema)) does not exist in the database")
        }
        let names = try connection.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f')", [schema], what: "listing the tables of \(schema)")
        for row in 0..<names.rowCount { if let name = names.text(row, 0) { tables.insert(name) } }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        inTransaction = true
        if let whereSQL = filter.whereSQL { try resolveWhere(whereSQL) }
    }

    /// Which tables `--where` applies to: those the server can evaluate it on.
    func resolveWhere(_ whereSQL: String) throws {
        let present = ["districts", "parks", "parcels", "enterprises"].filter(tables.contains)
        if present.contains("districts") {
            let columns = try connection.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped",
                [qualifiedName(uri.schema, "districts")], what: "describing districts")
            let names = Set((0..<columns.rowCount).compactMap { columns.text($0, 0) })
            districtsAlias = names.contains("code") && !names.contains("district")
        }
        var missing: [(table: String, error: PostgresError)] = []
        for table in present {
            try connection.execute("SAVEPOINT parkatlas_where")
            let what = "--where on table \(table)"
            if let failure = try connection.attempt("EXPLAIN SELECT 1 FROM \(from(table)) WHERE (\(whereSQL))", what: what) {
                try connection.execute("ROLLBACK TO SAVEPOINT parkatlas_where")
                // Anything but a column the table lacks (a syntax error, a missing function) is the user's to fix.
                guard failure.sqlState == "42703" else { throw failure.error }
                missing.append((table, failure.error))
            } else {
                whereTables.insert(table)
            }
            try connection.execute("RELEASE SAVEPOINT parkatlas_where")
        }
        if whereTables.isEmpty, let first = missing.first {
            throw PostgresError.data("\(first.error) (--where must name columns of at least one table; "
                + "tables: \(present.joined(separator: ", ")))")
        }
    }

    /// The FROM item for `table`: `districts` gains `district` (its `code`) for `--where`.
    func from(_ table: String) -> String {
        let name = qualifiedName(uri.schema, table)
        guard table == "districts" && districtsAlias else { return name }
        return "(SELECT t.*, t.code AS district FROM \(name) t) AS districts"
    }

    /// The union of the districts `--where` selects, hex EWKB in SRID 4326, nil for none.
    func selectedDistrictArea(_ whereSQL: String) throws -> String? {
        if let selectedArea { return selectedArea }
        let srid = try self.srid("districts")
        let geom = srid == 0 || srid == 4326 || srid == 4490 ? "geom" : "ST_Transform(geom, 4326)"
        let r = try connection.execute(
            "SELECT ST_AsHexEWKB(ST_SetSRID(ST_Union(\(geom)), 4326)) FROM \(from("districts")) WHERE (\(whereSQL))",
            what: "--where: the area of the selected districts")
        let area = r.text(0, 0)
        selectedArea = .some(area)
        return area
    }

    deinit {
        if inTransaction { _ = try? connection.execute("ROLLBACK") }
    }

    public static func isURI(_ text: String) -> Bool { PostgresURI.isURI(text) }

    public func hasLayer(_ file: String) -> Bool { tables.contains(GeoPackageDataset.layerName(file)) }

    /// Where a problem of dataset file `file` is in this schema, for messages: `parcels.geojson`
    /// → `postgresql://…?schema=S table parcels` (password redacted), `policy.json` → `… table policy`.
    /// The feature index of a problem is the row's place in the read order (by `fid` when the
    /// table has one, else by its key).
    public func place(of file: String) -> String {
        DatasetProblem.place(file: uri.redacted, layer: file == DatasetFile.policy ? "policy" : GeoPackageDataset.layerName(file), kind: "table")
    }

    struct Column {
        var name: String
        var type: UInt32
        var typeName: String
    }

    /// The features of the table for `file`.
    public func read(_ file: String, datum: Datum) throws -> FeatureCollection {
        // A failure on one table (a --where naming a column it lacks) must not abort the others' reads.
        try connection.execute("SAVEPOINT parkatlas_table")
        do {
            let collection = try readTable(file, datum: datum)
            try connection.execute("RELEASE SAVEPOINT parkatlas_table")
            return collection
        } catch {
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT parkatlas_table")
            throw error
        }
    }

    func readTable(_ file: String, datum: Datum) throws -> FeatureCollection {
        let table = GeoPackageDataset.layerName(file)
        let name = qualifiedName(uri.schema, table)
        let what = "table \(table)"
        let described = try connection.execute(
            "SELECT a.attname, a.atttypid::int8, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            [name], what: "describing \(table)")
        var columns: [Column] = []
        for r in 0..<described.rowCount {
            columns.append(Column(name: described.text(r, 0) ?? "", type: UInt32(described.text(r, 1) ?? "0") ?? 0, typeName: described.text(r, 2) ?? ""))
        }
        guard let geom = columns.first(where: { $0.name == "geom" }) else {
            throw PostgresError.data("\(what): no geometry column \"geom\" (columns: \(columns.map(\.name).joined(separator: ", ")))")
        }
        guard geom.typeName == "geometry" else {
            throw PostgresError.data("\(what): column geom is of type \(geom.typeName), not a PostGIS geometry")
        }
        let srid = try self.srid(table)
        let hasFID = columns.contains { $0.name == "fid" && [PostgresType.int2, PostgresType.int4, PostgresType.int8].contains($0.type) }
        let properties = columns.filter { $0.name != "geom" && !(hasFID && $0.name == "fid") }

        var select: [String] = []
        for c in properties {
            let q = quoteIdentifier(c.name)
            switch c.type {
            case PostgresType.bool, PostgresType.int2, PostgresType.int4, PostgresType.int8, PostgresType.float4, PostgresType.float8,
                 PostgresType.text, PostgresType.varchar, PostgresType.bpchar, PostgresType.json, PostgresType.jsonb:
                select.append(q)
            case 1700: select.append("\(q)::float8") // numeric
            default: select.append("to_jsonb(\(q))")
            }
        }
        let lonLat = srid == 0 || srid == 4326 || srid == 4490
        select.append(lonLat ? "ST_AsBinary(geom)" : "ST_AsBinary(ST_Transform(geom, 4326))")

        var conditions: [String] = []
        var parameters: [String?] = []
        if let b = filter.bbox {
            parameters = [b.minLon, b.minLat, b.maxLon, b.maxLat].map { String($0) }
            // The envelope in the column's SRID keeps the comparison on the GiST index.
            if lonLat {
                parameters.append(String(srid == 0 ? 4326 : srid))
                conditions.append(srid == 0 ? "geom && ST_MakeEnvelope($1, $2, $3, $4)" : "geom && ST_MakeEnvelope($1, $2, $3, $4, $5::int)")
                if srid == 0 { parameters.removeLast() }
            } else {
                parameters.append(String(srid))
                conditions.append("geom && ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, 4326), $5::int)")
            }
        }
        if let whereSQL = filter.whereSQL {
            if whereTables.contains(table) {
                conditions.append("(\(whereSQL))")
            } else if (table == "parcels" || table == "enterprises") && whereTables.contains("districts") {
                // The rows on the selected districts' land, found through the GiST index.
                parameters.append(try selectedDistrictArea(whereSQL))
                let area = "$\(parameters.count)::geometry"
                conditions.append(lonLat
                    ? "ST_Intersects(geom, ST_SetSRID(\(area), \(srid)))"
                    : "ST_Intersects(geom, ST_Transform(\(area), \(srid)))")
            }
        }
        var sql = "SELECT " + select.joined(separator: ", ") + " FROM " + from(table)
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if hasFID {
            sql += " ORDER BY \"fid\""
        } else {
            let keys = try primaryKey(name)
            if !keys.isEmpty { sql += " ORDER BY " + keys.map(quoteIdentifier).joined(separator: ", ") }
        }

        let cursor = quoteIdentifier("parkatlas_" + table)
        try connection.execute("DECLARE \(cursor) NO SCROLL BINARY CURSOR FOR " + sql, parameters, what: "\(what): reading")
        var features: [Feature] = []
        let idKey = table == "districts" ? "code" : "id"
        while true {
            let batch = try connection.execute("FETCH \(batchSize) FROM \(cursor)", binary: true, what: "\(what): reading")
            let n = batch.rowCount
            if n == 0 { break }
            features.reserveCapacity(features.count + n)
            for r in 0..<n {
                var object = JSONObject()
                for (k, c) in properties.enumerated() {
                    object.append(key: c.name, value: try value(batch, r, k, type: batch.columnType(k), what: what, column: c.name))
                }
                var geometry: Geometry?
                if let bytes = batch.bytes(r, properties.count) {
                    do {
                        geometry = try WKB.decode(bytes)
                    } catch {
                        throw PostgresError.data("\(what): row \(features.count + 1): geometry: \(error)")
                    }
                }
                if datum != .wgs84 { geometry = geometry.map { datum.toWGS84($0) } }
                var id: FeatureID?
                switch object[idKey] {
                case .string(let s)?: id = .string(s)
                case .integer(let i)?: id = .integer(i)
                default: id = nil
                }
                features.append(Feature(id: id, geometry: geometry, properties: object))
            }
            if n < batchSize { break }
        }
        try connection.execute("CLOSE \(cursor)")
        rowsReceived[table] = features.count
        return FeatureCollection(features: features)
    }

    func value(_ result: PostgresResult, _ row: Int, _ column: Int, type: UInt32, what: String, column name: String) throws -> JSONValue {
        guard let b = result.bytes(row, column) else { return .null }
        switch type {
        case PostgresType.bool: return .bool(BinaryValue.bool(b))
        case PostgresType.int2, PostgresType.int4, PostgresType.int8: return .integer(BinaryValue.int(b))
        case PostgresType.float4, PostgresType.float8:
            let d = BinaryValue.double(b)
            return d.isFinite ? .double(d) : .string(String(d))
        case PostgresType.json, PostgresType.jsonb:
            do {
                return try JSONText.parse(BinaryValue.jsonText(b, type: type))
            } catch {
                throw PostgresError.data("\(what): column \(name): \(error)")
            }
        default: return .string(BinaryValue.text(b))
        }
    }

    func srid(_ table: String) throws -> Int {
        let r = try connection.execute(
            "SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 AND f_geometry_column = 'geom'",
            [uri.schema, table], what: "looking up the SRID of \(table)")
        if let s = r.text(0, 0), let srid = Int(s), srid != 0 { return srid }
        // An unconstrained column: the SRID of its rows (all must agree).
        let rows = try connection.execute(
            "SELECT DISTINCT ST_SRID(geom) FROM \(qualifiedName(uri.schema, table)) LIMIT 2", what: "looking up the SRID of \(table)")
        if rows.rowCount > 1 {
            throw PostgresError.data("\(uri.redacted) table \(table): rows of several SRIDs in geom; give the column one SRID (4326 or 4490)")
        }
        return rows.text(0, 0).flatMap { Int($0) } ?? 0
    }

    func primaryKey(_ name: String) throws -> [String] {
        let r = try connection.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                + "WHERE i.indrelid = to_regclass($1) AND i.indisprimary", [name], what: "looking up the primary key")
        return (0..<r.rowCount).compactMap { r.text($0, 0) }
    }

    /// The policy JSON of the `policy` table (its one row's `policy` column, else its first json/text column).
    public func policyText() throws -> String? {
        guard tables.contains("policy") else { return nil }
        let r = try connection.execute("SELECT to_jsonb(p) FROM \(qualifiedName(uri.schema, "policy")) p", what: "reading table policy")
        guard r.rowCount == 1, let row = r.text(0, 0) else {
            throw PostgresError.data("\(uri.redacted) table policy: must hold one row, it has \(r.rowCount)")
        }
        guard let object = try JSONText.parse(row).objectValue, let value = object["policy"] ?? object.members.first?.value else {
            throw PostgresError.data("\(uri.redacted) table policy: no column policy")
        }
        if case .string(let text) = value { return text }
        return try JSONText.string(value)
    }
}

extension PostGISDataset: DatasetTableSource {}
