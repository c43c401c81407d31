import GeoCore

/// Writes features as a sequence, one record each: newline-delimited GeoJSON
/// (`<feature>\n`) or an RFC 8142 text sequence (`0x1E <feature>\n`).
/// Records are always compact (a pretty record would break the one-line rule).
public final class GeoJSONSequenceWriter {
    /// The two record layouts.
    public enum Format: Sendable, Hashable {
        case newlineDelimited
        case textSequence
    }

    private let emitter: GeoJSONEmitter
    private let format: Format

    public init(sink: ByteSink, format: Format, options: GeoJSONWriter.Options = .init()) {
        var options = options
        options.pretty = false
        self.emitter = GeoJSONEmitter(sink: sink, options: options)
        self.format = format
    }

    /// Appends one record.
    public func write(_ feature: Feature) throws {
        let sink = emitter.json.sink
        if format == .textSequence { sink.append(ASCII.recordSeparator) }
        try emitter.feature(feature)
        sink.append(ASCII.newline)
        try sink.flushIfFull()
    }

    /// Flushes what is buffered.
    public func finish() throws { try emitter.json.sink.flush() }

    /// All `features` as one sequence in memory.
    public static func encode(_ features: [Feature], format: Format, options: GeoJSONWriter.Options = .init()) throws -> [UInt8] {
        let sink = ByteSink()
        let writer = GeoJSONSequenceWriter(sink: sink, format: format, options: options)
        for f in features { try writer.write(f) }
        return sink.buffer
    }
}
