import Foundation
import GeoCore
import GeoJSON
import XCTest

final class GeoJSONSequenceTests: XCTestCase {
    private let features = [
        Feature(id: .integer(1), geometry: .point(Position(104.6, 31.4)), properties: ["name": .string("涪城区\n")]),
        Feature(id: .string("b"), geometry: nil, properties: nil),
        Feature(geometry: .lineString(CoordinateSequence(storage: [0, 0, 1, 1, 1, 2], hasZ: true)), properties: ["n": .integer(-5)]),
    ]

    func testNewlineDelimitedRoundTrip() throws {
        let bytes = try GeoJSONSequenceWriter.encode(features, format: .newlineDelimited)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, 4)  // 3 lines + final LF
        XCTAssertEqual(GeoJSONSequence.detectFormat(bytes), .newlineDelimited)
        XCTAssertEqual(try GeoJSONSequence.readFeatures(bytes), features)
        XCTAssertEqual(try GeoJSONReader().readFeatureCollection(bytes).features, features)
    }

    func testTextSequenceRoundTrip() throws {
        let bytes = try GeoJSONSequenceWriter.encode(features, format: .textSequence)
        XCTAssertEqual(bytes.first, 0x1E)
        XCTAssertEqual(bytes.filter { $0 == 0x1E }.count, 3)
        XCTAssertEqual(GeoJSONSequence.detectFormat(bytes), .textSequence)
        XCTAssertEqual(try GeoJSONSequence.readFeatures(bytes), features)
    }

    func testDetectionOfPlainDocuments() throws {
        let collection = try GeoJSONWriter().encode(FeatureCollection(features: features))
        XCTAssertEqual(GeoJSONSequence.detectFormat(collection), .document)
        XCTAssertEqual(GeoJSONSequence.detectFormat(try GeoJSONWriter().encode(features[0]) + [0x0A]), .document)
        XCTAssertEqual(try GeoJSONSequence.readFeatures(collection), features)
    }

    func testErrorsNameTheRecordAndLine() {
        // Line 3 (record 2) has a position with one number. Counted by hand, its '[' is
        // column 82: {=1 "type"=2-7 :=8 "Feature"=9-17 ,=18 "properties"=19-30 :=31 {}=32-33 ,=34
        // "geometry"=35-44 :=45 {=46 "type"=47-52 :=53 "LineString"=54-65 ,=66 "coordinates"=67-79
        // :=80, the line's '[' 81, the position's '[' 82.
        let lines = [
            #"{"type":"Feature","properties":{},"geometry":null}"#,
            #"{"type":"Feature","properties":{},"geometry":null}"#,
            #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1]]}}"#,
        ]
        assertGeoJSONError(.invalidGeoJSON, "position needs 2 or 3 numbers, found 1", line: 3, column: 82, featureIndex: 2) {
            _ = try GeoJSONSequence.readFeatures(Array(lines.joined(separator: "\n").utf8))
        }
        let sequence = [UInt8]([0x1E]) + Array(lines[0].utf8) + [0x0A, 0x1E] + Array(#"{"type":"Feature","properties":{}"#.utf8) + [0x0A]
        assertGeoJSONError(.malformedJSON, "expected ',' or '}'", line: 3, column: 1, featureIndex: 1) {
            _ = try GeoJSONSequence.readFeatures(sequence)
        }
        assertGeoJSONError(.malformedJSON, "expected a line feed after the record", line: 2, featureIndex: 1) {
            _ = try GeoJSONSequence.readFeatures(Array((lines[0] + "\n" + lines[1] + " " + lines[0]).utf8))
        }
    }

    func testStreamingSequenceWriterToFile() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("parcels.geojsonl").path
        try AtomicFileWriter.write(to: path) { sink in
            let writer = GeoJSONSequenceWriter(sink: sink, format: .newlineDelimited)
            for f in features { try writer.write(f) }
            try writer.finish()
        }
        XCTAssertEqual(try GeoJSONReader().readFeatureCollection(contentsOfFile: path).features, features)
    }
}
