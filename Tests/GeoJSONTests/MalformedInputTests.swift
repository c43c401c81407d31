import GeoCore
import GeoJSON
import XCTest

/// Every malformed input must throw the documented `GeoJSONError` at the
/// right place and never crash. Columns are 1-based and were counted by hand
/// (prefix length + 1), e.g. `{"type":"Point","coordinates":` is
/// 1 + 6 + 1 + 7 + 1 + 13 + 1 = 30 characters, so the value starts at column 31.
final class MalformedInputTests: XCTestCase {
    func testWrongMemberTypes() {
        assertGeoJSONError(.invalidGeoJSON, "expected '[' (position) in coordinates", line: 1, column: 31) {
            _ = try readDocument(#"{"type":"Point","coordinates":"1,2"}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "\"properties\" must be an object or null", line: 1, column: 48) {
            _ = try readDocument(#"{"type":"Feature","geometry":null,"properties":[1]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "\"features\" must be an array", line: 1, column: 40) {
            _ = try readDocument(#"{"type":"FeatureCollection","features":{}}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "expected '[' (position) in coordinates, found '1'") {
            _ = try readDocument(#"{"type":"LineString","coordinates":[1,2]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "expected '[' (array of positions) in coordinates, found '{'") {
            _ = try readDocument(#"{"type":"LineString","coordinates":{}}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "unknown GeoJSON type \"Circle\"") {
            _ = try readDocument(#"{"type":"Circle","coordinates":[1,2]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "no \"type\" member") { _ = try readDocument(#"{"coordinates":[1,2]}"#) }
        assertGeoJSONError(.invalidGeoJSON, "no \"coordinates\" member") { _ = try readDocument(#"{"type":"Point"}"#) }
        assertGeoJSONError(.invalidGeoJSON, "no \"features\" member") { _ = try readDocument(#"{"type":"FeatureCollection"}"#) }
        assertGeoJSONError(.invalidGeoJSON, "expected a GeoJSON object") { _ = try readDocument("[1,2]") }
        assertGeoJSONError(.invalidGeoJSON, "\"bbox\" needs 4 or 6 numbers, found 3") {
            _ = try readDocument(#"{"type":"Point","coordinates":[1,2],"bbox":[1,2,3]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "feature \"id\" must be a string or a number") {
            _ = try readDocument(#"{"type":"Feature","id":[1],"geometry":null,"properties":null}"#)
        }
    }

    func testRingAndPositionRules() {
        // The ring's '[' follows `{"type":"Polygon","coordinates":[` (33 characters).
        assertGeoJSONError(.invalidGeoJSON, "ring needs ≥ 4 positions, found 3", line: 1, column: 34) {
            _ = try readDocument(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "position needs 2 or 3 numbers, found 1", line: 1, column: 37) {
            _ = try readDocument(#"{"type":"LineString","coordinates":[[1],[2,3]]}"#)
        }
        assertGeoJSONError(.invalidGeoJSON, "position needs 2 or 3 numbers, found 0") {
            _ = try readDocument(#"{"type":"Point","coordinates":[]}"#)
        }
        assertGeoJSONError(.malformedJSON, "expected ',' or ']' in coordinates array", line: 1, column: 43) {
            _ = try readDocument(#"{"type":"LineString","coordinates":[[1,2] [3,4]]}"#)
        }
    }

    func testUnclosedRingReportsLineColumnAndFeature() {
        // Line 4 is ` "geometry":{"type":"Polygon","coordinates":[[[0,0]…`: the ring's
        // '[' is the 46th character (1 + 10 + 1 + 1 + 6 + 1 + 9 + 1 + 13 + 1 + 1 + 1).
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}},
            {"type":"Feature","properties":{},
             "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}
            ]}
            """
        assertGeoJSONError(.invalidGeoJSON, "unclosed polygon ring", line: 4, column: 46, featureIndex: 1) {
            _ = try readDocument(text)
        }
        do {
            _ = try GeoJSONReader().read(Array(text.utf8), fileName: "parcels.geojson")
            XCTFail("no error thrown")
        } catch {
            XCTAssertEqual("\(error)", "parcels.geojson:4:46: feature 1: unclosed polygon ring (first and last positions differ)")
        }
    }

    func testNonFiniteAndHugeNumbers() {
        assertGeoJSONError(.malformedJSON, "non-finite", line: 1, column: 32) {
            _ = try readDocument(#"{"type":"Point","coordinates":[NaN,1]}"#)
        }
        assertGeoJSONError(.malformedJSON, "non-finite", line: 1, column: 34) {
            _ = try readDocument(#"{"type":"Point","coordinates":[1,Infinity]}"#)
        }
        assertGeoJSONError(.malformedJSON, "non-finite", line: 1, column: 32) {
            _ = try readDocument(#"{"type":"Point","coordinates":[1e400,1]}"#)
        }
        let hugeInteger = "1" + String(repeating: "0", count: 400)
        assertGeoJSONError(.malformedJSON, "non-finite") {
            _ = try readDocument(#"{"type":"Feature","geometry":null,"properties":{"n":\#(hugeInteger)}}"#)
        }
        assertGeoJSONError(.malformedJSON, "non-finite") {
            _ = try readDocument(#"{"type":"Feature","geometry":null,"properties":{"n":-Infinity}}"#)
        }
    }

    func testDeepNestingFailsWithoutStackOverflow() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertGeoJSONError(.malformedJSON, "nesting deeper than 512") {
            _ = try readDocument(#"{"type":"Feature","geometry":null,"properties":{"a":\#(deep)}}"#)
        }
        assertGeoJSONError(.malformedJSON, "nesting deeper than 512") { _ = try JSONText.parse(deep) }
        assertGeoJSONError(.invalidGeoJSON, "expected a number in position") {
            _ = try readDocument(#"{"type":"Point","coordinates":\#(deep)}"#)
        }
        let deepCollections = String(repeating: #"{"type":"GeometryCollection","geometries":["#, count: 2000)
        assertGeoJSONError(.malformedJSON, "nesting deeper than 512") { _ = try readDocument(deepCollections) }
    }

    func testInvalidUTF8AndControlCharacters() {
        func document(withPropertyBytes bytes: [UInt8]) -> [UInt8] {
            Array(#"{"type":"Feature","geometry":null,"properties":{"s":""#.utf8) + bytes + Array(#""}}"#.utf8)
        }
        let invalid: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xE6, 0xB6], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        for bytes in invalid {
            assertGeoJSONError(.malformedJSON, "UTF-8") { _ = try GeoJSONReader().read(document(withPropertyBytes: bytes)) }
        }
        // Valid multi-byte text passes: 涪 is E6 B6 AA.
        XCTAssertNoThrow(try GeoJSONReader().read(document(withPropertyBytes: [0xE6, 0xB6, 0xAA])))
        // A raw tab at column 55: 53 characters of prefix, then 'a', then the tab.
        assertGeoJSONError(.malformedJSON, "raw control character", line: 1, column: 55) {
            _ = try GeoJSONReader().read(document(withPropertyBytes: [0x61, 0x09]))
        }
    }

    func testTrailingGarbageAndEmptyInput() {
        assertGeoJSONError(.malformedJSON, "trailing characters", line: 1, column: 38) {
            _ = try readDocument(#"{"type":"Point","coordinates":[1,2]} x"#)
        }
        assertGeoJSONError(.malformedJSON, "input is empty", line: 1, column: 1) { _ = try readDocument("") }
        assertGeoJSONError(.malformedJSON, "unexpected end of input", line: 2, column: 3) { _ = try readDocument(" \n  ") }
    }

    func testFeaturesArrayRequiresFeatures() {
        assertGeoJSONError(.invalidGeoJSON, "expected a Feature in \"features\", found type \"Point\"", featureIndex: 1) {
            _ = try readDocument(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":null},{"type":"Point","coordinates":[1,2]}]}"#)
        }
    }

    /// Every proper prefix of a valid document is invalid: all must throw, none may crash.
    func testEveryTruncationThrows() throws {
        let text = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4544"}},"features":[
              {"type":"Feature","id":"a\\u00e9","geometry":{"type":"Polygon","coordinates":[[[0,0],[1.5,0],[1,1e2],[0,0]]]},
               "properties":{"name":"涪城区","n":-12,"x":[true,false,null],"o":{}}},
              {"type":"Feature","id":7,"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2,3]}]},"properties":null}
            ]}
            """
        let bytes = Array(text.utf8)
        XCTAssertNoThrow(try GeoJSONReader().read(bytes))
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try GeoJSONReader().read(Array(bytes[0..<cut])), "prefix of \(cut) bytes") { error in
                XCTAssertTrue(error is GeoJSONError)
            }
        }
    }
}
