import GeoCore
import GeoJSON
import XCTest

/// The reader's own float parser against Swift's `Double(String)` (correctly
/// rounded, independent code): results must be bit-identical.
final class NumberParsingTests: XCTestCase {
    /// Parses `literal` as a Point ordinate, which always goes through the Double path.
    private func parseOrdinate(_ literal: String) throws -> Double {
        let document = try readDocument("{\"type\":\"Point\",\"coordinates\":[\(literal),0]}")
        guard case .geometry(.point(let p)) = document else {
            XCTFail("not a point")
            return .nan
        }
        return p.x
    }

    private func assertMatchesSwift(_ literal: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let expected = Double(literal) else { return XCTFail("Swift rejects \(literal)", file: file, line: line) }
        if !expected.isFinite {
            assertGeoJSONError(.malformedJSON, "non-finite number", file: file, testLine: line) { _ = try parseOrdinate(literal) }
            return
        }
        do {
            let parsed = try parseOrdinate(literal)
            XCTAssertEqual(parsed.bitPattern, expected.bitPattern, "\(literal): got \(parsed), Swift \(expected)", file: file, line: line)
        } catch {
            XCTFail("\(literal): \(error)", file: file, line: line)
        }
    }

    func testEdgeCaseLiteralsAreBitIdentical() {
        let literals = [
            "0", "-0", "0.0", "-0.0", "1", "-1", "0.1", "0.2", "0.3", "1e22", "1e23", "1e-22", "1e-23",
            "9007199254740992", "9007199254740993", "9007199254740995", "18014398509481985",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324", "5e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "1e400", "-1e400",
            "123456789012345678901234567890", "0.000000000000000000000000000001", "1E5", "1e+5", "1e-5",
            "3.141592653589793238462643383279", "104.608398", "31.450195", "0.30000000000000004",
            "7.2057594037927933e16", "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124", "8.98846567431158e307",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999",
            "0e500", "0.0e-500", "1e0000000000000000000001", "12345678901234567890e-30",
        ]
        for literal in literals { assertMatchesSwift(literal) }
    }

    func testRandomDecimalLiteralsAreBitIdentical() {
        var rng = SeededRandom(seed: 0x5EED_0001)
        for _ in 0..<5000 {
            var text = rng.chance(0.3) ? "-" : ""
            let integerDigits = rng.int(1...20)
            text += rng.chance(0.2) ? "0" : String(rng.int(1...9))
            if !text.hasSuffix("0") { for _ in 1..<integerDigits { text += String(rng.int(0...9)) } }
            if rng.chance(0.7) {
                text += "."
                for _ in 0..<rng.int(1...20) { text += String(rng.int(0...9)) }
            }
            if rng.chance(0.5) {
                text += rng.pick(["e", "E", "e+", "e-", "E-"]) + String(rng.int(0...330))
            }
            assertMatchesSwift(text)
        }
    }

    func testRandomBitPatternsRoundTripThroughDescription() {
        var rng = SeededRandom(seed: 0x5EED_0002)
        var checked = 0
        while checked < 5000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            assertMatchesSwift(value.description)
            checked += 1
        }
    }

    func testIntegersStayExactInProperties() throws {
        let value = try JSONText.parse("[9223372036854775807,-9223372036854775808,9007199254740993,9223372036854775808,-0,12.0]")
        XCTAssertEqual(value, .array([
            .integer(Int64.max), .integer(Int64.min), .integer(9_007_199_254_740_993),
            // Beyond Int64: a Double (2^63 exactly).
            .double(9_223_372_036_854_775_808.0), .integer(0), .double(12),
        ]))
    }

    func testGrammarViolationsAreRejected() {
        let cases: [(String, String)] = [
            ("01", "leading zeros"), ("-01", "leading zeros"), ("+1", "expected a JSON value"), (".5", "expected a JSON value"),
            ("1.", "digit after '.'"), ("1e", "digit in number exponent"), ("1e+", "digit in number exponent"),
            ("-", "end of input in number"), ("NaN", "non-finite"), ("Infinity", "non-finite"), ("-Infinity", "non-finite"),
            ("1e400", "non-finite"), ("0x10", "trailing characters"),
        ]
        for (literal, message) in cases {
            assertGeoJSONError(.malformedJSON, message) { _ = try JSONText.parse(literal) }
        }
    }
}
