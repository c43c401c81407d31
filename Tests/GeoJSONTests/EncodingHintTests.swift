import GeoCore
import GeoJSON
import XCTest

/// Issue 20, item 11: text saved as GBK/GB18030 is not just "invalid UTF-8": the error names
/// the encoding and how to convert, at the line and column of the first bad byte.
final class EncodingHintTests: XCTestCase {
    /// `{"type":"Feature","geometry":null,"properties":{"name":"涪城区"}}` in GB18030; 涪 is the 57th
    /// character. Produced with:
    ///   python3 -c "t='{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"涪城区\"}}'; print(t.encode('gb18030').hex(), t.index('涪')+1)"
    private let gbkFeature = hexBytes("7b2274797065223a2246656174757265222c2267656f6d65747279223a6e756c6c2c2270726f70657274696573223a7b226e616d65223a22b8a2b3c7c7f8227d7d")

    func testGBKTextIsNamedWithTheConversion() {
        XCTAssertThrowsError(try GeoJSONReader().read(gbkFeature, fileName: "districts.geojson")) { error in
            XCTAssertEqual(String(describing: error),
                "districts.geojson:1:57: invalid UTF-8 byte 0xB8; the file looks GBK/GB18030-encoded: convert it to UTF-8, "
                + "e.g. iconv -f GB18030 -t UTF-8 in.geojson > out.geojson")
        }
    }

    /// A four-byte GB18030 form (U+20000 is 95 32 82 36 in GB18030, by Python's codec) keeps the hint.
    func testFourByteFormsAreGB18030() {
        var bytes = gbkFeature
        bytes.insert(contentsOf: [0x95, 0x32, 0x82, 0x36], at: 56)
        XCTAssertThrowsError(try GeoJSONReader().read(bytes)) { error in
            XCTAssertTrue(String(describing: error).contains("GBK/GB18030"), "\(error)")
        }
    }

    /// Bytes that are neither UTF-8 nor GB18030 (a lone 0xFF; Latin-1 "é" = E9 before the closing quote,
    /// whose trail byte 0x22 is not a GBK trail byte) get no hint.
    func testOtherBadBytesGetNoHint() {
        for bad: [UInt8] in [[0xFF], [0xE9]] {
            let bytes = Array(#"{"type":"Feature","geometry":null,"properties":{"name":""#.utf8) + bad + Array(#""}}"#.utf8)
            XCTAssertThrowsError(try GeoJSONReader().read(bytes)) { error in
                XCTAssertTrue(String(describing: error).contains("UTF-8"), "\(error)")
                XCTAssertFalse(String(describing: error).contains("GB18030"), "\(error)")
            }
        }
    }
}

private func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
        let j = hex.index(i, offsetBy: 2)
        out.append(UInt8(hex[i..<j], radix: 16)!)
        i = j
    }
    return out
}
