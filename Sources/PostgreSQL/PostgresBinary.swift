import Foundation

/// Type OIDs of the built-in types this module reads and writes in binary.
public enum PostgresType {
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let json: UInt32 = 114
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let bpchar: UInt32 = 1042
    public static let varchar: UInt32 = 1043
    public static let jsonb: UInt32 = 3802
}

/// Builds a `COPY … FROM STDIN (FORMAT binary)` stream: the signature, then per
/// row the field count and each field as length + bytes (-1 for NULL), then the
/// trailer. Values go to the server as data, never as SQL text.
public struct BinaryCopyEncoder {
    public private(set) var bytes: [UInt8] = []

    public init() {
        bytes += Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]
        append32(0) // flags
        append32(0) // header extension length
    }

    public mutating func beginRow(fields: Int) { append16(Int16(fields)) }

    public mutating func null() { append32(-1) }

    public mutating func text(_ value: String) {
        let utf8 = Array(value.utf8)
        append32(Int32(utf8.count))
        bytes += utf8
    }

    public mutating func float8(_ value: Double) {
        append32(8)
        append64(value.bitPattern)
    }

    public mutating func int8(_ value: Int64) {
        append32(8)
        append64(UInt64(bitPattern: value))
    }

    public mutating func bool(_ value: Bool) {
        append32(1)
        bytes.append(value ? 1 : 0)
    }

    /// jsonb's binary form: version 1, then the JSON text.
    public mutating func jsonb(_ jsonText: String) {
        let utf8 = Array(jsonText.utf8)
        append32(Int32(utf8.count + 1))
        bytes.append(1)
        bytes += utf8
    }

    /// Raw bytes (bytea, or a PostGIS geometry as EWKB).
    public mutating func raw(_ value: [UInt8]) {
        append32(Int32(value.count))
        bytes += value
    }

    public mutating func finish() { append16(-1) }

    mutating func append16(_ v: Int16) { withUnsafeBytes(of: v.bigEndian) { bytes += $0 } }
    mutating func append32(_ v: Int32) { withUnsafeBytes(of: v.bigEndian) { bytes += $0 } }
    mutating func append64(_ v: UInt64) { withUnsafeBytes(of: v.bigEndian) { bytes += $0 } }
}

/// Reading binary-format values.
public enum BinaryValue {
    public static func int(_ b: UnsafeRawBufferPointer) -> Int64 {
        switch b.count {
        case 2: Int64(Int16(bigEndian: b.loadUnaligned(as: Int16.self)))
        case 4: Int64(Int32(bigEndian: b.loadUnaligned(as: Int32.self)))
        default: Int64(bigEndian: b.loadUnaligned(as: Int64.self))
        }
    }

    public static func double(_ b: UnsafeRawBufferPointer) -> Double {
        if b.count == 4 { return Double(Float(bitPattern: UInt32(bigEndian: b.loadUnaligned(as: UInt32.self)))) }
        return Double(bitPattern: UInt64(bigEndian: b.loadUnaligned(as: UInt64.self)))
    }

    public static func bool(_ b: UnsafeRawBufferPointer) -> Bool { b.first != 0 }

    public static func text(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }

    /// jsonb (version byte 1, then text) or json (text).
    public static func jsonText(_ b: UnsafeRawBufferPointer, type: UInt32) -> String {
        type == PostgresType.jsonb && b.first == 1 ? String(decoding: b.dropFirst(), as: UTF8.self) : text(b)
    }
}

/// EWKB (PostGIS's extended WKB, which binary COPY into a `geometry(…, SRID)`
/// column needs) from ISO/OGC WKB: the SRID flag set on the outer type and the
/// SRID after it. Nil when `wkb` is not WKB.
public func ewkb(fromWKB wkb: [UInt8], srid: Int32) -> [UInt8]? {
    guard wkb.count >= 5 else { return nil }
    let little = wkb[0] == 1
    var type: UInt32 = 0
    for k in 0..<4 { type |= UInt32(wkb[1 + k]) << (little ? 8 * k : 8 * (3 - k)) }
    // ISO Z/M codes (1000s) are not used by the dataset (2-D geometry only).
    type |= 0x2000_0000
    var out: [UInt8] = [wkb[0]]
    for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: type >> (little ? 8 * k : 8 * (3 - k)))) }
    let s = UInt32(bitPattern: srid)
    for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: s >> (little ? 8 * k : 8 * (3 - k)))) }
    out += wkb[5...]
    return out
}
