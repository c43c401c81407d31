import CGDAL
import Foundation
import GeoCore

/// Decodes the record batches of an Arrow C stream produced by
/// `OGR_L_GetArrowStream` into GeoCore features, column by column.
///
/// Layout (GDAL 3.6): a struct array whose children are the FID (`int64`),
/// the attribute fields, then the geometry as `binary` WKB (extension
/// `ogc.wkb`). Types handled: bool, (u)int8/16/32/64, float32/64, utf8 and
/// large utf8, binary (written as base64 text), date32/64, time32/64,
/// timestamps (ISO 8601 text, with the time zone when the column has one),
/// and lists of those (JSON arrays). Validity bitmaps give `.null`.
struct ArrowBatchReader {
    let path: String
    let layer: String
    private(set) var features: [Feature] = []
    /// (index in `features`, FID) of geometries that are curves, to be linearised by GDAL.
    private(set) var curvedFeatures: [(Int, Int64)] = []
    /// When set, each batch is handed here instead of being turned into `features`.
    let onBatch: ((FeatureBatch) -> Void)?
    /// Batch mode only: a batch held a curve, so it and the rest were not handed over.
    private(set) var sawCurves = false

    init(path: String, layer: String, onBatch: ((FeatureBatch) -> Void)? = nil) {
        self.path = path
        self.layer = layer
        self.onBatch = onBatch
    }

    /// The role of each top-level column.
    enum Role { case fid, property(String), geometry }

    mutating func read(_ owner: ArrowStreamOwner) throws(GDALError) {
        let stream = owner.stream
        var schema = ArrowSchema()
        guard let getSchema = stream.pointee.get_schema, getSchema(stream, &schema) == 0 else {
            throw .library(operation: "ArrowArrayStream.get_schema", path: path, message: owner.lastError())
        }
        defer { schema.release?(&schema) }
        let n = Int(schema.n_children)
        var columns: [(schema: UnsafeMutablePointer<ArrowSchema>, role: Role)] = []
        for k in 0..<n {
            guard let child = schema.children?[k] else { continue }
            let name = child.pointee.name.map { String(cString: $0) } ?? ""
            let role: Role
            if k == 0 && String(cString: child.pointee.format) == "l" {
                role = .fid
            } else if Self.isWKB(child.pointee) {
                role = .geometry
            } else {
                role = .property(name)
            }
            columns.append((child, role))
        }
        while true {
            var array = ArrowArray()
            guard let getNext = stream.pointee.get_next, getNext(stream, &array) == 0 else {
                throw .library(operation: "ArrowArrayStream.get_next", path: path, message: owner.lastError())
            }
            guard array.release != nil else { break }  // end of stream
            defer { array.release?(&array) }
            try consume(array, columns: columns)
        }
    }

    private mutating func consume(
        _ batch: ArrowArray, columns: [(schema: UnsafeMutablePointer<ArrowSchema>, role: Role)]
    ) throws(GDALError) {
        guard !sawCurves, var decoded = try columnsOf(batch, columns: columns) else { return }
        if let onBatch {
            // Curves need GDAL's linear approximation, feature by feature: the caller reads the general way.
            guard decoded.curvedRows.isEmpty else {
                sawCurves = true
                return
            }
            onBatch(decoded)
            return
        }
        let base = features.count
        for row in decoded.curvedRows { if let fid = decoded.fids[row] { curvedFeatures.append((base + row, fid)) } }
        features.reserveCapacity(features.count + decoded.count)
        for i in 0..<decoded.count { features.append(decoded.feature(i)) }
        decoded.columns.removeAll()
    }

    /// One record batch as columns of JSON values (the FID column apart) and decoded geometries.
    private func columnsOf(
        _ batch: ArrowArray, columns: [(schema: UnsafeMutablePointer<ArrowSchema>, role: Role)]
    ) throws(GDALError) -> FeatureBatch? {
        let count = Int(batch.length)
        guard count > 0 else { return nil }
        var out = FeatureBatch(count: count)
        var wkbColumn: UnsafeMutablePointer<ArrowArray>?
        for (k, column) in columns.enumerated() {
            guard let child = batch.children?[k] else { continue }
            switch column.role {
            case .fid:
                let v = try decode(child.pointee, schema: column.schema.pointee, field: "FID", fids: nil)
                for i in 0..<count { out.fids[i] = v[i].integerValue }
            case .geometry:
                wkbColumn = child
            case .property(let name):
                out.names.append(name)
                out.columns.append(try decode(child.pointee, schema: column.schema.pointee, field: name, fids: out.fids))
            }
        }
        if let wkb = wkbColumn {
            try decodeGeometries(wkb.pointee, fids: out.fids, into: &out.geometries, curved: &out.curvedRows)
        }
        return out
    }

    private func decodeGeometries(
        _ array: ArrowArray, fids: [Int64?], into out: inout [Geometry?], curved: inout [Int]
    ) throws(GDALError) {
        let count = Int(array.length)
        let offset = Int(array.offset)
        guard let buffers = array.buffers, let offsetsRaw = buffers[1] else { return }
        let validity = buffers[0]
        let offsets = offsetsRaw.assumingMemoryBound(to: Int32.self)
        let data = buffers[2]?.assumingMemoryBound(to: UInt8.self)
        for i in 0..<count {
            guard Self.isValid(validity, offset + i), let data else { continue }
            let start = Int(offsets[offset + i]), end = Int(offsets[offset + i + 1])
            guard end > start else { continue }
            do {
                out[i] = try WKB.decode(UnsafeRawBufferPointer(start: data + start, count: end - start))
            } catch .curve {
                curved.append(i)
            } catch {
                throw .badGeometry(path: path, layer: layer, fid: fids[i], message: error.description)
            }
        }
    }

    static func isWKB(_ schema: ArrowSchema) -> Bool {
        let format = String(cString: schema.format)
        guard format == "z" || format == "Z" else { return false }
        return metadata(schema)["ARROW:extension:name"] == "ogc.wkb"
    }

    /// The key/value metadata of a schema (int32 count, then int32-length-prefixed keys and values).
    static func metadata(_ schema: ArrowSchema) -> [String: String] {
        guard let raw = schema.metadata else { return [:] }
        let p = UnsafeRawPointer(raw)
        var offset = 0
        func int32() -> Int {
            defer { offset += 4 }
            return Int(p.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        }
        func string() -> String {
            let n = int32()
            defer { offset += n }
            return String(decoding: UnsafeRawBufferPointer(start: p + offset, count: n), as: UTF8.self)
        }
        var out: [String: String] = [:]
        for _ in 0..<int32() {
            let key = string()
            out[key] = string()
        }
        return out
    }

    @inline(__always)
    static func isValid(_ validity: UnsafeRawPointer?, _ index: Int) -> Bool {
        guard let validity else { return true }
        return validity.load(fromByteOffset: index >> 3, as: UInt8.self) & (1 << UInt8(index & 7)) != 0
    }

    /// One column as JSON values.
    private func decode(_ array: ArrowArray, schema: ArrowSchema, field: String, fids: [Int64?]?) throws(GDALError) -> [JSONValue] {
        let format = String(cString: schema.format)
        let count = Int(array.length)
        let offset = Int(array.offset)
        guard let buffers = array.buffers else { return .init(repeating: .null, count: count) }
        let validity = array.null_count == 0 ? nil : buffers[0]
        var out = [JSONValue](repeating: .null, count: count)

        func fixed<T>(_ type: T.Type, _ make: (T) -> JSONValue) {
            guard let data = buffers[1]?.assumingMemoryBound(to: T.self) else { return }
            for i in 0..<count where Self.isValid(validity, offset + i) { out[i] = make(data[offset + i]) }
        }
        func strings<O: BinaryInteger>(_ offsetType: O.Type, binary: Bool) {
            guard let offs = buffers[1]?.assumingMemoryBound(to: O.self) else { return }
            let data = buffers[2]?.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count where Self.isValid(validity, offset + i) {
                let start = Int(offs[offset + i]), end = Int(offs[offset + i + 1])
                let bytes = UnsafeBufferPointer(start: data.map { $0 + start }, count: data == nil ? 0 : end - start)
                out[i] = .string(binary ? Data(bytes).base64EncodedString() : String(decoding: bytes, as: UTF8.self))
            }
        }

        switch format {
        case "b":
            guard let bits = buffers[1] else { break }
            for i in 0..<count where Self.isValid(validity, offset + i) { out[i] = .bool(Self.isValid(bits, offset + i)) }
        case "c": fixed(Int8.self) { .integer(Int64($0)) }
        case "C": fixed(UInt8.self) { .integer(Int64($0)) }
        case "s": fixed(Int16.self) { .integer(Int64($0)) }
        case "S": fixed(UInt16.self) { .integer(Int64($0)) }
        case "i": fixed(Int32.self) { .integer(Int64($0)) }
        case "I": fixed(UInt32.self) { .integer(Int64($0)) }
        case "l": fixed(Int64.self) { .integer($0) }
        case "L": fixed(UInt64.self) { $0 <= UInt64(Int64.max) ? .integer(Int64($0)) : .double(Double($0)) }
        case "f": fixed(Float.self) { .double(Double($0)) }
        case "g": fixed(Double.self) { .double($0) }
        case "u": strings(Int32.self, binary: false)
        case "U": strings(Int64.self, binary: false)
        case "z": strings(Int32.self, binary: true)
        case "Z": strings(Int64.self, binary: true)
        case "tdD": fixed(Int32.self) { .string(ISODate.date(days: Int64($0))) }
        case "tdm": fixed(Int64.self) { .string(ISODate.date(days: $0 / 86_400_000)) }
        case "tts": fixed(Int32.self) { .string(ISODate.time(Int64($0) * 1000, scale: 1000)) }
        case "ttm": fixed(Int32.self) { .string(ISODate.time(Int64($0), scale: 1000)) }
        case "ttu": fixed(Int64.self) { .string(ISODate.time($0, scale: 1_000_000)) }
        case "ttn": fixed(Int64.self) { .string(ISODate.time($0, scale: 1_000_000_000)) }
        case _ where format.hasPrefix("ts") && format.count >= 4:
            let unit = format[format.index(format.startIndex, offsetBy: 2)]
            let zone = String(format.dropFirst(4))
            let scale: Int64 = unit == "s" ? 1 : unit == "m" ? 1000 : unit == "u" ? 1_000_000 : 1_000_000_000
            fixed(Int64.self) { .string(ISODate.timestamp($0, scale: scale, zone: zone)) }
        case "+l", "+L":
            guard let childArray = array.children?[0], let childSchema = schema.children?[0],
                  let offsRaw = buffers[1] else { break }
            let items = try decode(childArray.pointee, schema: childSchema.pointee, field: field, fids: nil)
            for i in 0..<count where Self.isValid(validity, offset + i) {
                let (start, end) = format == "+l"
                    ? (Int(offsRaw.load(fromByteOffset: (offset + i) * 4, as: Int32.self)),
                       Int(offsRaw.load(fromByteOffset: (offset + i + 1) * 4, as: Int32.self)))
                    : (Int(offsRaw.load(fromByteOffset: (offset + i) * 8, as: Int64.self)),
                       Int(offsRaw.load(fromByteOffset: (offset + i + 1) * 8, as: Int64.self)))
                out[i] = .array(Array(items[start..<end]))
            }
        default:
            throw .badField(path: path, layer: layer, fid: nil, field: field, message: "unsupported Arrow column type \(format)")
        }
        return out
    }
}

/// ISO 8601 text for Arrow dates, times and timestamps (proleptic Gregorian, no Foundation calendar).
enum ISODate {
    /// Days since 1970-01-01 → (year, month, day) (H. Hinnant's civil_from_days).
    static func civil(_ days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func date(days: Int64) -> String {
        let (y, m, d) = civil(days)
        return "\(pad(y, 4))-\(pad(Int64(m), 2))-\(pad(Int64(d), 2))"
    }

    /// `HH:MM:SS` with a fraction only when there is one.
    static func time(_ value: Int64, scale: Int64) -> String {
        let seconds = value / scale
        let fraction = value % scale
        var s = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 {
            let digits = String(scale).count - 1
            var f = pad(fraction, digits)
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return s
    }

    static func timestamp(_ value: Int64, scale: Int64, zone: String) -> String {
        var days = value / (86_400 * scale)
        var rest = value % (86_400 * scale)
        if rest < 0 { rest += 86_400 * scale; days -= 1 }
        var text = date(days: days) + "T" + time(rest, scale: scale)
        if zone == "UTC" || zone == "Etc/UTC" || zone == "+00:00" { text += "Z" } else if !zone.isEmpty { text += zone }
        return text
    }
}

/// One record batch of a layer's Arrow stream, column by column: what
/// `VectorLayer.forEachBatch` hands over. `feature(_:)` gives the row exactly
/// as `VectorLayer.readFeatures()` would (same JSON values, same order), so a
/// consumer can decode the columns directly and fall back to the general path
/// for the rows it does not handle.
public struct FeatureBatch: Sendable {
    /// Rows in the batch.
    public var count: Int
    /// The FID of each row (nil when the stream has none).
    public var fids: [Int64?]
    /// The attribute fields, in schema order.
    public var names: [String]
    /// `columns[c][row]`: the value of field `names[c]` (dates as ISO text, nulls as `.null`).
    public var columns: [[JSONValue]]
    /// Each row's geometry, lon/lat or as stored; nil for a null or empty geometry.
    public var geometries: [Geometry?]
    /// Rows whose geometry is a curve (left nil in `geometries`).
    var curvedRows: [Int] = []

    init(count: Int) {
        self.count = count
        fids = .init(repeating: nil, count: count)
        names = []
        columns = []
        geometries = .init(repeating: nil, count: count)
    }

    /// The row as a feature: `id` the FID, properties every field in schema order.
    public func feature(_ row: Int) -> Feature {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(names.count)
        for c in names.indices { members.append(JSONObject.Member(key: names[c], value: columns[c][row])) }
        return Feature(id: fids[row].map { .integer($0) }, geometry: geometries[row], properties: JSONObject(members: members))
    }
}
