import GeoCore

/// A fast RFC 7946 GeoJSON reader working directly on UTF-8 bytes.
///
/// Accepts a FeatureCollection, a single Feature or a bare Geometry
/// (`GeoJSONDocument`; `featureCollection` normalises all three). Rules,
/// beyond RFC 7946 / RFC 8259:
/// - A UTF-8 byte order mark at the start is skipped.
/// - Members may come in any order; when `"type"` is not the first member
///   the object is scanned once ahead to find it.
/// - Positions: 2 or 3 numbers keep their ordinates (3 → `hasZ`); extra
///   ordinates (M, …) beyond the third are dropped without error. When one
///   sequence mixes 2-D and 3-D positions the sequence is 3-D and the
///   missing heights are 0. An empty sequence (`[]`) is always 2-D.
/// - Polygon rings need ≥ 4 positions; an unclosed ring is an error unless
///   `Options.strictRings` is false, in which case it is closed by repeating
///   its first position.
/// - Feature `id`: string, or number (integers exact as Int64, others Double).
///   A Feature without a `geometry` member reads as a null geometry.
/// - `properties`: object or null; values of every JSON type become
///   `JSONValue` (integers beyond Int64 become Double).
/// - Foreign members are kept on Features and FeatureCollections (in input
///   order) and dropped on geometry objects. Duplicate keys: last wins, except
///   a second `features` member of a FeatureCollection, which is an error (a
///   streaming read has passed the first array's features on already).
/// - The legacy `crs` member (GeoJSON 2008) of a FeatureCollection is
///   normalised into `FeatureCollection.crs` (see `LegacyCRS`); an
///   unrecognised `crs` stays a foreign member. Nothing is reprojected here.
/// - Numbers are bit-identical to `strtod`; NaN, Infinity and magnitudes
///   that overflow a Double are errors. Nesting deeper than
///   `Options.maxDepth` is an error.
/// - Errors are `GeoJSONError` with file, line, column, byte offset and the
///   0-based feature index.
public struct GeoJSONReader: Sendable {
    /// Reader settings.
    public struct Options: Sendable, Hashable {
        /// Reject unclosed polygon rings (default). When false they are closed.
        public var strictRings: Bool
        /// Maximum array/object nesting depth.
        public var maxDepth: Int

        public init(strictRings: Bool = true, maxDepth: Int = 512) {
            self.strictRings = strictRings
            self.maxDepth = maxDepth
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses one GeoJSON text held in `buffer`.
    /// - Parameter fileName: shown in error messages.
    /// - Throws: `GeoJSONError`.
    public func read(_ buffer: UnsafeRawBufferPointer, fileName: String? = nil) throws -> GeoJSONDocument {
        try withScanner(buffer, fileName: fileName) { scanner in try scanner.parseGeoJSONDocument() }
    }

    /// Parses one GeoJSON text held in `bytes`.
    public func read(_ bytes: [UInt8], fileName: String? = nil) throws -> GeoJSONDocument {
        try bytes.withUnsafeBytes { try read($0, fileName: fileName) }
    }

    /// Parses one GeoJSON text from a string.
    public func read(_ text: String, fileName: String? = nil) throws -> GeoJSONDocument {
        try read(Array(text.utf8), fileName: fileName)
    }

    /// Parses a FeatureCollection text on up to `threads` threads without
    /// holding its features: `transform` turns each batch of up to `batchSize`
    /// consecutive features into a value on the thread that parsed them, and
    /// `consume` receives the values in feature order, on the calling thread,
    /// with the index of each batch's first feature (`announce` is told first
    /// how many features the parallel part holds, e.g. to size the result
    /// once). Features, order and
    /// errors are exactly those of `read` (see `GeoJSONParser+Parallel`).
    /// Returns the collection's other members with no features, or nil when
    /// the text is a single Feature or Geometry. Each thread gets at least
    /// `minimumChunkBytes` of the array (below a few megabytes threads cost
    /// more than they save).
    ///
    /// With `featureErrors`, structural errors inside a feature are not thrown
    /// but handed there after the last batch, in feature order (as
    /// `readFeatureCollection(_:fileName:featureErrors:)` sets them aside; the
    /// feature stays in its batch with a null geometry).
    public func forEachFeatureBatch<Batch>(
        _ bytes: [UInt8], fileName: String? = nil, threads: Int, batchSize: Int = 8_192, minimumChunkBytes: Int = 4 << 20,
        transform: @Sendable ([Feature]) -> Batch, announce: ((Int) -> Void)? = nil, consume: (Int, Batch) throws -> Void,
        featureErrors: ((GeoJSONError) -> Void)? = nil
    ) throws -> FeatureCollection? {
        try withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            return try forEachFeatureBatch(
                bytes, fileName: fileName, threads: threads, batchSize: batchSize, minimumChunkBytes: minimumChunkBytes,
                makeBuilder: { TransformingBatchBuilder(transform: transform) }, announce: announce, consume: consume,
                featureErrors: featureErrors)
        }
    }

    /// `forEachFeatureBatch(_:fileName:threads:batchSize:minimumChunkBytes:transform:…)`
    /// with each batch built by a `FeatureBatchBuilder` from `makeBuilder`
    /// (one per thread), which may take plain Point features straight from
    /// their bytes (`ScannedPointFeature`) and gets every other feature parsed.
    /// Order, indices and errors are those of `read`.
    public func forEachFeatureBatch<Builder: FeatureBatchBuilder>(
        _ bytes: [UInt8], fileName: String? = nil, threads: Int, batchSize: Int = 8_192, minimumChunkBytes: Int = 4 << 20,
        makeBuilder: @Sendable () -> Builder, announce: ((Int) -> Void)? = nil, consume: (Int, Builder.Batch) throws -> Void,
        featureErrors: ((GeoJSONError) -> Void)? = nil
    ) throws -> FeatureCollection? {
        try withoutActuallyEscaping(makeBuilder) { makeBuilder in
            try withoutActuallyEscaping(consume) { consume in
                try bytes.withUnsafeBytes { buffer in
                    try withScanner(buffer, fileName: fileName) { scanner in
                        scanner.skipByteOrderMark()
                        guard try scanner.lookAheadType() == "FeatureCollection" else { return nil }
                        if featureErrors != nil { scanner.featureErrors = [] }
                        let collection = try scanner.parseFeatureCollection {
                            try $0.parseFeaturesInParallel(
                                threads: threads, batchSize: max(1, batchSize), minimumChunkBytes: minimumChunkBytes,
                                makeBuilder: makeBuilder, announce: announce, emit: consume)
                        }
                        try scanner.expectEndOfInput()
                        for error in scanner.featureErrors ?? [] { featureErrors?(error) }
                        return collection
                    }
                }
            }
        }
    }

    /// Reads and parses the file at `path` (the whole file is loaded first).
    public func read(contentsOfFile path: String) throws -> GeoJSONDocument {
        try read(try FileIO.readAll(path: path), fileName: path)
    }

    /// Any input as one collection: a GeoJSON document (normalised as
    /// `GeoJSONDocument.featureCollection` does), newline-delimited GeoJSON
    /// or an RFC 8142 text sequence (detected by `GeoJSONSequence.detectFormat`).
    public func readFeatureCollection(_ bytes: [UInt8], fileName: String? = nil) throws -> FeatureCollection {
        switch GeoJSONSequence.detectFormat(bytes) {
        case .document:
            return try read(bytes, fileName: fileName).featureCollection
        case .newlineDelimited, .textSequence:
            return FeatureCollection(features: try GeoJSONSequence.readFeatures(bytes, fileName: fileName, options: options))
        }
    }

    /// `readFeatureCollection(_:fileName:)` that goes on past a broken feature.
    ///
    /// A structural error inside one feature of a FeatureCollection or one
    /// record of a sequence (an unclosed ring, a position with one number, a
    /// member of the wrong type, …) is appended to `featureErrors`, with the
    /// feature's index, line and column, instead of thrown; the feature stays
    /// in place with a null geometry and, when readable, its `id` and
    /// `properties`, so every later feature keeps its index. Malformed JSON,
    /// and any problem outside a feature, is still thrown.
    public func readFeatureCollection(
        _ bytes: [UInt8], fileName: String? = nil, featureErrors: inout [GeoJSONError]
    ) throws -> FeatureCollection {
        var collected: [GeoJSONError] = []
        defer { featureErrors += collected }
        switch GeoJSONSequence.detectFormat(bytes) {
        case .document:
            return try bytes.withUnsafeBytes { buffer in
                try withScanner(buffer, fileName: fileName) { scanner in
                    scanner.featureErrors = []
                    defer { collected = scanner.featureErrors ?? [] }
                    return try scanner.parseGeoJSONDocument().featureCollection
                }
            }
        case .newlineDelimited, .textSequence:
            var features: [Feature] = []
            try GeoJSONSequence.forEachFeature(
                bytes, fileName: fileName, options: options, featureErrors: &collected) { features.append($0) }
            return FeatureCollection(features: features)
        }
    }

    /// `readFeatureCollection(_:fileName:)` on the whole file at `path`.
    public func readFeatureCollection(contentsOfFile path: String) throws -> FeatureCollection {
        try readFeatureCollection(try FileIO.readAll(path: path), fileName: path)
    }

    /// Runs `body` with a scanner over `buffer`; reports empty input itself.
    func withScanner<R>(_ buffer: UnsafeRawBufferPointer, fileName: String?, _ body: (inout ByteScanner) throws -> R) throws -> R {
        let bytes = buffer.bindMemory(to: UInt8.self)
        guard bytes.count > 0 else {
            throw GeoJSONError.malformedJSON(
                SourceLocation(file: fileName, line: 1, column: 1, byteOffset: 0), message: "unexpected end of input: the input is empty")
        }
        var scanner = ByteScanner(input: bytes, fileName: fileName, maxDepth: options.maxDepth)
        scanner.strictRings = options.strictRings
        return try body(&scanner)
    }
}
