import GeoCore
import XCTest

/// `BoxGridIndex` against the plain computations it replaces: the full filter over all boxes
/// (park maps' views) and the pass over every box holding a point (`PointLocator`).
final class BoxGridIndexTests: XCTestCase {
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
        var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> Double { random.nextUnit() }
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

    /// A point's candidates hold every box containing it, ascending (the first covering polygon
    /// in the given order stays the first), on random boxes and points, points on edges included.
    func testPointCandidatesHoldEveryBoxContainingThePoint() {
        var random = SplitMix64(seed: 42)
        func next() -> Double { random.nextUnit() }
        let boxes = (0..<500).map { _ -> BoundingBox in
            let x = next() * 10, y = next() * 10
            return BoundingBox(minX: x, minY: y, maxX: x + next() * 2, maxY: y + next() * 2)
        }
        let index = BoxGridIndex(boxes: boxes)
        var points = (0..<2000).map { _ in (next() * 13 - 1, next() * 13 - 1) }
        points += boxes.prefix(200).flatMap { [($0.minX, $0.minY), ($0.maxX, $0.maxY)] }
        for (x, y) in points {
            let holding = boxes.indices.filter { boxes[$0].contains(x: x, y: y) }
            let candidates = index.candidates(x: x, y: y).map(Int.init)
            XCTAssertEqual(candidates, candidates.sorted())
            XCTAssertEqual(candidates.filter { boxes[$0].contains(x: x, y: y) }, holding, "(\(x), \(y))")
        }
        XCTAssertEqual(Array(index.candidates(x: .nan, y: 1)), [])
    }
}

/// splitmix64 (Steele, Lea, Flood 2014), mapped to [0, 1): seeded boxes and points.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
