import GeoCore

/// Well-Known Binary ↔ GeoCore geometries, in Swift: a whole geometry crosses
/// the C boundary as one byte buffer, never one call per vertex.
///
/// Reads ISO WKB (types 1–7, +1000 Z, +2000 M, +3000 ZM), the old 2.5-D flag
/// (0x80000000) and EWKB's Z/M/SRID flags, either byte order; M values are
/// dropped. Writes ISO WKB, little endian, with Z when the geometry has it.
public enum WKB {
    /// Why a WKB buffer could not be decoded.
    public enum DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The buffer ends early or holds an impossible count.
        case malformed(String)
        /// A curve or surface type (CircularString, CompoundCurve, CurvePolygon, …) that
        /// GeoCore does not model; the caller may ask GDAL for a linear approximation.
        case curve(type: UInt32)
        /// A type this decoder does not know (TIN, PolyhedralSurface, …).
        case unsupported(type: UInt32)

        public var description: String {
            switch self {
            case .malformed(let why): "malformed WKB: \(why)"
            case .curve(let type): "curved geometry (WKB type \(type)) is not supported"
            case .unsupported(let type): "unsupported WKB geometry type \(type)"
            }
        }
    }

    /// Decodes one geometry; `nil` for an empty geometry (GeoCore has no empty values).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> Geometry? {
        var reader = Reader(bytes: bytes)
        return try reader.geometry()
    }

    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> Geometry? {
        do {
            return try bytes.withUnsafeBytes { buffer in try decode(buffer) }
        } catch let error as DecodeError {
            throw error
        } catch {
            throw .malformed("\(error)")
        }
    }

    /// ISO WKB, little endian.
    public static func encode(_ geometry: Geometry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(geometry.positionCount * (geometry.hasZ ? 24 : 16) + 64)
        write(geometry, hasZ: geometry.hasZ, into: &out)
        return out
    }

    // MARK: Reading

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var littleEndian = true

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func need(_ n: Int) throws(DecodeError) {
            guard n >= 0, offset + n <= bytes.count else {
                throw .malformed("buffer ends at byte \(bytes.count), \(n) more needed at \(offset)")
            }
        }

        mutating func uint32() throws(DecodeError) -> UInt32 {
            try need(4)
            let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            offset += 4
            return littleEndian ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
        }

        mutating func count() throws(DecodeError) -> Int {
            let n = Int(try uint32())
            // Every element needs at least 8 bytes; anything larger is corrupt.
            guard n <= (bytes.count - offset) else { throw .malformed("count \(n) exceeds the buffer") }
            return n
        }

        /// (type 1–17, hasZ, hasM) after the byte-order mark.
        mutating func header() throws(DecodeError) -> (UInt32, Bool, Bool) {
            try need(1)
            littleEndian = bytes[offset] == 1
            offset += 1
            var type = try uint32()
            var hasZ = false, hasM = false
            if type & 0x8000_0000 != 0 { hasZ = true }
            if type & 0x4000_0000 != 0 { hasM = true }
            if type & 0x2000_0000 != 0 { _ = try uint32() }  // EWKB SRID
            type &= 0x0FFF_FFFF
            switch type / 1000 {
            case 1: hasZ = true
            case 2: hasM = true
            case 3: hasZ = true; hasM = true
            default: break
            }
            return (type % 1000, hasZ, hasM)
        }

        /// `n` positions of `width` ordinates into a flat buffer of 2 or 3.
        mutating func sequence(_ n: Int, hasZ: Bool, hasM: Bool) throws(DecodeError) -> CoordinateSequence {
            let width = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
            try need(n * width * 8)
            let keep = hasZ ? 3 : 2
            var storage = [Double](repeating: 0, count: n * keep)
            let base = offset
            let little = littleEndian
            let source = bytes
            storage.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    for k in 0..<keep {
                        let raw = source.loadUnaligned(fromByteOffset: base + (i * width + k) * 8, as: UInt64.self)
                        out[i * keep + k] = Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
                    }
                }
            }
            offset += n * width * 8
            return CoordinateSequence(storage: storage, hasZ: hasZ)
        }

        mutating func rings(hasZ: Bool, hasM: Bool) throws(DecodeError) -> [CoordinateSequence] {
            let n = try count()
            var rings: [CoordinateSequence] = []
            rings.reserveCapacity(n)
            for _ in 0..<n { rings.append(try sequence(try count(), hasZ: hasZ, hasM: hasM)) }
            return rings
        }

        mutating func geometry() throws(DecodeError) -> Geometry? {
            let (type, hasZ, hasM) = try header()
            switch type {
            case 1:
                let s = try sequence(1, hasZ: hasZ, hasM: hasM)
                // POINT EMPTY is written with NaN ordinates.
                if s.storage[0].isNaN && s.storage[1].isNaN { return nil }
                return .point(s[0])
            case 2:
                let s = try sequence(try count(), hasZ: hasZ, hasM: hasM)
                return s.isEmpty ? nil : .lineString(s)
            case 3:
                let r = try rings(hasZ: hasZ, hasM: hasM)
                return r.isEmpty ? nil : .polygon(Polygon(rings: r))
            case 4, 5, 6, 7:
                let n = try count()
                var parts: [Geometry] = []
                parts.reserveCapacity(n)
                for _ in 0..<n {
                    if let g = try geometry() { parts.append(g) }
                }
                if parts.isEmpty { return nil }
                switch type {
                case 4:
                    var storage: [Double] = []
                    let z = parts.contains { $0.hasZ }
                    for case .point(let p) in parts {
                        storage.append(p.x); storage.append(p.y)
                        if z { storage.append(p.z ?? 0) }
                    }
                    return .multiPoint(CoordinateSequence(storage: storage, hasZ: z))
                case 5:
                    return .multiLineString(parts.compactMap { if case .lineString(let s) = $0 { s } else { nil } })
                case 6:
                    return .multiPolygon(parts.compactMap { if case .polygon(let p) = $0 { p } else { nil } })
                default:
                    return .geometryCollection(parts)
                }
            case 8, 9, 10, 11, 12:
                throw .curve(type: type)
            default:
                throw .unsupported(type: type)
            }
        }
    }

    // MARK: Writing

    private static func header(_ type: UInt32, hasZ: Bool, into out: inout [UInt8]) {
        out.append(1)
        append(hasZ ? type + 1000 : type, into: &out)
    }

    private static func append(_ value: UInt32, into out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func append(_ sequence: CoordinateSequence, hasZ: Bool, into out: inout [UInt8]) {
        append(UInt32(sequence.count), into: &out)
        appendOrdinates(sequence, hasZ: hasZ, into: &out)
    }

    private static func appendOrdinates(_ sequence: CoordinateSequence, hasZ: Bool, into out: inout [UInt8]) {
        if sequence.hasZ == hasZ {
            sequence.storage.withUnsafeBytes { raw in
                // IEEE 754 doubles are little endian on every platform Swift runs on.
                out.append(contentsOf: raw)
            }
            return
        }
        for i in 0..<sequence.count {
            let p = sequence[i]
            for v in hasZ ? [p.x, p.y, p.z ?? 0] : [p.x, p.y] {
                withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
            }
        }
    }

    private static func write(_ geometry: Geometry, hasZ: Bool, into out: inout [UInt8]) {
        switch geometry {
        case .point(let p):
            header(1, hasZ: hasZ, into: &out)
            appendOrdinates(CoordinateSequence([p]), hasZ: hasZ, into: &out)
        case .lineString(let s):
            header(2, hasZ: hasZ, into: &out)
            append(s, hasZ: hasZ, into: &out)
        case .polygon(let p):
            header(3, hasZ: hasZ, into: &out)
            append(UInt32(p.rings.count), into: &out)
            for r in p.rings { append(r, hasZ: hasZ, into: &out) }
        case .multiPoint(let s):
            header(4, hasZ: hasZ, into: &out)
            append(UInt32(s.count), into: &out)
            for i in 0..<s.count { write(.point(s[i]), hasZ: hasZ, into: &out) }
        case .multiLineString(let ss):
            header(5, hasZ: hasZ, into: &out)
            append(UInt32(ss.count), into: &out)
            for s in ss { write(.lineString(s), hasZ: hasZ, into: &out) }
        case .multiPolygon(let ps):
            header(6, hasZ: hasZ, into: &out)
            append(UInt32(ps.count), into: &out)
            for p in ps { write(.polygon(p), hasZ: hasZ, into: &out) }
        case .geometryCollection(let gs):
            header(7, hasZ: hasZ, into: &out)
            append(UInt32(gs.count), into: &out)
            for g in gs { write(g, hasZ: hasZ, into: &out) }
        }
    }
}
