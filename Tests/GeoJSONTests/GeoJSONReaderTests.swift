import Foundation
import GeoCore
import GeoJSON
import XCTest

final class GeoJSONReaderTests: XCTestCase {
    func testReadsEveryGeometryTypeInACollection() throws {
        let text = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}},
             {"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]},"properties":{}},
             {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{}},
             {"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[]]},"properties":{}},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]},"properties":{}},
             {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]},"properties":{}},
             {"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[5,6]},
               {"type":"GeometryCollection","geometries":[]}]},"properties":{}},
             {"type":"Feature","geometry":null,"properties":null}
            ]}
            """
        let features = try readDocument(text).featureCollection.features
        let square = CoordinateSequence(xy: [(0, 0), (4, 0), (4, 4), (0, 0)])
        let hole = CoordinateSequence(xy: [(1, 1), (2, 1), (2, 2), (1, 1)])
        let expected: [Geometry?] = [
            .point(Position(1, 2)),
            .multiPoint(CoordinateSequence(xy: [(1, 2), (3, 4)])),
            .lineString(CoordinateSequence(xy: [(1, 2), (3, 4)])),
            .multiLineString([CoordinateSequence(xy: [(1, 2), (3, 4)]), CoordinateSequence(xy: [])]),
            .polygon(Polygon(exterior: square, holes: [hole])),
            .multiPolygon([Polygon(exterior: CoordinateSequence(xy: [(0, 0), (1, 0), (1, 1), (0, 0)])), Polygon(rings: [])]),
            .geometryCollection([.point(Position(5, 6)), .geometryCollection([])]),
            nil,
        ]
        XCTAssertEqual(features.map(\.geometry), expected)
        XCTAssertEqual(features[0].properties, JSONObject())
        XCTAssertNil(features[7].properties)
    }

    func testSingleFeatureAndBareGeometryDocuments() throws {
        let feature = try readDocument(#"{"properties":{"a":1},"geometry":{"coordinates":[1,2],"type":"Point"},"type":"Feature"}"#)
        // "type" last: found by look-ahead.
        guard case .feature(let f) = feature else { return XCTFail("\(feature)") }
        XCTAssertEqual(f.geometry, .point(Position(1, 2)))
        XCTAssertEqual(f.properties, ["a": .integer(1)])
        let geometry = try readDocument(#"{"type":"LineString","coordinates":[[1,2],[3,4]],"bbox":[1,2,3,4],"extra":[1]}"#)
        XCTAssertEqual(geometry, .geometry(.lineString(CoordinateSequence(xy: [(1, 2), (3, 4)]))))
        XCTAssertEqual(geometry.featureCollection.features, [Feature(geometry: .lineString(CoordinateSequence(xy: [(1, 2), (3, 4)])))])
    }

    func testZIsKeptMixedDimensionsPadAndExtraOrdinatesDrop() throws {
        let doc = try readDocument(#"{"type":"LineString","coordinates":[[1,2],[3,4,5],[6,7],[8,9,10,11]]}"#)
        // Documented rule: one 3-D position makes the sequence 3-D, missing z = 0, the 4th ordinate (M) is dropped.
        XCTAssertEqual(doc, .geometry(.lineString(CoordinateSequence(storage: [1, 2, 0, 3, 4, 5, 6, 7, 0, 8, 9, 10], hasZ: true))))
        XCTAssertEqual(try readDocument(#"{"type":"Point","coordinates":[1,2,3]}"#), .geometry(.point(Position(1, 2, 3))))
    }

    func testIdsPropertiesBBoxAndForeignMembers() throws {
        let text = """
            {"type":"FeatureCollection","name":"parcels","bbox":[0,0,1,1],"features":[
              {"type":"Feature","id":"P-1","bbox":[0,0,1,1],"geometry":null,"properties":{"s":"x","i":-9223372036854775808,
               "d":1.5,"b":true,"n":null,"a":[1,[2]],"o":{"k":"v"},"big":18446744073709551616},"style":{"fill":"#f00"}},
              {"type":"Feature","id":42,"geometry":null,"properties":{}},
              {"type":"Feature","id":4.5,"geometry":null,"properties":{}}
            ]}
            """
        let collection = try readDocument(text).featureCollection
        XCTAssertEqual(collection.bbox, [0, 0, 1, 1])
        XCTAssertEqual(collection.foreignMembers, ["name": .string("parcels")])
        XCTAssertEqual(collection.features.map(\.id), [.string("P-1"), .integer(42), .double(4.5)])
        let first = collection.features[0]
        XCTAssertEqual(first.bbox, [0, 0, 1, 1])
        XCTAssertEqual(first.foreignMembers, ["style": .object(["fill": .string("#f00")])])
        XCTAssertEqual(first.properties?.keys, ["s", "i", "d", "b", "n", "a", "o", "big"])
        XCTAssertEqual(first[property: "i"], .integer(Int64.min))
        XCTAssertEqual(first[property: "a"], .array([.integer(1), .array([.integer(2)])]))
        XCTAssertEqual(first[property: "big"], .double(18_446_744_073_709_551_616.0))  // 2^64: beyond Int64 → Double
    }

    func testLegacyCRSVariantsAreNormalised() throws {
        let variants: [(String, String?)] = [
            ("urn:ogc:def:crs:EPSG::4544", "EPSG:4544"),
            ("EPSG:4544", "EPSG:4544"),
            ("urn:ogc:def:crs:EPSG:8.5:4326", "EPSG:4326"),
            ("http://www.opengis.net/def/crs/EPSG/0/4544", "EPSG:4544"),
            ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84"),
            ("urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84"),
            ("EPSG:abc", nil),
            ("something else", nil),
        ]
        for (name, expected) in variants {
            let text = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"\#(name)"}},"features":[]}"#
            let collection = try readDocument(text).featureCollection
            XCTAssertEqual(collection.crs, expected, name)
            // An unrecognised crs is kept as a foreign member, a recognised one is not.
            XCTAssertEqual(collection.foreignMembers["crs"] != nil, expected == nil, name)
        }
    }

    func testByteOrderMarkIsAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"type":"Point","coordinates":[1,2]}"#.utf8)
        XCTAssertEqual(try GeoJSONReader().read(bytes), .geometry(.point(Position(1, 2))))
    }

    func testDuplicateMembersLastWins() throws {
        let doc = try readDocument(#"{"type":"Feature","id":1,"id":"two","geometry":null,"properties":{"a":1,"a":2}}"#)
        guard case .feature(let f) = doc else { return XCTFail() }
        XCTAssertEqual(f.id, .string("two"))
        XCTAssertEqual(f.properties, ["a": .integer(2)])
    }

    func testUnclosedRingIsClosedInLenientMode() throws {
        let doc = try readDocument(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}"#, strictRings: false)
        XCTAssertEqual(doc, .geometry(.polygon(Polygon(exterior: CoordinateSequence(xy: [(0, 0), (1, 0), (1, 1), (0, 0)])))))
    }

    func testFeatureWithoutGeometryMemberReadsAsNull() throws {
        let doc = try readDocument(#"{"type":"Feature","properties":{}}"#)
        XCTAssertEqual(doc, .feature(Feature(geometry: nil)))
    }
}

/// A hand-made fixture as a survey office would export it: BOM, pretty
/// layout, legacy crs (CGCS2000 3-degree Gauss-Krüger zone 35, EPSG:4544),
/// a clockwise exterior ring in metres, escaped Chinese text.
final class FixtureFileTests: XCTestCase {
    func testGaussKrugerFixture() throws {
        let collection = try GeoJSONReader().readFeatureCollection(contentsOfFile: TestPaths.fixture("cgcs2000_gk_parcels.geojson"))
        XCTAssertEqual(collection.crs, "EPSG:4544")
        XCTAssertEqual(collection.foreignMembers, ["name": .string("parcels")])
        XCTAssertEqual(collection.features.map(\.id), [.string("MY-P-0001"), .integer(2)])
        XCTAssertEqual(collection.features[0][property: "code"], .string("0701"))  // codes stay strings
        XCTAssertEqual(collection.features[1][property: "name"], .string("科技城二号地块"))  // \u escapes decoded
        XCTAssertEqual(collection.features[1][property: "area_m2"], .null)
        XCTAssertNil(collection.features[1].geometry)
        // The ring as written is clockwise: 120 m × 100 m, signed double area −2 × 12 000 m².
        let ring = try XCTUnwrap(collection.features[0].geometry?.polygons.first?.exterior)
        XCTAssertEqual(ring.signedDoubleArea, -24_000)
        // Written back with the crs member in URN form and the ring counter-clockwise.
        let text = String(decoding: try GeoJSONWriter().encode(collection), as: UTF8.self)
        XCTAssertTrue(text.contains(#""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}}"#))
        let again = try GeoJSONReader().read(Array(text.utf8)).featureCollection
        XCTAssertEqual(again.features[0].geometry?.polygons.first?.exterior?.signedDoubleArea, 24_000)
        XCTAssertEqual(again.crs, "EPSG:4544")
    }
}

/// `GeoJSONReader.forEachFeatureBatch` on one thread: the features `read` returns, in order, one batch
/// at a time, with the collection's other members.
final class GeoJSONStreamingTests: XCTestCase {
    func testStreamsTheFeaturesReadWouldReturnAndKeepsTheOtherMembers() throws {
        let text = """
            {"type":"FeatureCollection","name":"x","features":[
             {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"a":1}},
             {"properties":{"b":[true,null]},"geometry":null,"type":"Feature"},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]]]},"properties":{}}
            ],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}}}
            """
        let bytes = Array(text.utf8)
        var streamed: [(Int, [Feature])] = []
        let header = try XCTUnwrap(try GeoJSONReader().forEachFeatureBatch(
            bytes, fileName: "s.geojson", threads: 1, batchSize: 2, transform: { $0 }, consume: { streamed.append(($0, $1)) }))
        let whole = try GeoJSONReader().read(bytes).featureCollection
        XCTAssertEqual(streamed.map(\.0), [0, 2])
        XCTAssertEqual(streamed.flatMap(\.1), whole.features)
        XCTAssertEqual(header.features, [])
        XCTAssertEqual(header.crs, "EPSG:4544")
        XCTAssertEqual(header.foreignMembers["name"], .string("x"))
    }

    func testNotACollectionIsNilAndErrorsNameTheFeature() throws {
        var count = 0
        XCTAssertNil(try GeoJSONReader().forEachFeatureBatch(
            Array(#"{"type":"Feature","geometry":null,"properties":null}"#.utf8), threads: 1, transform: { $0.count }, consume: { _, n in count += n }))
        XCTAssertEqual(count, 0)
        let bad = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}},{"type":"Feature","geometry":{"type":"Point","coordinates":[1,]},"properties":{}}]}"#
        XCTAssertThrowsError(try GeoJSONReader().forEachFeatureBatch(
            Array(bad.utf8), fileName: "bad.geojson", threads: 1, batchSize: 1, transform: { $0.count }, consume: { _, n in count += n })) { error in
            XCTAssertTrue(String(describing: error).contains("bad.geojson:1:"), "\(error)")
            XCTAssertTrue(String(describing: error).contains("feature 1"), "\(error)")
        }
        XCTAssertEqual(count, 1, "the first feature was handed over before the second failed")
    }
}

/// `GeoJSONReader.forEachFeatureBatch`: on any number of threads, the same features, order and errors
/// as the sequential `read`, including texts where the guessed chunk starts are wrong.
final class GeoJSONParallelBatchTests: XCTestCase {
    /// Feature k, sometimes with traps for the chunk guesser: arrays of objects (`,{"` inside a
    /// feature), a string ending in `,{`, members out of order.
    private func feature(_ k: Int) -> String {
        switch k % 5 {
        case 0: return #"{"type":"Feature","id":\#(k),"geometry":{"type":"Point","coordinates":[\#(k),1]},"properties":{"tags":[{"a":1},{"b":[{"c":2}]}]}}"#
        case 1: return #"{"properties":{"s":"x,{","t":"},{\"u\":1"},"geometry":null,"type":"Feature","id":"f\#(k)"}"#
        case 2: return #"{ "type" : "Feature" , "geometry" : { "type" : "LineString", "coordinates" : [[0,0],[\#(k),2]] }, "properties" : { } }"#
        default: return #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[\#(k),0],[\#(k),1],[0,0]]]},"properties":{"n":\#(k)}}"#
        }
    }

    private func text(_ n: Int, separator: String = ",\n") -> [UInt8] {
        Array((#"{"type":"FeatureCollection","features":["# + (0..<n).map(feature).joined(separator: separator) + #"],"name":"t"}"#).utf8)
    }

    private func batches(_ bytes: [UInt8], threads: Int, batchSize: Int, chunk: Int) throws -> (features: [Feature], firsts: [Int]) {
        var features: [Feature] = [], firsts: [Int] = []
        let header = try GeoJSONReader().forEachFeatureBatch(
            bytes, threads: threads, batchSize: batchSize, minimumChunkBytes: chunk,
            transform: { $0 }, consume: { first, batch in
                firsts.append(first)
                XCTAssertEqual(first, features.count)
                features += batch
            })
        XCTAssertEqual(header?.foreignMembers["name"], .string("t"))
        return (features, firsts)
    }

    func testSameFeaturesAsSequentialReadForAnyThreadsAndChunks() throws {
        for separator in [",\n", ",", " , "] {
            let bytes = text(997, separator: separator)
            let expected = try GeoJSONReader().read(bytes).featureCollection.features
            for threads in [1, 2, 3, 7] {
                for chunk in [1, 500, 20_000, 1 << 20] {
                    for batchSize in [1, 64, 5_000] {
                        let got = try batches(bytes, threads: threads, batchSize: batchSize, chunk: chunk)
                        XCTAssertEqual(got.features, expected, "threads \(threads) chunk \(chunk) batch \(batchSize)")
                    }
                }
            }
        }
        // The parallel path really runs: some batches are parsed and transformed off the calling thread
        // (each batch made slow, so that the dispatch workers join before the caller takes every chunk).
        let caller = pthread_self()
        var offThread = 0
        _ = try GeoJSONReader().forEachFeatureBatch(
            text(4_000), threads: 4, batchSize: 64, minimumChunkBytes: 50_000,
            transform: { _ in
                usleep(2_000)
                return pthread_equal(pthread_self(), caller) != 0
            }, consume: { _, onCaller in offThread += onCaller ? 0 : 1 })
        XCTAssertGreaterThan(offThread, 0)
        let empty = Array(#"{"type":"FeatureCollection","features":[ ],"name":"t"}"#.utf8)
        XCTAssertEqual(try batches(empty, threads: 4, batchSize: 3, chunk: 1).features, [])
    }

    func testAnErrorInALaterChunkHasTheSequentialMessageAndFeatureIndex() throws {
        var features = (0..<400).map(feature)
        features[351] = #"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,]},"properties":{}}"#
        let bytes = Array((#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}").utf8)
        var sequential = ""
        XCTAssertThrowsError(try GeoJSONReader().read(bytes, fileName: "e.geojson")) { sequential = String(describing: $0) }
        XCTAssertTrue(sequential.contains("feature 351"), sequential)
        for threads in [2, 5] {
            XCTAssertThrowsError(try GeoJSONReader().forEachFeatureBatch(
                bytes, fileName: "e.geojson", threads: threads, batchSize: 16, minimumChunkBytes: 100,
                transform: { $0.count }, consume: { _, _ in })) { error in
                XCTAssertEqual(String(describing: error), sequential)
            }
        }
    }
}
