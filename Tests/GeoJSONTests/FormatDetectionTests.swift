import GeoCore
import XCTest

@testable import GeoJSON

/// The layout of a file is told from its first bytes when it opens as a
/// FeatureCollection, and by looking past the first value otherwise.
final class FormatDetectionTests: XCTestCase {
    private func format(_ text: String) -> GeoJSONInputFormat { GeoJSONSequence.detectFormat(Array(text.utf8)) }

    func testCollectionsAreDocumentsWhateverTheSpacing() {
        XCTAssertEqual(format(#"{"type":"FeatureCollection","features":[]}"#), .document)
        XCTAssertEqual(format("\u{FEFF}{ \n \"type\" :\t\"FeatureCollection\", \"features\": []}"), .document)
        // "type" after "features" still reads as a document, by the slower path.
        XCTAssertEqual(format(#"{"features":[],"type":"FeatureCollection"}"#), .document)
    }

    func testFeaturePerLineIsNewlineDelimited() {
        let line = #"{"type":"Feature","properties":{},"geometry":null}"#
        XCTAssertEqual(format(line + "\n" + line + "\n"), .newlineDelimited)
        XCTAssertEqual(format(line), .document)
        XCTAssertEqual(format("\u{1E}" + line + "\n"), .textSequence)
    }

    func testNearMissesAreNotTakenForCollections() {
        XCTAssertFalse(GeoJSONSequence.opensAsFeatureCollection(Array(#"{"type":"Feature"}"#.utf8)))
        XCTAssertFalse(GeoJSONSequence.opensAsFeatureCollection(Array(#"{"type":"FeatureCollectio"#.utf8)))
        XCTAssertFalse(GeoJSONSequence.opensAsFeatureCollection([]))
    }
}
