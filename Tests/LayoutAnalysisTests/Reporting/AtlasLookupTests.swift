import GeoCore
import XCTest

@testable import Reporting

/// The lookups that keep a park page's cost to its park's share of the data: the parcel box grid
/// and the top-k selection, each against the plain computation it replaces.
final class AtlasLookupTests: XCTestCase {
    /// Hand-made boxes: a view finds exactly the boxes it touches (closed), ascending, once each,
    /// including a box spanning many cells, empty boxes (no geometry) and a view off the extent.
    func testBoxGridFindsWhatTheFullFilterFinds() {
        let boxes = [
            BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1),
            .empty,
            BoundingBox(minX: 2, minY: 2, maxX: 3, maxY: 3),
            BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10),  // spans the whole grid
            BoundingBox(minX: 9, minY: 9, maxX: 10, maxY: 10),
            BoundingBox(minX: 1, minY: 5, maxX: 1, maxY: 5),  // a point
        ]
        let index = BoxGridIndex(boxes: boxes)
        XCTAssertEqual(index.intersecting(BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 2)), [0, 2, 3], "edges touch")
        XCTAssertEqual(index.intersecting(BoundingBox(minX: 0.5, minY: 4, maxX: 1.5, maxY: 6)), [3, 5])
        XCTAssertEqual(index.intersecting(BoundingBox(minX: 20, minY: 20, maxX: 30, maxY: 30)), [])
        XCTAssertEqual(index.intersecting(BoundingBox(minX: -5, minY: -5, maxX: 50, maxY: 50)), [0, 2, 3, 4, 5])
        XCTAssertEqual(index.intersecting(.empty), [])
        XCTAssertEqual(BoxGridIndex(boxes: []).intersecting(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)), [])
    }

    /// 20,000 random boxes and 300 random views (seeded): the grid's answer is the full filter's.
    func testBoxGridAgreesWithTheFullFilterOnRandomBoxes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {  // splitmix64 → [0, 1)
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let boxes = (0..<20_000).map { _ -> BoundingBox in
            let x = 104 + next(), y = 31 + next(), w = next() * 0.01, h = next() * 0.01
            return BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h)
        }
        let index = BoxGridIndex(boxes: boxes)
        for _ in 0..<300 {
            let x = 103.9 + next() * 1.2, y = 30.9 + next() * 1.2, w = next() * 0.2, h = next() * 0.2
            let view = BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h)
            XCTAssertEqual(index.intersecting(view), boxes.indices.filter { boxes[$0].intersects(view) })
        }
    }

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
