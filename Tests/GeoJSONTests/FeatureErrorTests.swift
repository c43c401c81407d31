import GeoCore
import GeoJSON
import XCTest

/// `readFeatureCollection(_:fileName:featureErrors:)` and `forEachFeatureBatch(…featureErrors:)`:
/// a structural error inside one feature is set aside with its index, line and column, the
/// feature keeps its place (null geometry, its id and properties), and reading goes on.
final class FeatureErrorTests: XCTestCase {
    /// Feature k of a test collection; a few are broken (valid JSON, invalid GeoJSON).
    private func feature(_ k: Int) -> String {
        switch k {
        case 1:  // unclosed ring, the id and properties after the geometry
            return #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]},"id":"r1","properties":{"n":1}}"#
        case 3:  // not a Feature
            return #"{"type":"Point","coordinates":[1,2]}"#
        case 5:  // a position with one number, properties not an object
            return #"{"type":"Feature","id":5,"geometry":{"type":"Point","coordinates":[1]},"properties":[1]}"#
        case 351:
            return #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],"x"]},"properties":{"n":351}}"#
        default:
            return #"{"type":"Feature","id":\#(k),"geometry":{"type":"Point","coordinates":[\#(k),1]},"properties":{"tags":[{"a":1}]}}"#
        }
    }

    private func collection(_ n: Int) -> [UInt8] {
        Array((#"{"type":"FeatureCollection","features":["# + (0..<n).map(feature).joined(separator: ",\n") + "]}").utf8)
    }

    func testBrokenFeaturesAreSetAsideAndReadingGoesOn() throws {
        var errors: [GeoJSONError] = []
        let read = try GeoJSONReader().readFeatureCollection(collection(8), fileName: "f.geojson", featureErrors: &errors)
        XCTAssertEqual(read.features.count, 8)
        XCTAssertEqual(errors.map { $0.location?.featureIndex }, [1, 3, 5])
        // Each feature is on its own line (line k + 1); the ring of feature 1 opens at column 63:
        // `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[` is 18 + 11 + 18 + 14 + 1 = 62 characters.
        XCTAssertEqual(errors.first?.description, "f.geojson:2:63: feature 1: unclosed polygon ring (first and last positions differ)")
        XCTAssertEqual(errors[1].message, "expected a Feature in \"features\", found type \"Point\"")
        XCTAssertEqual(errors[2].message, "position needs 2 or 3 numbers, found 1")
        XCTAssertEqual(read.features[1].id, .string("r1"))
        XCTAssertEqual(read.features[1][property: "n"], .integer(1))
        XCTAssertNil(read.features[1].geometry)
        XCTAssertEqual(read.features[3], Feature(geometry: nil, properties: nil))
        XCTAssertEqual(read.features[5].id, .integer(5), "the id is kept even where the properties are unreadable")
        XCTAssertEqual(read.features[7].id, .integer(7))
        // Without featureErrors the first one is thrown, as before.
        XCTAssertThrowsError(try GeoJSONReader().readFeatureCollection(collection(8), fileName: "f.geojson")) { error in
            XCTAssertEqual(error as? GeoJSONError, errors.first)
        }
    }

    func testSyntaxErrorsAreStillThrown() {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,]},"properties":{}}]}"#
        var errors: [GeoJSONError] = []
        XCTAssertThrowsError(try GeoJSONReader().readFeatureCollection(Array(text.utf8), featureErrors: &errors)) { error in
            guard case .malformedJSON? = error as? GeoJSONError else { return XCTFail("\(error)") }
        }
    }

    /// The batch parser on any number of threads sets aside exactly the sequential reader's errors.
    func testParallelBatchesSetAsideTheSameErrorsAsTheSequentialRead() throws {
        let bytes = collection(400)
        var expected: [GeoJSONError] = []
        let sequential = try GeoJSONReader().readFeatureCollection(bytes, fileName: "p.geojson", featureErrors: &expected)
        XCTAssertEqual(expected.compactMap { $0.location?.featureIndex }, [1, 3, 5, 351])
        for threads in [1, 2, 5] {
            for chunk in [100, 5_000, 1 << 20] {
                var features: [Feature] = [], errors: [GeoJSONError] = []
                _ = try GeoJSONReader().forEachFeatureBatch(
                    bytes, fileName: "p.geojson", threads: threads, batchSize: 16, minimumChunkBytes: chunk,
                    transform: { $0 }, consume: { _, batch in features += batch }, featureErrors: { errors.append($0) })
                XCTAssertEqual(errors, expected, "threads \(threads) chunk \(chunk)")
                XCTAssertEqual(features, sequential.features, "threads \(threads) chunk \(chunk)")
            }
        }
    }

    /// Newline-delimited records are set aside the same way, one record per feature.
    func testNewlineDelimitedRecords() throws {
        let text = (0..<4).map(feature).joined(separator: "\n") + "\n"
        var errors: [GeoJSONError] = []
        let read = try GeoJSONReader().readFeatureCollection(Array(text.utf8), fileName: "s.geojsonl", featureErrors: &errors)
        XCTAssertEqual(read.features.count, 4, "the Point record is a bare geometry, read as a feature")
        XCTAssertEqual(errors.map(\.description), ["s.geojsonl:2:63: feature 1: unclosed polygon ring (first and last positions differ)"])
        XCTAssertEqual(read.features[1].id, .string("r1"))
    }
}
