#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoCore

/// A property value as scanned from the bytes, with no `JSONValue` built.
public enum ScannedPropertyValue {
    case null
    case bool(Bool)
    /// An integer literal that fits in Int64 (as `JSONValue.integer`).
    case integer(Int64)
    /// Any other number (as `JSONValue.double`, bit for bit).
    case double(Double)
    /// A string without escapes: its UTF-8 bytes (validated), valid during the call.
    case string(UnsafeBufferPointer<UInt8>)
    /// A string with escapes, an array or an object (validated, not decoded).
    case other
}

/// One member of a scanned feature's `properties`.
public struct ScannedPropertyMember {
    /// The key's UTF-8 bytes (a key with escapes makes the feature not scanned).
    public var key: UnsafeBufferPointer<UInt8>
    public var value: ScannedPropertyValue
    /// The member as written, `"key":value`, valid during the call.
    public var text: UnsafeBufferPointer<UInt8>

    /// Whether the key is `literal`.
    @inline(__always)
    public func keyIs(_ literal: StaticString) -> Bool {
        literal.utf8CodeUnitCount == key.count && memcmp(key.baseAddress!, literal.utf8Start, key.count) == 0
    }
}

/// A Feature of the plainest shape, scanned straight from the bytes: members
/// `type` (`"Feature"`), optionally `id` (a string or number), `geometry` (a
/// Point with only `type` and `coordinates`) and `properties` (an object),
/// each once and nothing else; keys without escapes. Anything else is left to
/// the general parser, so what a scan accepts reads exactly as `Feature` would.
public struct ScannedPointFeature {
    /// Longitude/easting, latitude/northing and the optional height, as
    /// `Position` would hold them.
    public var x = 0.0, y = 0.0
    public var z: Double?
    /// The `properties` members in input order.
    public var members: [ScannedPropertyMember] = []

    public init() { members.reserveCapacity(16) }
}

/// Builds one batch of decoded features during a streamed parse
/// (`GeoJSONReader.forEachFeatureBatch(_:fileName:threads:makeBuilder:…)`).
/// Each feature goes either to `take` (scanned from bytes, when
/// `scansPointFeatures`) or, when that declines, to `add` after the general
/// parser read it; `index` counts from 0 in the batch.
public protocol FeatureBatchBuilder {
    associatedtype Batch
    /// Whether features are first offered to `take`.
    static var scansPointFeatures: Bool { get }
    /// Takes a scanned feature; false leaves it to the general parser and `add`.
    mutating func take(_ feature: ScannedPointFeature, index: Int) -> Bool
    mutating func add(_ feature: Feature, index: Int)
    /// The batch built so far; the builder then starts again empty.
    mutating func finish() -> Batch
}

/// The plain batch of `forEachFeatureBatch(_:…transform:…)`: features gathered and transformed.
struct TransformingBatchBuilder<Batch>: FeatureBatchBuilder {
    static var scansPointFeatures: Bool { false }
    let transform: ([Feature]) -> Batch
    var features: [Feature] = []
    func take(_ feature: ScannedPointFeature, index: Int) -> Bool { false }
    mutating func add(_ feature: Feature, index: Int) { features.append(feature) }
    mutating func finish() -> Batch {
        defer { features.removeAll(keepingCapacity: true) }
        return transform(features)
    }
}

extension ByteScanner {
    /// Scans the element at the cursor as a `ScannedPointFeature` into
    /// `feature`. On false (any other shape, or any error) the cursor and
    /// depth are back where they were, for the general parser to read the
    /// element and report what is wrong.
    mutating func scanPointFeature(into feature: inout ScannedPointFeature) -> Bool {
        skipWhitespace()
        let start = index, startDepth = depth
        feature.members.removeAll(keepingCapacity: true)
        feature.z = nil
        do {
            if try scanPointFeatureMembers(into: &feature) { return true }
        } catch {}
        index = start
        depth = startDepth
        return false
    }

    private mutating func scanPointFeatureMembers(into feature: inout ScannedPointFeature) throws -> Bool {
        var seen: UInt8 = 0  // type, id, geometry, properties
        var plain = true
        try forEachMember { s, key in
            guard plain, !key.isEscaped else { plain = false; throw ScanDeclined() }
            if s.equals(key, "type") {
                guard seen & 1 == 0, s.peekToken() == ASCII.quote else { throw ScanDeclined() }
                let t = try s.scanString()
                guard s.equals(t, "Feature") else { throw ScanDeclined() }
                seen |= 1
            } else if s.equals(key, "id") {
                guard seen & 2 == 0 else { throw ScanDeclined() }
                let b = s.peekToken()
                if b == ASCII.quote {
                    _ = try s.scanString()
                } else if b == ASCII.minus || (b &- ASCII.zero) < 10 {
                    _ = try s.parseNumberValue()
                } else {
                    throw ScanDeclined()
                }
                seen |= 2
            } else if s.equals(key, "geometry") {
                guard seen & 4 == 0 else { throw ScanDeclined() }
                try s.scanPointGeometry(into: &feature)
                seen |= 4
            } else if s.equals(key, "properties") {
                guard seen & 8 == 0, s.peekToken() == ASCII.openBrace else { throw ScanDeclined() }
                try s.scanPropertyMembers(into: &feature)
                seen |= 8
            } else {
                throw ScanDeclined()
            }
        }
        return seen & 0b1101 == 0b1101
    }

    /// `{"type":"Point","coordinates":[x,y(,z)]}`, members in either order, nothing else.
    private mutating func scanPointGeometry(into feature: inout ScannedPointFeature) throws {
        guard peekToken() == ASCII.openBrace else { throw ScanDeclined() }
        var seen: UInt8 = 0
        try forEachMember { s, key in
            guard !key.isEscaped else { throw ScanDeclined() }
            if s.equals(key, "type") {
                guard seen & 1 == 0, s.peekToken() == ASCII.quote else { throw ScanDeclined() }
                let t = try s.scanString()
                guard s.equals(t, "Point") else { throw ScanDeclined() }
                seen |= 1
            } else if s.equals(key, "coordinates") {
                guard seen & 2 == 0 else { throw ScanDeclined() }
                let p = try s.scanPosition()
                feature.x = p.x
                feature.y = p.y
                feature.z = p.hasZ ? p.z : nil
                seen |= 2
            } else {
                throw ScanDeclined()
            }
        }
        guard seen == 3 else { throw ScanDeclined() }
    }

    private mutating func scanPropertyMembers(into feature: inout ScannedPointFeature) throws {
        let base = bytes
        try forEachMember { s, key in
            guard !key.isEscaped else { throw ScanDeclined() }
            let memberStart = key.start - 1  // the key's opening quote
            let value: ScannedPropertyValue
            switch s.peekToken() {
            case ASCII.quote:
                let text = try s.scanString()
                if text.isEscaped {
                    value = .other
                } else {
                    value = .string(UnsafeBufferPointer(start: base + text.start, count: text.count))
                }
            case UInt8(ascii: "t"): try s.expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"): try s.expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"): try s.expectLiteral("null"); value = .null
            case ASCII.minus, ASCII.zero...ASCII.nine:
                switch try s.parseNumberValue() {
                case .integer(let i): value = .integer(i)
                case .double(let d): value = .double(d)
                }
            default:
                try s.skipValue()
                value = .other
            }
            feature.members.append(ScannedPropertyMember(
                key: UnsafeBufferPointer(start: base + key.start, count: key.count), value: value,
                text: UnsafeBufferPointer(start: base + memberStart, count: s.index - memberStart)))
        }
    }
}

/// Thrown inside a scan to give the feature to the general parser.
private struct ScanDeclined: Error {}
