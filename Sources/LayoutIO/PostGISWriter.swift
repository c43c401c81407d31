import Foundation
import GDAL
import GeoCore
import GeoJSON
import LayoutModel
import PostgreSQL

/// Writes feature collections as PostGIS tables (docs/postgis.md, "Writing"):
/// one column per property (first-seen order), typed from the values, a
/// `fid bigint` keeping the feature order, `geom geometry(Geometry, 4326)`,
/// rows sent with binary COPY.
///
/// Column types: all strings → `text`; all booleans → `boolean`; all
/// integers → `bigint`; numbers → `double precision`; arrays, objects and
/// mixed values → `jsonb`. A column of nulls only takes the type the dataset
/// contract gives its key (`text` for unknown keys). SQL NULL stands for both
/// JSON null and an absent key, so a key present on some features only comes
/// back as null on the others.
public enum PostGISWriter {
    /// A table to create from features.
    public struct Table {
        public var name: String
        public var features: [Feature]
        /// Columns forming the primary key (each must be a column), empty for none.
        public var primaryKey: [String]
        /// Whether the features carry geometry (a `geom` column with a GiST index).
        public var hasGeometry: Bool

        public init(name: String, features: [Feature], primaryKey: [String] = [], hasGeometry: Bool = true) {
            self.name = name
            self.features = features
            self.primaryKey = primaryKey
            self.hasGeometry = hasGeometry
        }
    }

    enum ColumnType: String {
        case text, boolean, bigint, double = "double precision", jsonb
    }

    /// Contract types (docs/dataset.md) for keys whose values are all null.
    static let contractTypes: [String: ColumnType] = [
        "floor_area_m2": .double, "footprint_m2": .double, "investment_wan": .double, "tax_wan": .double,
        "output_wan": .double, "land_m2": .double, "employees": .bigint, "above_scale": .boolean,
        "chemical_park": .boolean, "main_industries": .jsonb, "featured_industries": .jsonb,
    ]

    /// Writes a whole dataset into `uri`'s schema in one transaction: creates the schema
    /// when missing, replaces the five dataset tables (a table of the schema's old dataset
    /// that this one lacks is dropped), primary keys on `code`/`id`, GiST indexes, ANALYZE.
    /// - Parameters:
    ///   - layers: per dataset file name (`parks.geojson`), its features (e.g. `DatasetLoadResult.repairedFiles`).
    ///   - policyText: the policy JSON, nil for none.
    public static func writeDataset(
        _ layers: [(file: String, collection: FeatureCollection)], policyText: String?, to uri: String
    ) throws {
        let connection = try PostgresConnection(uri: uri)
        let schema = connection.uri.schema
        let policy = try policyText.map { text -> String in
            guard (try? JSONText.parse(text))?.objectValue != nil else {
                throw PostgresError.data("policy: not a JSON object")
            }
            return text
        }
        try connection.transaction {
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(quoteIdentifier(schema))")
            for table in ["districts", "parks", "parcels", "enterprises", "policy"] {
                try connection.execute("DROP TABLE IF EXISTS \(qualifiedName(schema, table))")
            }
            for (file, collection) in layers {
                let name = GeoPackageDataset.layerName(file)
                let key = name == "districts" ? "code" : "id"
                let hasKey = collection.features.contains { $0.properties?[key] != nil }
                try create(Table(name: name, features: collection.features, primaryKey: hasKey ? [key] : []), in: schema, on: connection)
            }
            if let policy {
                let table = qualifiedName(schema, "policy")
                try connection.execute("CREATE TABLE \(table) (policy jsonb NOT NULL)")
                try connection.execute("INSERT INTO \(table) (policy) VALUES ($1::jsonb)", [policy], what: "writing table policy")
            }
            for (file, _) in layers {
                try connection.execute("ANALYZE \(qualifiedName(schema, GeoPackageDataset.layerName(file)))")
            }
        }
    }

    /// Creates `table` in `schema` (which must exist) and fills it, inside the caller's transaction.
    /// - Parameter leading: constant columns put first on every row (e.g. `run_id`), as (name, type, value).
    public static func create(
        _ table: Table, in schema: String, on connection: PostgresConnection, leading: [(name: String, sqlType: String, value: Int64)] = [],
        ifNotExists: Bool = false
    ) throws {
        let columns = inferColumns(table.features, reserved: ["fid", "geom"] + leading.map(\.name))
        let name = qualifiedName(schema, table.name)
        var definitions = leading.map { "\(quoteIdentifier($0.name)) \($0.sqlType) NOT NULL" }
        definitions.append("\"fid\" bigint NOT NULL")
        definitions += columns.map { "\(quoteIdentifier($0.name)) \($0.type.rawValue)" }
        if table.hasGeometry { definitions.append("\"geom\" geometry(Geometry, 4326)") }
        try connection.execute("CREATE TABLE \(ifNotExists ? "IF NOT EXISTS " : "")\(name) (\(definitions.joined(separator: ", ")))")
        try copy(table, columns: columns, leading: leading, into: name, on: connection)
        if !table.primaryKey.isEmpty {
            let key = (leading.map(\.name) + table.primaryKey).map(quoteIdentifier).joined(separator: ", ")
            try connection.execute("ALTER TABLE \(name) ADD PRIMARY KEY (\(key))", what: "adding the primary key (\(key)) to \(table.name)")
        }
        if table.hasGeometry && !ifNotExists {
            try connection.execute("CREATE INDEX ON \(name) USING gist (geom)")
        }
    }

    /// Sends the rows of `table` with binary COPY into the existing table `name`.
    static func copy(
        _ table: Table, columns: [(name: String, key: String, type: ColumnType)], leading: [(name: String, sqlType: String, value: Int64)],
        into name: String, on connection: PostgresConnection
    ) throws {
        var list = leading.map { quoteIdentifier($0.name) } + ["\"fid\""] + columns.map { quoteIdentifier($0.name) }
        if table.hasGeometry { list.append("\"geom\"") }
        var encoder = BinaryCopyEncoder()
        for (index, feature) in table.features.enumerated() {
            encoder.beginRow(fields: list.count)
            for l in leading { encoder.int8(l.value) }
            encoder.int8(Int64(index))
            for c in columns {
                let value = feature.properties?[c.key] ?? .null
                switch (c.type, value) {
                case (_, .null): encoder.null()
                case (.text, .string(let s)): encoder.text(s)
                case (.boolean, .bool(let b)): encoder.bool(b)
                case (.bigint, .integer(let i)): encoder.int8(i)
                case (.double, _) where value.doubleValue != nil: encoder.float8(value.doubleValue!)
                default: encoder.jsonb(try JSONText.string(value))
                }
            }
            if table.hasGeometry {
                if let g = feature.geometry, let bytes = ewkb(fromWKB: WKB.encode(g), srid: 4326) {
                    encoder.raw(bytes)
                } else {
                    encoder.null()
                }
            }
        }
        encoder.finish()
        try connection.copyIn(
            "COPY \(name) (\(list.joined(separator: ", "))) FROM STDIN (FORMAT binary)", data: encoder.bytes,
            what: "writing \(table.features.count) rows into \(name)")
    }

    /// Columns in first-seen key order, each typed from its non-null values.
    static func inferColumns(_ features: [Feature], reserved: [String]) -> [(name: String, key: String, type: ColumnType)] {
        var order: [String] = []
        var kinds: [String: Set<String>] = [:]
        for f in features {
            for m in f.properties?.members ?? [] {
                if kinds[m.key] == nil {
                    kinds[m.key] = []
                    order.append(m.key)
                }
                switch m.value {
                case .null: break
                case .string: kinds[m.key]!.insert("string")
                case .bool: kinds[m.key]!.insert("bool")
                case .integer: kinds[m.key]!.insert("integer")
                case .double: kinds[m.key]!.insert("double")
                case .array, .object: kinds[m.key]!.insert("json")
                }
            }
        }
        return order.map { key in
            let seen = kinds[key] ?? []
            let type: ColumnType
            if reserved.contains(key) {
                type = .jsonb
            } else if seen.isEmpty {
                type = contractTypes[key] ?? .text
            } else if seen == ["string"] {
                type = .text
            } else if seen == ["bool"] {
                type = .boolean
            } else if seen == ["integer"] {
                type = contractTypes[key] == .double ? .double : .bigint
            } else if seen.isSubset(of: ["integer", "double"]) {
                type = .double
            } else {
                type = .jsonb
            }
            // A property named like a reserved column keeps its value under a suffixed name.
            return (reserved.contains(key) ? key + "_property" : key, key, type)
        }
    }
}

extension PostGISWriter {
    /// Appends `table`'s rows to the result table of that name under `runID`, inside the
    /// caller's transaction. The table is created (with `run_id`, `fid`, the columns, `geom`,
    /// primary key (run_id, fid), GiST index) when missing; columns a later run brings are
    /// added; values are cast to the existing columns' types.
    public static func appendRun(_ table: Table, runID: Int64, in schema: String, on connection: PostgresConnection) throws {
        let name = qualifiedName(schema, table.name)
        let exists = try connection.execute("SELECT to_regclass($1) IS NOT NULL", [name]).text(0, 0) == "t"
        let leading = [(name: "run_id", sqlType: "bigint", value: runID)]
        if !exists {
            try create(Table(name: table.name, features: table.features, primaryKey: ["fid"], hasGeometry: table.hasGeometry),
                       in: schema, on: connection, leading: leading)
            return
        }
        let columns = inferColumns(table.features, reserved: ["fid", "geom", "run_id"])
        for c in columns {
            try connection.execute("ALTER TABLE \(name) ADD COLUMN IF NOT EXISTS \(quoteIdentifier(c.name)) \(c.type.rawValue)")
        }
        let typed = try connection.execute(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped",
            [name])
        var targetType: [String: String] = [:]
        for r in 0..<typed.rowCount { targetType[typed.text(r, 0) ?? ""] = typed.text(r, 1) }
        let staging = quoteIdentifier("parkatlas_staging_" + table.name)
        var definitions = ["\"run_id\" bigint", "\"fid\" bigint"] + columns.map { "\(quoteIdentifier($0.name)) \($0.type.rawValue)" }
        if table.hasGeometry { definitions.append("\"geom\" geometry(Geometry, 4326)") }
        try connection.execute("CREATE TEMP TABLE \(staging) (\(definitions.joined(separator: ", "))) ON COMMIT DROP")
        try copy(table, columns: columns, leading: leading, into: staging, on: connection)
        var names = ["\"run_id\"", "\"fid\""] + columns.map { quoteIdentifier($0.name) }
        if table.hasGeometry { names.append("\"geom\"") }
        let casts = names.map { q -> String in
            let raw = String(q.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            guard let type = targetType[raw] else { return q }
            return type == "text" ? "(\(q))::text" : "(\(q))::\(type)"
        }
        try connection.execute("INSERT INTO \(name) (\(names.joined(separator: ", "))) SELECT \(casts.joined(separator: ", ")) FROM \(staging)")
        try connection.execute("DROP TABLE \(staging)")
    }
}
