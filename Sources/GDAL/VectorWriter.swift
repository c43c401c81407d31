import CGDAL
import Foundation
import GeoCore

/// Writes GeoCore features to a new Shapefile, GeoPackage, FileGDB, FlatGeobuf or CSV file.
///
/// Atomic: everything is written into a hidden temporary folder beside the
/// target, closed (flushed), and only then moved into place: a single file by
/// `rename(2)`; a Shapefile's `.shp/.shx/.dbf/.prj/.cpg` one after the other
/// (earlier files of the same name are removed first); a `.gdb` folder
/// replaces the old folder. A failure leaves nothing behind.
///
/// Schema: one field per property key (in order of first appearance): integers
/// → Integer64, numbers → Real, booleans → Integer (boolean subtype), strings →
/// String, arrays and objects → String holding JSON (JSON subtype); a key whose
/// values mix strings and numbers is a String. Geometry type: the one type of
/// the features, Polygon and MultiPolygon (likewise lines, points) promoted to
/// the Multi type; mixed types are written as "Geometry" where the format
/// allows it (GeoPackage, FlatGeobuf, CSV), else refused. Coordinates are
/// written as given, with `crs` (default EPSG:4326, lon/lat) as the layer SRS.
/// Shapefiles get a UTF-8 `.cpg` and a `.prj`; CSV gets WKT geometry and a `.csvt`.
public enum VectorWriter {
    public struct Layer: Sendable {
        public var name: String
        public var features: [Feature]
        public init(name: String, features: [Feature]) {
            self.name = name
            self.features = features
        }
    }

    /// A layer written row by row: `feature(i)` for i in 0..<count is made when it is
    /// written (and once before, to learn the schema), so that a layer of millions of
    /// rows never sits in memory as features. The rows are the same as a `Layer` of
    /// the same features would write, byte for byte.
    public struct RowLayer {
        /// Made from any thread at once when `write` runs with several threads: it must only read.
        public var name: String
        public var count: Int
        public var feature: (Int) throws -> Feature
        public init(name: String, count: Int, feature: @escaping (Int) throws -> Feature) {
            self.name = name
            self.count = count
            self.feature = feature
        }
    }

    /// Writes `layers` to `path` in the format its extension names.
    /// - Parameter crs: the SRS of the coordinates, any definition GDAL reads; nil writes none.
    public static func write(_ layers: [Layer], to path: String, crs: String? = "EPSG:4326") throws(GDALError) {
        try write(rows: layers.map { layer in RowLayer(name: layer.name, count: layer.features.count) { layer.features[$0] } },
                  to: path, crs: crs)
    }

    /// Writes row layers to `path` in the format its extension names, each layer in one
    /// transaction. `progress`, when given, is called after each row written with the
    /// count of rows written so far in all layers (for a progress bar).
    /// - Parameter threads: workers for the first pass over the rows (the schema), which
    ///   calls `feature` from several threads at once; the rows are written on this thread.
    ///   The file is the same for any `threads`.
    public static func write(
        rows layers: [RowLayer], to path: String, crs: String? = "EPSG:4326", threads: Int = 1, progress: ((Int) -> Void)? = nil
    ) throws(GDALError) {
        guard let format = VectorFormat(path: path), format.isWritable else {
            throw .unsupportedFormat(path: path, reason: "cannot write this extension (written: \(VectorFormat.writableExtensions), .geojson, .geojsonl)")
        }
        guard !layers.isEmpty else { throw .write(path: path, layer: nil, message: "no layer to write") }
        if layers.count > 1 && !format.holdsSeveralLayers {
            throw .write(path: path, layer: nil, message: "a \(format.driver) file holds one layer, \(layers.count) were given")
        }
        var target = path
        while target.hasSuffix("/") && target.count > 1 { target.removeLast() }
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent()
        let base = url.lastPathComponent
        let temporary = parent.appendingPathComponent(".\(base).tmp-\(UUID().uuidString)")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw .write(path: path, layer: nil, message: "cannot create a temporary folder beside it: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: temporary) }
        let inner = temporary.appendingPathComponent(base).path
        do {
            let dataset = try VectorDataset.create(inner, driver: format.driver)
            let srs = try crs.map { definition throws(GDALError) in try SpatialReferenceOwner(definition: definition) }
            var done = 0
            var indexes: [(table: String, column: String, fid: String, tree: GeoPackageRTree)] = []
            for layer in layers {
                let index = try writeLayer(layer, format: format, dataset: dataset, srs: srs, reportedPath: path, threads: threads) {
                    done += 1
                    progress?(done)
                }
                if let index { indexes.append(index) }
            }
            try dataset.close()
            // GDAL would have built them one insert at a time when closing (GeoPackageRTree).
            try GeoPackageIndexes.write(indexes, to: inner, reportedPath: path)
        } catch {
            throw error.reported(as: path, temporary: inner)
        }
        do {
            try moveIntoPlace(from: temporary, base: base, format: format, to: url)
        } catch {
            throw .write(path: path, layer: nil, message: "cannot move the written file into place: \(error.localizedDescription)")
        }
    }

    private static func moveIntoPlace(from temporary: URL, base: String, format: VectorFormat, to url: URL) throws {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        switch format {
        case .shapefile:
            let stem = (base as NSString).deletingPathExtension
            let written = try fm.contentsOfDirectory(atPath: temporary.path).filter { ($0 as NSString).deletingPathExtension == stem }
            // Companions of an older file of the same name that this one does not have (e.g. a .qix) go too.
            for old in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where (old as NSString).deletingPathExtension == stem
                && ["shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "qpj"].contains((old as NSString).pathExtension.lowercased()) {
                try? fm.removeItem(at: parent.appendingPathComponent(old))
            }
            // The .shp last: a reader that sees it finds its companions already there.
            for name in written.sorted(by: { a, _ in !a.lowercased().hasSuffix(".shp") }) {
                try renameReplacing(temporary.appendingPathComponent(name), parent.appendingPathComponent(name))
            }
        case .fileGDB:
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            try renameReplacing(temporary.appendingPathComponent(base), url)
        default:
            try renameReplacing(temporary.appendingPathComponent(base), url)
            // The CSV driver writes the column types beside the file.
            let csvt = temporary.appendingPathComponent((base as NSString).deletingPathExtension + ".csvt")
            if format == .csv, fm.fileExists(atPath: csvt.path) {
                try renameReplacing(csvt, parent.appendingPathComponent(csvt.lastPathComponent))
            }
        }
    }

    private static func renameReplacing(_ from: URL, _ to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [
                NSLocalizedDescriptionKey: "rename \(from.lastPathComponent) → \(to.path): \(String(cString: strerror(errno)))",
            ])
        }
    }

    // MARK: One layer

    enum ValueKind { case integer, real, boolean, string, json }

    struct Column {
        var name: String
        var kind: ValueKind
        var maxBytes = 1
    }

    static func columns(of features: [Feature]) -> [Column] {
        var scan = SchemaScan()
        for f in features { scan.add(f) }
        return scan.columns
    }

    /// The schema of a layer learnt one feature at a time: the columns (`columns(of:)`)
    /// and the geometry type names (`geometryType(of:)`).
    struct SchemaScan {
        /// Keys in order of first appearance, with their merged kind (nil: only nulls so far) and widest string.
        var order: [String] = []
        var kinds: [ValueKind?] = []
        var widths: [Int] = []
        var slots = ColumnSlots()
        var geometryNames = Set<String>()
        var hasZ = false

        mutating func add(_ f: Feature) {
            if let g = f.geometry {
                geometryNames.insert(g.typeName)
                if g.hasZ { hasZ = true }
            }
            guard let properties = f.properties else { return }
            slots.restart()
            for m in properties {
                let kind: ValueKind?
                var width = 1
                switch m.value {
                case .null: kind = nil
                case .bool: kind = .boolean
                case .integer: kind = .integer
                case .double: kind = .real
                case .string(let s):
                    kind = .string
                    width = s.utf8.count
                case .array, .object: kind = .json
                }
                let slot: Int
                if let known = slots.slot(of: m.key, in: order) {
                    slot = known
                } else {
                    slot = order.count
                    order.append(m.key)
                    kinds.append(nil)
                    widths.append(1)
                    slots.add(m.key, slot: slot)
                }
                if kind == .string { widths[slot] = max(widths[slot], width) }
                guard let kind else { continue }
                kinds[slot] = VectorWriter.merge(kinds[slot], kind)
            }
        }

        var columns: [Column] { order.indices.map { Column(name: order[$0], kind: kinds[$0] ?? .string, maxBytes: widths[$0]) } }

        /// Adds the scan of the rows after this one's: keys new to this scan in `later`'s order,
        /// kinds merged, widths the larger. Kinds merge as a join (boolean < integer < real,
        /// everything < string), so the chunks' scans merged in row order equal one scan of all rows.
        mutating func append(_ later: SchemaScan) {
            for (k, key) in later.order.enumerated() {
                let slot: Int
                if let known = slots.slot(of: key, in: order) {
                    slot = known
                } else {
                    slot = order.count
                    order.append(key)
                    kinds.append(nil)
                    widths.append(1)
                    slots.add(key, slot: slot)
                }
                widths[slot] = max(widths[slot], later.widths[k])
                if let kind = later.kinds[k] { kinds[slot] = VectorWriter.merge(kinds[slot], kind) }
            }
            geometryNames.formUnion(later.geometryNames)
            hasZ = hasZ || later.hasZ
        }

        /// The scan of a row layer in fixed chunks (the same chunks for any `threads`), on up to `threads` workers.
        static func parallel(_ layer: RowLayer, threads: Int) throws -> SchemaScan {
            let chunk = 16_384
            let chunks = (layer.count + chunk - 1) / chunk
            guard threads > 1 && chunks > 1 else {
                var scan = SchemaScan()
                for i in 0..<layer.count { scan.add(try layer.feature(i)) }
                return scan
            }
            var scans = [SchemaScan](repeating: SchemaScan(), count: chunks)
            var errors = [Error?](repeating: nil, count: chunks)
            // The row maker only reads immutable data (its documented contract); each chunk has its own slot.
            nonisolated(unsafe) let feature = layer.feature
            let count = layer.count
            scans.withUnsafeMutableBufferPointer { scanSlots in
                errors.withUnsafeMutableBufferPointer { errorSlots in
                    nonisolated(unsafe) let (scanOut, errorOut) = (scanSlots, errorSlots)
                    ParallelRanges.forEach(count: chunks, threads: threads, minimumChunk: 1) { range in
                        for c in range {
                            var scan = SchemaScan()
                            do {
                                for i in (c * chunk)..<min(count, (c + 1) * chunk) { scan.add(try feature(i)) }
                            } catch {
                                errorOut[c] = error
                            }
                            scanOut[c] = scan
                        }
                    }
                }
            }
            if let error = errors.compactMap({ $0 }).first { throw error }
            var all = SchemaScan()
            for scan in scans { all.append(scan) }
            return all
        }
    }

    /// Finds a property key's column: first the column after the previous key's (rows mostly
    /// list their keys in the same order), then a hash lookup. A million rows of thirty keys
    /// spend their time hashing otherwise.
    struct ColumnSlots {
        private var index: [String: Int] = [:]
        private var next = 0

        mutating func restart() { next = 0 }

        mutating func add(_ key: String, slot: Int) {
            index[key] = slot
            next = slot + 1
        }

        mutating func slot(of key: String, in names: [String]) -> Int? {
            if next < names.count && names[next] == key {
                next += 1
                return next - 1
            }
            guard let slot = index[key] else { return nil }
            next = slot + 1
            return slot
        }
    }

    static func merge(_ a: ValueKind?, _ b: ValueKind) -> ValueKind {
        guard let a, a != b else { return b }
        switch (a, b) {
        case (.integer, .real), (.real, .integer): return .real
        case (.boolean, .integer), (.integer, .boolean): return .integer
        case (.boolean, .real), (.real, .boolean): return .real
        default: return .string
        }
    }

    /// The OGR geometry type for the features, and whether singles are promoted to Multi.
    static func geometryType(of features: [Feature], format: VectorFormat, path: String, layer: String) throws(GDALError) -> (OGRwkbGeometryType, Bool) {
        var scan = SchemaScan()
        for f in features { scan.add(f) }
        return try geometryType(names: scan.geometryNames, hasZ: scan.hasZ, format: format, path: path, layer: layer)
    }

    static func geometryType(
        names: Set<String>, hasZ: Bool, format: VectorFormat, path: String, layer: String
    ) throws(GDALError) -> (OGRwkbGeometryType, Bool) {
        var type: OGRwkbGeometryType
        var promote = false
        switch names {
        case []: type = wkbNone
        case ["Point"]: type = wkbPoint
        case ["LineString"]: type = wkbLineString
        case ["Polygon"]: type = format == .shapefile ? wkbPolygon : wkbPolygon
        case ["MultiPoint"], ["Point", "MultiPoint"]: type = wkbMultiPoint; promote = true
        case ["MultiLineString"], ["LineString", "MultiLineString"]: type = wkbMultiLineString; promote = true
        case ["MultiPolygon"], ["Polygon", "MultiPolygon"]: type = wkbMultiPolygon; promote = true
        default:
            if format == .shapefile || format == .fileGDB {
                throw .write(path: path, layer: layer, message: "a \(format.driver) layer holds one geometry type; these features have \(names.sorted().joined(separator: ", "))")
            }
            type = wkbUnknown
        }
        if hasZ && type != wkbNone { type = OGR_GT_SetZ(type) }
        return (type, promote)
    }

    static func promoted(_ g: Geometry) -> Geometry {
        switch g {
        case .point(let p): .multiPoint(CoordinateSequence([p]))
        case .lineString(let s): .multiLineString([s])
        case .polygon(let p): .multiPolygon([p])
        default: g
        }
    }

    /// - Returns: for a GeoPackage layer with geometry, its spatial index to write once GDAL has
    ///   closed the file (`GeoPackageRTree`: the layer is made without one).
    private static func writeLayer(
        _ layer: RowLayer, format: VectorFormat, dataset: VectorDataset, srs: SpatialReferenceOwner?, reportedPath: String,
        threads: Int, rowWritten: () -> Void
    ) throws(GDALError) -> (table: String, column: String, fid: String, tree: GeoPackageRTree)? {
        let h = try dataset.requireOpen()
        // First pass: the schema, one feature at a time (nothing kept but the column list).
        let scan: SchemaScan
        do {
            scan = try SchemaScan.parallel(layer, threads: threads)
        } catch {
            throw .write(path: reportedPath, layer: layer.name, message: "\(error)")
        }
        let (geometryType, promote) = try geometryType(
            names: scan.geometryNames, hasZ: scan.hasZ, format: format, path: reportedPath, layer: layer.name)
        var options: [(String, String)] = []
        switch format {
        case .shapefile: options.append(("ENCODING", "UTF-8"))
        case .csv:
            if geometryType != wkbNone { options.append(("GEOMETRY", "AS_WKT")) }
            options.append(("CREATE_CSVT", "YES"))
        case .geoPackage:
            if geometryType != wkbNone { options.append(("SPATIAL_INDEX", "NO")) }
        default: break
        }
        GDALCall.reset()
        let created = withOptionList(options) { GDALDatasetCreateLayer(h, layer.name, srs?.pointer, geometryType, $0) }
        guard let ogrLayer = created else {
            throw .write(path: reportedPath, layer: layer.name, message: GDALCall.message())
        }
        let columns = scan.columns
        for column in columns {
            let type: OGRFieldType
            switch column.kind {
            case .integer: type = OFTInteger64
            case .real: type = OFTReal
            case .boolean: type = OFTInteger
            case .string, .json: type = OFTString
            }
            guard let field = OGR_Fld_Create(column.name, type) else {
                throw .write(path: reportedPath, layer: layer.name, message: "OGR_Fld_Create(\(column.name)) failed")
            }
            defer { OGR_Fld_Destroy(field) }
            if column.kind == .boolean { OGR_Fld_SetSubType(field, OFSTBoolean) }
            if column.kind == .json && format != .shapefile { OGR_Fld_SetSubType(field, OFSTJSON) }
            // DBF strings default to 80 bytes: make each wide enough for its longest value (254 at most).
            if format == .shapefile && (column.kind == .string || column.kind == .json) {
                OGR_Fld_SetWidth(field, Int32(min(254, max(1, column.maxBytes))))
            }
            GDALCall.reset()
            guard OGR_L_CreateField(ogrLayer, field, 1) == OGRERR_NONE else {
                throw .badField(path: reportedPath, layer: layer.name, fid: nil, field: column.name, message: GDALCall.message())
            }
        }
        let defn = OGR_L_GetLayerDefn(ogrLayer)
        var slots = ColumnSlots()
        for (k, column) in columns.enumerated() { slots.add(column.name, slot: k) }
        let names = columns.map(\.name)
        var isSet = [Bool](repeating: false, count: columns.count)
        let hasGeometry = geometryType != wkbNone
        var tree: GeoPackageRTree? = format == .geoPackage && hasGeometry ? GeoPackageRTree() : nil
        do {
            try dataset.inTransaction {
                // With a second thread, the rows and their WKB are made ahead while this thread writes.
                try RowsAhead.forEach(layer, ahead: threads > 1, prepare: { f in
                    hasGeometry ? f.geometry.map { WKB.encode(promote ? promoted($0) : $0) } : nil
                }) { index, feature, wkb in
                    let fid = try writeFeature(feature, wkb: wkb, index: index, columns: columns, names: names, slots: &slots, isSet: &isSet,
                                               defn: defn, layer: ogrLayer, path: reportedPath, layerName: layer.name)
                    if wkb != nil, let box = feature.geometry?.boundingBox { tree?.add(id: fid, box: box) }
                    rowWritten()
                }
            }
        } catch let error as GDALError {
            throw error
        } catch {
            throw .write(path: reportedPath, layer: layer.name, message: "\(error)")
        }
        guard let tree else { return nil }
        let column = OGR_L_GetGeometryColumn(ogrLayer).map { String(cString: $0) } ?? "geom"
        let fid = OGR_L_GetFIDColumn(ogrLayer).map { String(cString: $0) } ?? "fid"
        return (String(cString: OGR_L_GetName(ogrLayer)), column.isEmpty ? "geom" : column, fid.isEmpty ? "fid" : fid, tree)
    }

    /// `wkb`: the feature's geometry as WKB (promoted as the layer's type needs), nil for none.
    private static func writeFeature(
        _ feature: Feature, wkb: [UInt8]?, index: Int, columns: [Column], names: [String], slots: inout ColumnSlots, isSet: inout [Bool],
        defn: OGRFeatureDefnH?, layer: OGRLayerH, path: String, layerName: String
    ) throws(GDALError) -> Int64 {
        guard let raw = OGR_F_Create(defn) else {
            throw .write(path: path, layer: layerName, message: "OGR_F_Create failed at feature \(index)")
        }
        let owner = FeatureOwner(taking: raw)
        // Each column gets the value of its key's first member (as `properties[key]` reads it), or null.
        for k in isSet.indices { isSet[k] = false }
        slots.restart()
        for m in feature.properties ?? JSONObject() {
            guard let k = slots.slot(of: m.key, in: names), !isSet[k] else { continue }
            isSet[k] = true
            setField(m.value, column: columns[k], index: Int32(k), feature: raw)
        }
        for k in isSet.indices where !isSet[k] { OGR_F_SetFieldNull(raw, Int32(k)) }
        if let bytes = wkb {
            var geometry: OGRGeometryH?
            GDALCall.reset()
            let status = bytes.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &geometry, $0.count) }
            guard status == OGRERR_NONE, let geometry else {
                throw .badGeometry(path: path, layer: layerName, fid: Int64(index), message: GDALCall.message())
            }
            let geometryOwner = GeometryOwner(taking: geometry)
            OGR_F_SetGeometryDirectly(raw, geometryOwner.release())
        }
        GDALCall.reset()
        guard OGR_L_CreateFeature(layer, raw) == OGRERR_NONE else {
            throw .write(path: path, layer: layerName, message: "feature \(index): \(GDALCall.message())")
        }
        return withExtendedLifetime(owner) { OGR_F_GetFID(raw) }
    }

    private static func setField(_ value: JSONValue, column: Column, index i: Int32, feature raw: OGRFeatureH) {
        switch value {
        case .null: OGR_F_SetFieldNull(raw, i)
        case .bool(let b): OGR_F_SetFieldInteger64(raw, i, b ? 1 : 0)
        case .integer(let v):
            if column.kind == .string { OGR_F_SetFieldString(raw, i, String(v)) } else { OGR_F_SetFieldInteger64(raw, i, v) }
        case .double(let v):
            if column.kind == .string { OGR_F_SetFieldString(raw, i, JSONLite.number(v)) } else { OGR_F_SetFieldDouble(raw, i, v) }
        case .string(let s): OGR_F_SetFieldString(raw, i, s)
        case let value: OGR_F_SetFieldString(raw, i, JSONLite.text(value))
        }
    }
}

extension GDALError {
    /// The same error naming the user's path instead of the temporary one.
    func reported(as path: String, temporary: String) -> GDALError {
        func fix(_ s: String) -> String { s.replacingOccurrences(of: temporary, with: path) }
        switch self {
        case let .library(operation, p, message): return .library(operation: operation, path: p.map(fix), message: fix(message))
        case let .write(_, layer, message): return .write(path: path, layer: layer, message: fix(message))
        case let .badField(_, layer, fid, field, message): return .badField(path: path, layer: layer, fid: fid, field: field, message: fix(message))
        case let .badGeometry(_, layer, fid, message): return .badGeometry(path: path, layer: layer, fid: fid, message: fix(message))
        default: return self
        }
    }
}

/// Minimal JSON text for array/object properties written to JSON-subtype fields.
enum JSONLite {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func number(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func append(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .double(let d): out += d.isFinite ? number(d) : "null"
        case .string(let s): quote(s, to: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (k, m) in object.members.enumerated() {
                if k > 0 { out += "," }
                quote(m.key, to: &out)
                out += ":"
                append(m.value, to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
