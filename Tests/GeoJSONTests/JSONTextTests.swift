import GeoCore
import GeoJSON
import XCTest

final class JSONTextTests: XCTestCase {
    func testParsesEveryJSONTypeWithOrderedMembers() throws {
        let value = try JSONText.parse(#" { "b" : [true, false, null, 1, -2.5, "s\u00e9\n"], "a" : {"x": {}}, "c": [] } "#)
        let expected: JSONValue = .object([
            "b": .array([.bool(true), .bool(false), .null, .integer(1), .double(-2.5), .string("sé\n")]),
            "a": .object(["x": .object([:])]),
            "c": .array([]),
        ])
        XCTAssertEqual(value, expected)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
    }

    func testDuplicateKeysLastWinsAtFirstPosition() throws {
        let value = try JSONText.parse(#"{"k": 1, "m": 2, "k": 3}"#)
        XCTAssertEqual(value.objectValue?.keys, ["k", "m"])
        XCTAssertEqual(value.objectValue?["k"], .integer(3))
    }

    func testSerializesCompactAndPretty() throws {
        let value: JSONValue = .object(["name": .string("涪城区 \"q\" \\ \u{1}"), "n": .integer(-7), "r": .double(0.1), "l": .array([.null, .bool(true)])])
        // Hand-written expectation: control U+0001 → \u0001, quotes and backslash escaped, UTF-8 kept.
        XCTAssertEqual(try JSONText.string(value), #"{"name":"涪城区 \"q\" \\ \u0001","n":-7,"r":0.1,"l":[null,true]}"#)
        XCTAssertEqual(try JSONText.string(.object(["a": .array([.integer(1)])]), pretty: true), "{\n  \"a\": [\n    1\n  ]\n}")
        XCTAssertEqual(try JSONText.parse(try JSONText.serialize(value, pretty: true)), value)
    }

    func testNonFiniteDoublesCannotBeWritten() {
        XCTAssertThrowsError(try JSONText.serialize(.double(.nan))) { error in
            guard case GeoJSONError.unwritableValue = error else { return XCTFail("\(error)") }
        }
    }

    func testStringEscapesAndSurrogatePairs() throws {
        let value = try JSONText.parse(#"["\"\\\/\b\f\n\r\t", "\ud83d\ude00", "\u6d6a"]"#)
        XCTAssertEqual(value, .array([.string("\"\\/\u{8}\u{C}\n\r\t"), .string("😀"), .string("浪")]))
        assertGeoJSONError(.malformedJSON, "unpaired high surrogate") { _ = try JSONText.parse(#"["\ud83d x"]"#) }
        assertGeoJSONError(.malformedJSON, "unpaired low surrogate") { _ = try JSONText.parse(#"["\ude00"]"#) }
        assertGeoJSONError(.malformedJSON, "invalid escape") { _ = try JSONText.parse(#"["\x"]"#) }
        assertGeoJSONError(.malformedJSON, "hex digits") { _ = try JSONText.parse(#"["\u12G4"]"#) }
    }

    func testAtomicWriteReplacesFileAndLeavesNoTemporary() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("policy.json").path
        try JSONText.write(.object(["a": .integer(1)]), to: path)
        try JSONText.write(.object(["a": .integer(2)]), to: path)
        XCTAssertEqual(try JSONText.parse(contentsOfFile: path), .object(["a": .integer(2)]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["policy.json"])
    }
}
