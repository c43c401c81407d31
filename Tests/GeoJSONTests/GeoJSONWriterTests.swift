import Foundation
import GeoCore
import GeoJSON
import XCTest

final class GeoJSONWriterTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testCompactFeatureLayoutAndMemberOrder() throws {
        let feature = Feature(
            id: .integer(9_007_199_254_740_993), geometry: .point(Position(1.5, -2)),
            properties: ["名称": .string("涪城区"), "a": .integer(-1), "z": .null], bbox: [1.5, -2, 1.5, -2],
            foreignMembers: ["style": .object(["fill": .string("#fff")])])
        XCTAssertEqual(
            text(try GeoJSONWriter().encode(feature)),
            ##"{"type":"Feature","id":9007199254740993,"bbox":[1.5,-2.0,1.5,-2.0],"geometry":{"type":"Point","coordinates":[1.5,-2.0]},"properties":{"名称":"涪城区","a":-1,"z":null},"style":{"fill":"#fff"}}"##)
        XCTAssertEqual(
            text(try GeoJSONWriter(options: .init(boundingBoxes: .omit)).encode(Feature(geometry: nil, properties: nil))),
            #"{"type":"Feature","geometry":null,"properties":null}"#)
    }

    func testForeignMembersNeverDuplicateStandardKeys() throws {
        let feature = Feature(geometry: nil, properties: nil, foreignMembers: ["type": .string("x"), "geometry": .integer(1), "k": .integer(2)])
        XCTAssertEqual(text(try GeoJSONWriter().encode(feature)), #"{"type":"Feature","geometry":null,"properties":null,"k":2}"#)
        // An unrecognised legacy crs is a foreign member and is written back; a recognised one wins.
        let odd: JSONValue = .object(["type": .string("link"), "properties": .object(["href": .string("x")])])
        let kept = FeatureCollection(features: [], foreignMembers: ["crs": odd, "features": .null])
        XCTAssertEqual(try readDocument(text(try GeoJSONWriter().encode(kept))).featureCollection.foreignMembers, ["crs": odd])
        let named = FeatureCollection(features: [], crs: "OGC:CRS84", foreignMembers: ["crs": odd])
        let parsed = try readDocument(text(try GeoJSONWriter().encode(named))).featureCollection
        XCTAssertEqual(parsed.crs, "OGC:CRS84")
        XCTAssertEqual(parsed.foreignMembers, JSONObject())
    }

    func testStringEscaping() throws {
        let feature = Feature(geometry: nil, properties: ["s": .string("q\"b\\n\nt\t\u{0}\u{1F}/é😀")])
        // Hand-written: quote and backslash escaped, LF/TAB short forms, U+0000/U+001F as \u00XX, '/' and non-ASCII raw.
        XCTAssertEqual(
            text(try GeoJSONWriter().encode(feature)),
            #"{"type":"Feature","geometry":null,"properties":{"s":"q\"b\\n\nt\t\u0000\u001f/é😀"}}"#)
    }

    func testCoordinatePrecision() throws {
        let writer = GeoJSONWriter(options: .init(coordinatePrecision: 6))
        let line = Geometry.lineString(CoordinateSequence(xy: [(104.60839812345, 31.4501954999), (-0.0000004, 2.5), (123, 1e-7)]))
        // By hand: 104.60839812345 → 104.608398; 31.4501954999 → 31.450195 (the 7th digit is 4);
        // -0.0000004 → 0 (no "-0.0"); 1e-7 → 0.
        XCTAssertEqual(
            text(try writer.encode(line)),
            #"{"type":"LineString","coordinates":[[104.608398,31.450195],[0.0,2.5],[123.0,0.0]]}"#)
        let two = GeoJSONWriter(options: .init(coordinatePrecision: 2))
        XCTAssertEqual(text(try two.encode(Geometry.point(Position(1.005001, -7.126)))), #"{"type":"Point","coordinates":[1.01,-7.13]}"#)
    }

    func testRFC7946OrientationOnAHandMadeClockwiseSquare() throws {
        // Exterior clockwise (signed area −16), hole counter-clockwise (+1): both wrong for RFC 7946.
        let exterior = CoordinateSequence(xy: [(0, 0), (0, 4), (4, 4), (4, 0), (0, 0)])
        let hole = CoordinateSequence(xy: [(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)])
        let polygon = Geometry.polygon(Polygon(exterior: exterior, holes: [hole]))
        XCTAssertEqual(
            text(try GeoJSONWriter().encode(polygon)),
            #"{"type":"Polygon","coordinates":[[[0.0,0.0],[4.0,0.0],[4.0,4.0],[0.0,4.0],[0.0,0.0]],[[1.0,1.0],[1.0,2.0],[2.0,2.0],[2.0,1.0],[1.0,1.0]]]}"#)
        XCTAssertEqual(
            text(try GeoJSONWriter(options: .init(rfc7946Orientation: false)).encode(polygon)),
            #"{"type":"Polygon","coordinates":[[[0.0,0.0],[0.0,4.0],[4.0,4.0],[4.0,0.0],[0.0,0.0]],[[1.0,1.0],[2.0,1.0],[2.0,2.0],[1.0,2.0],[1.0,1.0]]]}"#)
        // Already-correct rings stay as they are.
        let ccw = Geometry.multiPolygon([Polygon(exterior: exterior.reversed())])
        XCTAssertEqual(try readDocument(text(try GeoJSONWriter().encode(ccw))), .geometry(ccw))
    }

    func testComputedBoundingBoxes() throws {
        let features = [
            Feature(geometry: .lineString(CoordinateSequence(storage: [1, 2, 3, -1, 5, 0], hasZ: true))),
            Feature(geometry: .point(Position(10, -3))),
            Feature(geometry: nil),
        ]
        let writer = GeoJSONWriter(options: .init(boundingBoxes: .compute))
        let collection = try readDocument(text(try writer.encode(FeatureCollection(features: features)))).featureCollection
        // By hand: x ∈ [−1, 1], y ∈ [2, 5], z ∈ [0, 3]; the point's box is itself; null geometry has none.
        XCTAssertEqual(collection.features.map(\.bbox), [[-1, 2, 0, 1, 5, 3], [10, -3, 10, -3], nil])
        // Collection: x ∈ [−1, 10], y ∈ [−3, 5], z ∈ [0, 3].
        XCTAssertEqual(collection.bbox, [-1, -3, 0, 10, 5, 3])
    }

    func testPrettyOutputReadsBack() throws {
        let collection = FeatureCollection(
            features: [Feature(id: .string("a"), geometry: .multiPolygon([Polygon(exterior: CoordinateSequence(xy: [(0, 0), (1, 0), (1, 1), (0, 0)]))]),
                               properties: ["list": .array([.integer(1), .object(["k": .bool(false)])])])],
            crs: "EPSG:4544", foreignMembers: ["name": .string("x")])
        let output = text(try GeoJSONWriter(options: .init(pretty: true)).encode(collection))
        XCTAssertTrue(output.hasPrefix("{\n  \"type\": \"FeatureCollection\",\n  \"crs\": {\n    \"type\": \"name\""), output)
        XCTAssertTrue(output.contains("\"coordinates\": [\n"), output)
        XCTAssertEqual(try readDocument(output).featureCollection, collection)
    }

    func testNonFiniteCoordinatesCannotBeWritten() {
        XCTAssertThrowsError(try GeoJSONWriter().encode(Geometry.point(Position(.infinity, 0)))) { error in
            guard case GeoJSONError.unwritableValue = error else { return XCTFail("\(error)") }
        }
    }

    func testAtomicWriteLeavesDestinationUntouchedOnError() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.geojson").path
        let good = FeatureCollection(features: [Feature(geometry: .point(Position(1, 2)))])
        try GeoJSONWriter().writeAtomically(good, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let bad = FeatureCollection(features: [Feature(geometry: .point(Position(.nan, 2)))])
        XCTAssertThrowsError(try GeoJSONWriter().writeAtomically(bad, to: path))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.geojson"])
        XCTAssertEqual(try GeoJSONReader().readFeatureCollection(contentsOfFile: path), good)
        // A missing directory is an I/O error naming the path.
        XCTAssertThrowsError(try GeoJSONWriter().writeAtomically(good, to: dir.path + "/missing/x.geojson")) { error in
            guard case GeoJSONError.io(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(p.hasSuffix("missing/x.geojson"))
        }
    }

    func testStreamingWriterToAFileDescriptor() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("stream.geojson").path
        let count = 5000
        try AtomicFileWriter.write(to: path) { sink in
            let writer = try FeatureCollectionWriter(sink: sink)
            for i in 0..<count {
                try writer.write(Feature(id: .integer(Int64(i)), geometry: .point(Position(Double(i), 0.5)), properties: ["n": .string(String(repeating: "x", count: 300))]))
            }
            try writer.finish()
        }
        let collection = try GeoJSONReader().readFeatureCollection(contentsOfFile: path)
        XCTAssertEqual(collection.features.count, count)
        XCTAssertEqual(collection.features.last?.id, .integer(Int64(count - 1)))
    }
}
