import CGEOS
import GeoCore

/// Well-known text and binary, read and written with the calling thread's
/// cached GEOS readers and writers (created once per thread, not per call).
extension GeometryHandle {
    /// Parses WKT, e.g. `"POLYGON ((0 0, 1 0, 1 1, 0 0))"` (`GEOSWKTReader_read_r`).
    /// Throws `.library` carrying GEOS's parse message.
    public convenience init(wkt: String) throws(GEOSError) {
        let context = try GEOSContext.current
        let reader = try context.wktReader
        guard let g = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw context.failure("GEOSWKTReader_read_r")
        }
        self.init(taking: g)
    }

    /// Parses binary WKB (ISO or extended) (`GEOSWKBReader_read_r`).
    public convenience init(wkb: [UInt8]) throws(GEOSError) {
        let context = try GEOSContext.current
        let reader = try context.wkbReader
        let g = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context.handle, reader, buffer.baseAddress, buffer.count)
        }
        guard let g else { throw context.failure("GEOSWKBReader_read_r") }
        self.init(taking: g)
    }

    /// Parses hexadecimal WKB, e.g. `"0101000000…"` (`GEOSWKBReader_readHEX_r`).
    public convenience init(hexWKB: String) throws(GEOSError) {
        let context = try GEOSContext.current
        let reader = try context.wkbReader
        let bytes = Array(hexWKB.utf8)
        let g = bytes.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_readHEX_r(context.handle, reader, buffer.baseAddress, buffer.count)
        }
        guard let g else { throw context.failure("GEOSWKBReader_readHEX_r") }
        self.init(taking: g)
    }

    /// WKT text with Z when present (`GEOSWKTWriter_write_r`).
    ///
    /// - Parameters:
    ///   - trim: drop trailing zeros (`1` rather than `1.0000000000000000`)
    ///     (`GEOSWKTWriter_setTrim_r`).
    ///   - roundingPrecision: digits after the decimal point; `nil` for full
    ///     precision (`GEOSWKTWriter_setRoundingPrecision_r`).
    public func wkt(trim: Bool = true, roundingPrecision: Int? = nil) throws(GEOSError) -> String {
        let context = try GEOSContext.current
        let writer = try context.wktWriter
        GEOSWKTWriter_setTrim_r(context.handle, writer, trim ? 1 : 0)
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(clamping: roundingPrecision ?? -1))
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, pointer) else {
            throw context.failure("GEOSWKTWriter_write_r")
        }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Binary WKB (GEOS's default extended flavour, machine byte order, Z kept)
    /// (`GEOSWKBWriter_write_r`).
    public func wkb() throws(GEOSError) -> [UInt8] {
        let context = try GEOSContext.current
        let writer = try context.wkbWriter
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, pointer, &size) else {
            throw context.failure("GEOSWKBWriter_write_r")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Hexadecimal WKB, upper case (`GEOSWKBWriter_writeHEX_r`).
    public func hexWKB() throws(GEOSError) -> String {
        let context = try GEOSContext.current
        let writer = try context.wkbWriter
        var size = 0
        guard let bytes = GEOSWKBWriter_writeHEX_r(context.handle, writer, pointer, &size) else {
            throw context.failure("GEOSWKBWriter_writeHEX_r")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    }
}
