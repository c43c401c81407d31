import XCTest

@testable import Reporting

/// The top-k selection of the report's and park pages' top-ten lists, against the sorted prefix
/// it replaces (the parcel box grid is tested in GeoCoreTests/BoxGridIndexTests).
final class AtlasLookupTests: XCTestCase {
    /// The first k in order equal the sorted prefix; ties keep sequence order, as a stable sort.
    func testTopSelectionEqualsTheSortedPrefix() {
        let values = [5, 3, 9, 1, 9, 7, 2, 8, 6, 4]
        XCTAssertEqual(TopSelection.first(3, of: values, by: >), [9, 9, 8])
        XCTAssertEqual(TopSelection.first(4, of: values, by: <), [1, 2, 3, 4])
        XCTAssertEqual(TopSelection.first(20, of: values, by: >), values.sorted(by: >))
        XCTAssertEqual(TopSelection.first(0, of: values, by: >), [])
        // (key, tag) pairs ordered by key only: equal keys keep their input order.
        let pairs = [(2, "a"), (1, "b"), (2, "c"), (3, "d"), (2, "e")]
        XCTAssertEqual(TopSelection.first(3, of: pairs) { $0.0 > $1.0 }.map(\.1), ["d", "a", "c"])
    }
}
