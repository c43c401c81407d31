import GeoCore

/// Whole-file entry points: read bytes, and write a collection in the layout its
/// file name asks for, atomically.
public enum GeoJSONFile {
    /// Reads a whole file; errors are `GeoJSONError.io` naming the path.
    public static func readBytes(path: String) throws -> [UInt8] {
        try FileIO.readAll(path: path)
    }

    /// The layout implied by a file name: `.geojsonl`/`.ndjson`/`.jsonl` →
    /// newline-delimited, `.geojsons` → RFC 8142, anything else → one document.
    public static func format(forPath path: String) -> GeoJSONInputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".geojsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") { return .newlineDelimited }
        if lower.hasSuffix(".geojsons") { return .textSequence }
        return .document
    }

    /// Writes `collection` to `path` atomically (temporary file, then rename),
    /// streaming feature by feature. `crs` (a normalised name such as
    /// `"EPSG:4544"`) is written as the legacy member in document layout.
    public static func write(
        _ collection: FeatureCollection, crs: String? = nil, to path: String, options: GeoJSONWriter.Options = .init()
    ) throws {
        try AtomicFileWriter.write(to: path) { sink in
            switch format(forPath: path) {
            case .document:
                let writer = try FeatureCollectionWriter(
                    sink: sink, options: options, bbox: collection.bbox, crs: crs, foreignMembers: collection.foreignMembers)
                for feature in collection.features { try writer.write(feature) }
                try writer.finish()
            case .newlineDelimited, .textSequence:
                let layout: GeoJSONSequenceWriter.Format = format(forPath: path) == .textSequence ? .textSequence : .newlineDelimited
                let writer = GeoJSONSequenceWriter(sink: sink, format: layout, options: options)
                for feature in collection.features { try writer.write(feature) }
                try writer.finish()
            }
        }
    }
}

extension ByteSink {
    /// Appends UTF-8 text (for reports written through `AtomicFileWriter`).
    public func write(text: String) throws {
        var text = text
        text.withUTF8 { append($0) }
        try flushIfFull()
    }
}
