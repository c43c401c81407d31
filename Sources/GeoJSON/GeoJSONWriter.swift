import GeoCore

/// Writes RFC 7946 GeoJSON.
///
/// Output is streamed into a `ByteSink` one feature at a time (see
/// `FeatureCollectionWriter`); `encode` and `writeAtomically` are
/// conveniences on top. Object members come in a fixed order: `type`, `id`,
/// `bbox`, `geometry`, `properties`, then foreign members (those named like a
/// standard member are skipped, so no key is written twice); property members
/// keep their order. Compact output puts each feature of a collection on its
/// own line.
public struct GeoJSONWriter: Sendable {
    /// Which `bbox` members to write.
    public enum BoundingBoxMode: Sendable, Hashable {
        /// None at all.
        case omit
        /// The ones the values carry (`Feature.bbox`, `FeatureCollection.bbox`).
        case preserve
        /// Computed from the geometries (4 numbers, 6 when the geometry has Z);
        /// a collection's bbox is written after its features.
        case compute
    }

    /// Writer settings.
    public struct Options: Sendable, Hashable {
        /// Maximum fraction digits of coordinates (0…15); nil (default) writes
        /// the shortest text that reads back to the same Double.
        public var coordinatePrecision: Int?
        /// Re-orient polygon rings as RFC 7946 §3.1.6 asks: exterior
        /// counter-clockwise, holes clockwise (default on).
        public var rfc7946Orientation: Bool
        /// Indented, multi-line output (positions stay on one line).
        public var pretty: Bool
        public var boundingBoxes: BoundingBoxMode

        public init(
            coordinatePrecision: Int? = nil, rfc7946Orientation: Bool = true, pretty: Bool = false,
            boundingBoxes: BoundingBoxMode = .preserve
        ) {
            self.coordinatePrecision = coordinatePrecision
            self.rfc7946Orientation = rfc7946Orientation
            self.pretty = pretty
            self.boundingBoxes = boundingBoxes
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The collection as UTF-8 bytes.
    public func encode(_ collection: FeatureCollection) throws -> [UInt8] {
        let sink = ByteSink()
        try write(collection, to: sink)
        return sink.buffer
    }

    /// One Feature as UTF-8 bytes.
    public func encode(_ feature: Feature) throws -> [UInt8] {
        let sink = ByteSink()
        try GeoJSONEmitter(sink: sink, options: options).feature(feature)
        return sink.buffer
    }

    /// One bare geometry object as UTF-8 bytes.
    public func encode(_ geometry: Geometry) throws -> [UInt8] {
        let sink = ByteSink()
        try GeoJSONEmitter(sink: sink, options: options).geometry(geometry)
        return sink.buffer
    }

    /// Streams the collection into `sink` feature by feature.
    public func write(_ collection: FeatureCollection, to sink: ByteSink) throws {
        let writer = try FeatureCollectionWriter(
            sink: sink, options: options, bbox: collection.bbox, crs: collection.crs,
            foreignMembers: collection.foreignMembers)
        for feature in collection.features { try writer.write(feature) }
        try writer.finish()
    }

    /// Writes the collection to `path` atomically: into a temporary file in
    /// the same directory, then `rename(2)`. On failure the destination is
    /// untouched and the temporary file removed.
    public func writeAtomically(_ collection: FeatureCollection, to path: String) throws {
        try AtomicFileWriter.write(to: path) { sink in try write(collection, to: sink) }
    }
}

/// Streams one FeatureCollection: the header on creation, one `write` per
/// feature, the closing brackets on `finish`. Only the sink's current block
/// is held in memory.
public final class FeatureCollectionWriter {
    private var emitter: GeoJSONEmitter
    private let mode: GeoJSONWriter.BoundingBoxMode
    private var featureCount = 0
    private var computedBox = ExtentAccumulator()
    private var finished = false

    /// Writes the collection header.
    /// - Parameters:
    ///   - bbox: written when the mode is `.preserve`.
    ///   - crs: a normalised name (`"EPSG:4544"`), written as the legacy `crs` member.
    public init(
        sink: ByteSink, options: GeoJSONWriter.Options = .init(), bbox: [Double]? = nil, crs: String? = nil,
        foreignMembers: JSONObject = JSONObject()
    ) throws {
        emitter = GeoJSONEmitter(sink: sink, options: options)
        mode = options.boundingBoxes
        sink.append(ASCII.openBrace)
        emitter.json.level += 1
        emitter.json.key("type", first: true)
        sink.append("\"FeatureCollection\"")
        if let crs {
            emitter.json.key("crs")
            try emitter.json.value(LegacyCRS.member(forNormalizedName: crs))
        }
        if mode == .preserve, let bbox {
            emitter.json.key("bbox")
            try emitter.numberArray(bbox)
        }
        for member in foreignMembers.members {
            // An unrecognised crs travels as a foreign member; other standard names are written here already.
            let isStandard = GeoJSONEmitter.collectionMemberNames.contains(member.key)
            guard !isStandard || (member.key == "crs" && crs == nil) else { continue }
            emitter.json.key(member.key)
            try emitter.json.value(member.value)
        }
        emitter.json.key("features")
        sink.append(ASCII.openBracket)
    }

    /// Appends one feature.
    public func write(_ feature: Feature) throws {
        let sink = emitter.json.sink
        if featureCount > 0 { sink.append(ASCII.comma) }
        var inner = emitter
        inner.json.level += 1
        // Compact output still puts each feature on its own line.
        if inner.json.isPretty { inner.json.newline() } else { sink.append(ASCII.newline) }
        if mode == .compute, let g = feature.geometry { computedBox.add(g) }
        try inner.feature(feature)
        featureCount += 1
        try sink.flushIfFull()
    }

    /// Closes the collection (writing a computed bbox when asked) and flushes the sink.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        let sink = emitter.json.sink
        if featureCount > 0 {
            if emitter.json.isPretty { emitter.json.newline() } else { sink.append(ASCII.newline) }
        }
        sink.append(ASCII.closeBracket)
        if mode == .compute, let box = computedBox.values {
            emitter.json.key("bbox")
            try emitter.numberArray(box)
        }
        emitter.json.level -= 1
        emitter.json.newline()
        sink.append(ASCII.closeBrace)
        if !emitter.json.isPretty { sink.append(ASCII.newline) }
        try sink.flush()
    }
}
