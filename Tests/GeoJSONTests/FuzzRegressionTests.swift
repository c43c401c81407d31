import Foundation
import GeoCore
import GeoJSON
import XCTest

/// Inputs found by the fuzz targets (Fuzz/, scripts/fuzz.sh), kept under Tests/Fixtures/fuzz/<target>/.
/// Each test states what went wrong and checks the behaviour the readers' documentation promises.
final class FuzzRegressionTests: XCTestCase {
    private func fuzzInput(_ target: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(target)/\(name)")))
    }

    /// The error of a parse, or nil.
    private func error(_ body: () throws -> Void) -> GeoJSONError? {
        do {
            try body()
            return nil
        } catch {
            return error as? GeoJSONError
        }
    }

    /// The parallel reader with chunks of a few bytes (so its guesser cuts the array) and tiny batches.
    private func parallelError(_ bytes: [UInt8], threads: Int, chunk: Int, featureErrors: ((GeoJSONError) -> Void)? = nil) -> GeoJSONError? {
        error {
            _ = try GeoJSONReader().forEachFeatureBatch(
                bytes, fileName: "f.geojson", threads: threads, batchSize: 1, minimumChunkBytes: chunk,
                transform: { $0 }, consume: { _, _ in }, featureErrors: featureErrors)
        }
    }

    /// Finding 1 (target parallel): a FeatureCollection with two `features` members. The sequential
    /// reader kept the last array ("duplicate keys: last wins"); the parallel reader had already
    /// handed the first array's features on and then started again at index 0, so a consumer got
    /// both arrays. Now a second `features` member is an error in both, at the second array.
    func testSecondFeaturesMemberIsTheSameErrorInBothReaders() throws {
        // The second '[' is the 104th character of the 106 (counted by hand: 103 characters before it).
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}],"features":[]}"#
        let bytes = Array(text.utf8)
        let expected = GeoJSONError.invalidGeoJSON(
            SourceLocation(file: "f.geojson", line: 1, column: 104, byteOffset: 103), message: #"FeatureCollection has a second "features" member"#)
        XCTAssertEqual(error { _ = try GeoJSONReader().read(bytes, fileName: "f.geojson") }, expected)
        for threads in [1, 2, 4] {
            for chunk in [1, 7, 1 << 20] {
                XCTAssertEqual(parallelError(bytes, threads: threads, chunk: chunk), expected, "threads \(threads), chunk \(chunk)")
            }
        }
    }

    /// The fuzzer's input itself: its first `features` array holds a string (set aside as a feature
    /// error), its second starts on line 7, column 14 (counted by hand in the file).
    func testFuzzInputWithTwoFeaturesArrays() throws {
        let bytes = try fuzzInput("parallel", "duplicate-features-member.geojson")
        var sequentialErrors: [GeoJSONError] = []
        let sequential = error { _ = try GeoJSONReader().readFeatureCollection(bytes, fileName: "f.geojson", featureErrors: &sequentialErrors) }
        XCTAssertEqual(sequential?.location?.line, 7)
        XCTAssertEqual(sequential?.location?.column, 14)
        XCTAssertEqual(sequential?.message, #"FeatureCollection has a second "features" member"#)
        for threads in [2, 3, 4] {
            for chunk in [1, 5, 32] {
                XCTAssertEqual(parallelError(bytes, threads: threads, chunk: chunk, featureErrors: { _ in }), sequential, "threads \(threads), chunk \(chunk)")
            }
        }
        // Without setting errors aside both stop at the string in the first array.
        let strict = error { _ = try GeoJSONReader().read(bytes, fileName: "f.geojson") }
        XCTAssertEqual(strict?.location?.line, 4)
        XCTAssertEqual(parallelError(bytes, threads: 3, chunk: 1), strict)
    }
}
