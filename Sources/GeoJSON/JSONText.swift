import GeoCore

/// Plain JSON (RFC 8259) to and from `JSONValue`, with the same parser and
/// number rules as the GeoJSON reader: exact Int64 integers, bit-exact
/// doubles, NaN/Infinity rejected, a UTF-8 BOM skipped, duplicate keys last-wins.
/// Used for `policy.json` and the JSON output of commands.
public enum JSONText {
    /// Parses one JSON text. - Throws: `GeoJSONError.malformedJSON` with line and column.
    public static func parse(_ bytes: [UInt8], fileName: String? = nil, maxDepth: Int = 512) throws -> JSONValue {
        try bytes.withUnsafeBytes { raw in
            try GeoJSONReader(options: .init(maxDepth: maxDepth)).withScanner(raw, fileName: fileName) { s in
                s.skipByteOrderMark()
                let value = try s.parseValue()
                try s.expectEndOfInput()
                return value
            }
        }
    }

    public static func parse(_ text: String, fileName: String? = nil) throws -> JSONValue {
        try parse(Array(text.utf8), fileName: fileName)
    }

    /// Reads and parses the JSON file at `path`.
    public static func parse(contentsOfFile path: String) throws -> JSONValue {
        try parse(try FileIO.readAll(path: path), fileName: path)
    }

    /// Serialises `value` (members in order; `pretty` indents by 2 spaces).
    /// - Throws: `GeoJSONError.unwritableValue` for NaN or infinite numbers.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) throws -> [UInt8] {
        let sink = ByteSink()
        try JSONEmitter(sink: sink, pretty: pretty, coordinatePrecision: nil).value(value)
        return sink.buffer
    }

    public static func string(_ value: JSONValue, pretty: Bool = false) throws -> String {
        String(decoding: try serialize(value, pretty: pretty), as: UTF8.self)
    }

    /// Writes `value` to `path` atomically, with a final newline.
    public static func write(_ value: JSONValue, to path: String, pretty: Bool = true) throws {
        try AtomicFileWriter.write(to: path) { sink in
            try JSONEmitter(sink: sink, pretty: pretty, coordinatePrecision: nil).value(value)
            sink.append(ASCII.newline)
        }
    }
}
