import GeoCore
import XCTest

/// The fixture comparison flags what it must: a number off by more than the
/// tolerance, a missing key, an array of another length, a changed string.
final class FixtureComparisonTests: XCTestCase {
    func testFlagsEveryKindOfDifference() {
        let expected: JSONValue = .object(["a": .double(100), "b": .array([.integer(1), .integer(2)]), "c": .string("x")])
        XCTAssertEqual(FixtureComparison.differences(expected, expected, relative: 1e-6), [])
        // Within 1e-6 relative: equal; 2e-6 off: flagged.
        let close: JSONValue = .object(["a": .double(100.00005), "b": .array([.integer(1), .integer(2)]), "c": .string("x")])
        XCTAssertEqual(FixtureComparison.differences(close, expected, relative: 1e-6), [])
        let off: JSONValue = .object(["a": .double(100.0002), "b": .array([.integer(1)]), "c": .string("y"), "extra": .null])
        let found = FixtureComparison.differences(off, expected, relative: 1e-6)
        XCTAssertEqual(found.count, 3, "\(found)")
        XCTAssertEqual(FixtureComparison.differences(.object([:]), expected, relative: 1e-6).count, 3)
    }
}
