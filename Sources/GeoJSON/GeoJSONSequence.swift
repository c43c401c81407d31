import GeoCore

/// The three ways features are laid out in a file.
public enum GeoJSONInputFormat: Sendable, Hashable {
    /// One GeoJSON text (RFC 7946): a FeatureCollection, Feature or Geometry.
    case document
    /// Newline-delimited GeoJSON ("GeoJSONSeq" without separators, "geojsonl"): one Feature per line.
    case newlineDelimited
    /// RFC 8142 GeoJSON text sequence: each record is `0x1E <GeoJSON text> LF`.
    case textSequence
}

/// Reading of newline-delimited GeoJSON and RFC 8142 text sequences.
///
/// Each record may be a Feature, a bare Geometry (read as a feature with
/// empty properties) or a FeatureCollection (its features are taken in
/// order). Errors carry the line and column in the whole file and, as
/// `featureIndex`, the 0-based index of the record.
public enum GeoJSONSequence {
    /// Detects the layout: first non-space byte 0x1E → RFC 8142; a first line
    /// holding one complete JSON value, then a newline and another `{` →
    /// newline-delimited; anything else → a plain document.
    public static func detectFormat(_ bytes: [UInt8]) -> GeoJSONInputFormat {
        // The usual document announces itself in its first bytes; skipping the
        // whole value to look past it would cost a full extra pass.
        if opensAsFeatureCollection(bytes) { return .document }
        return bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count > 0 else { return .document }
            var s = ByteScanner(input: buffer, fileName: nil, maxDepth: 512)
            s.skipByteOrderMark()
            if s.peekToken() == ASCII.recordSeparator { return .textSequence }
            guard s.current == ASCII.openBrace, (try? s.skipValue()) != nil else { return .document }
            s.skipInlineSpaces()
            guard s.current == ASCII.newline else { return .document }
            return s.peekToken() == ASCII.openBrace ? .newlineDelimited : .document
        }
    }

    /// Whether the text starts `{"type":"FeatureCollection"` (whitespace and a BOM allowed).
    static func opensAsFeatureCollection(_ bytes: [UInt8]) -> Bool {
        let expected = Array(#"{"type":"FeatureCollection""#.utf8)
        var matched = 0
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, i < 4096, matched < expected.count {
            let b = bytes[i]
            i += 1
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { continue }
            guard b == expected[matched] else { return false }
            matched += 1
        }
        return matched == expected.count
    }

    /// Reads every feature of a sequence in either layout (auto-detected; a
    /// plain document is read too, as its features).
    public static func readFeatures(
        _ bytes: [UInt8], fileName: String? = nil, options: GeoJSONReader.Options = .init()
    ) throws -> [Feature] {
        var features: [Feature] = []
        try forEachFeature(bytes, fileName: fileName, options: options) { features.append($0) }
        return features
    }

    /// Calls `body` for each feature in turn, so a caller can process a huge
    /// sequence without keeping all features.
    public static func forEachFeature(
        _ bytes: [UInt8], fileName: String? = nil, options: GeoJSONReader.Options = .init(),
        _ body: (Feature) throws -> Void
    ) throws {
        var unused: [GeoJSONError]?
        try forEachFeature(bytes, fileName: fileName, options: options, collecting: &unused, body)
    }

    /// `forEachFeature` with structural errors inside a Feature record (or a
    /// feature of a document) appended to `featureErrors` instead of thrown;
    /// see `GeoJSONReader.readFeatureCollection(_:fileName:featureErrors:)`.
    static func forEachFeature(
        _ bytes: [UInt8], fileName: String? = nil, options: GeoJSONReader.Options = .init(),
        featureErrors: inout [GeoJSONError], _ body: (Feature) throws -> Void
    ) throws {
        var collected: [GeoJSONError]? = []
        defer { featureErrors += collected ?? [] }
        try forEachFeature(bytes, fileName: fileName, options: options, collecting: &collected, body)
    }

    private static func forEachFeature(
        _ bytes: [UInt8], fileName: String?, options: GeoJSONReader.Options,
        collecting: inout [GeoJSONError]?, _ body: (Feature) throws -> Void
    ) throws {
        let format = detectFormat(bytes)
        let reader = GeoJSONReader(options: options)
        try bytes.withUnsafeBytes { raw in
            try reader.withScanner(raw, fileName: fileName) { s in
                s.featureErrors = collecting
                defer { collecting = s.featureErrors }
                s.skipByteOrderMark()
                if format == .document {
                    for feature in try s.parseGeoJSONDocument().featureCollection.features { try body(feature) }
                    return
                }
                var record = 0
                while true {
                    s.featureIndex = nil
                    s.skipWhitespace()
                    if s.isAtEnd { return }
                    s.featureIndex = record
                    if format == .textSequence {
                        try s.expect(ASCII.recordSeparator, "record separator 0x1E")
                        s.skipWhitespace()
                        // Consecutive separators make empty records; RFC 8142 §2.4 says skip them.
                        if s.current == ASCII.recordSeparator || s.isAtEnd { continue }
                    }
                    if s.featureErrors != nil, (try? s.lookAheadType()) == "Feature" {
                        // A Feature record is one feature: set aside like an element of `features`.
                        try body(try s.parseFeatureElement())
                    } else {
                        for feature in try s.parseGeoJSONObject().featureCollection.features { try body(feature) }
                    }
                    s.skipInlineSpaces()
                    if !s.isAtEnd && s.current != ASCII.newline {
                        throw s.syntaxError("expected a line feed after the record, found \(s.describeByte(s.current))")
                    }
                    record += 1
                }
            }
        }
    }
}

extension ByteScanner {
    /// Skips spaces, tabs and carriage returns but not line feeds.
    mutating func skipInlineSpaces() {
        while index < end, bytes[index] == ASCII.space || bytes[index] == ASCII.tab || bytes[index] == ASCII.carriageReturn {
            index += 1
        }
    }
}
