import GeoCore
import GeoJSON
import XCTest

/// Seeded random features of every kind: write → read must give the same
/// values, and every Double must come back with the same bits.
final class RoundTripPropertyTests: XCTestCase {
    /// Generates random features; the mix of special values is deliberate.
    struct FeatureGenerator {
        var rng: SeededRandom
        static let specialDoubles: [Double] = [
            0.1, 1e-300, Double.leastNonzeroMagnitude, -0.0, 0.0, 1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308,
            104.608398, 31.450195, 1e22, 1e23, 123_456_789.123_456_78, -180, 90, 9_007_199_254_740_994,
        ]
        static let strings = [
            "", "plain", "涪城区", "北川羌族自治县", "quote\"back\\slash", "tab\tnew\nline\r", "\u{1}\u{1F}\u{7F}", "emoji 😀 𝄞",
            "/slash", "\u{2028}\u{2029}", "é (precomposed) vs e\u{301}",
        ]

        mutating func double() -> Double {
            switch rng.int(0...3) {
            case 0: return rng.pick(Self.specialDoubles)
            case 1:
                while true {
                    let d = Double(bitPattern: rng.next())
                    if d.isFinite { return d }
                }
            case 2: return Double.random(in: -180...180, using: &rng)
            default: return (Double.random(in: -1e6...1e6, using: &rng) * 1e7).rounded() / 1e7
            }
        }

        /// An empty sequence is always 2-D: `[]` carries no dimension, so an
        /// empty 3-D sequence cannot survive any GeoJSON round trip.
        mutating func sequence(count: Int, hasZ: Bool) -> CoordinateSequence {
            let hasZ = hasZ && count > 0
            return CoordinateSequence(storage: (0..<(count * (hasZ ? 3 : 2))).map { _ in double() }, hasZ: hasZ)
        }

        mutating func ring(hasZ: Bool) -> CoordinateSequence {
            var s = sequence(count: rng.int(3...8), hasZ: hasZ)
            s.storage.append(contentsOf: s.storage[0..<s.dimension])
            return s
        }

        mutating func polygon(hasZ: Bool) -> Polygon {
            Polygon(rings: (0..<rng.int(0...3)).map { _ in ring(hasZ: hasZ) })
        }

        mutating func geometry(depth: Int = 0) -> Geometry {
            let hasZ = rng.chance(0.3)
            switch rng.int(0...(depth < 2 ? 6 : 5)) {
            case 0: return .point(Position(double(), double(), hasZ ? double() : nil))
            case 1: return .multiPoint(sequence(count: rng.int(0...5), hasZ: hasZ))
            case 2: return .lineString(sequence(count: rng.int(0...6), hasZ: hasZ))
            case 3: return .multiLineString((0..<rng.int(0...3)).map { _ in sequence(count: rng.int(0...4), hasZ: hasZ) })
            case 4: return .polygon(polygon(hasZ: hasZ))
            case 5: return .multiPolygon((0..<rng.int(0...3)).map { _ in polygon(hasZ: hasZ) })
            default: return .geometryCollection((0..<rng.int(0...3)).map { _ in geometry(depth: depth + 1) })
            }
        }

        mutating func value(depth: Int = 0) -> JSONValue {
            switch rng.int(0...(depth < 3 ? 8 : 6)) {
            case 0: return .null
            case 1: return .bool(rng.chance(0.5))
            case 2: return .integer(rng.pick([Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 0, -1, 9_007_199_254_740_993]))
            case 3: return .integer(Int64(bitPattern: rng.next()))
            case 4: return .double(double())
            case 5, 6: return .string(rng.pick(Self.strings))
            case 7: return .array((0..<rng.int(0...4)).map { _ in value(depth: depth + 1) })
            default: return .object(object(depth: depth + 1))
            }
        }

        mutating func object(depth: Int = 0, reserved: Set<String> = []) -> JSONObject {
            var o = JSONObject()
            for i in 0..<rng.int(0...6) {
                let key = rng.chance(0.5) ? "k\(i)" : rng.pick(Self.strings) + "\(i)"
                if reserved.contains(key) || o[key] != nil { continue }
                o.append(key: key, value: value(depth: depth))
            }
            return o
        }

        mutating func feature() -> Feature {
            let id: FeatureID?
            switch rng.int(0...3) {
            case 0: id = nil
            case 1: id = .string(rng.pick(Self.strings))
            case 2: id = .integer(Int64(bitPattern: rng.next()))
            default: id = .double(double())
            }
            let bbox: [Double]? = rng.chance(0.3) ? (0..<(rng.chance(0.5) ? 4 : 6)).map { _ in double() } : nil
            return Feature(
                id: id, geometry: rng.chance(0.15) ? nil : geometry(), properties: rng.chance(0.1) ? nil : object(),
                bbox: bbox, foreignMembers: object(reserved: ["type", "id", "geometry", "properties", "bbox"]))
        }
    }

    /// Orientation is switched off: it would legitimately reorder random rings.
    private let writer = GeoJSONWriter(options: .init(rfc7946Orientation: false))

    private func assertRoundTrip(_ original: Feature, _ parsed: Feature, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(parsed, original, context, file: file, line: line)
        XCTAssertEqual(doubleBits(of: parsed), doubleBits(of: original), "double bits: \(context)", file: file, line: line)
    }

    func testRandomFeaturesRoundTripCompact() throws {
        var generator = FeatureGenerator(rng: SeededRandom(seed: 7946))
        for i in 0..<400 {
            let feature = generator.feature()
            let bytes = try writer.encode(feature)
            guard case .feature(let parsed) = try GeoJSONReader().read(bytes) else { return XCTFail("case \(i)") }
            assertRoundTrip(feature, parsed, "case \(i): \(String(decoding: bytes, as: UTF8.self))")
        }
    }

    func testRandomCollectionsRoundTripPretty() throws {
        var generator = FeatureGenerator(rng: SeededRandom(seed: 8142))
        let pretty = GeoJSONWriter(options: .init(rfc7946Orientation: false, pretty: true))
        for i in 0..<40 {
            let collection = FeatureCollection(
                features: (0..<generator.rng.int(0...10)).map { _ in generator.feature() },
                bbox: [1, 2, 3, 4], crs: generator.rng.chance(0.5) ? "EPSG:4544" : nil,
                foreignMembers: generator.object(reserved: ["type", "features", "bbox", "crs"]))
            let parsed = try GeoJSONReader().read(try pretty.encode(collection)).featureCollection
            XCTAssertEqual(parsed.bbox, collection.bbox)
            XCTAssertEqual(parsed.crs, collection.crs)
            XCTAssertEqual(parsed.foreignMembers, collection.foreignMembers, "case \(i)")
            XCTAssertEqual(parsed.features.count, collection.features.count)
            for (a, b) in zip(collection.features, parsed.features) { assertRoundTrip(a, b, "collection \(i)") }
        }
    }

    func testJSONValuesRoundTripThroughJSONText() throws {
        var generator = FeatureGenerator(rng: SeededRandom(seed: 8259))
        for i in 0..<300 {
            let value = generator.value()
            let parsed = try JSONText.parse(try JSONText.serialize(value, pretty: i % 2 == 0))
            XCTAssertEqual(parsed, value, "case \(i)")
            XCTAssertTrue(parsed.semanticallyEquals(value))
        }
    }
}
