import GeoCore
import XCTest

/// `BoxDistanceTree` against the computation it replaces: every box's distance from the point,
/// sorted by (distance, index) (`NearestParkSearch` before issue 19).
final class BoxDistanceTreeTests: XCTestCase {
    /// The full sort the tree must reproduce.
    private func sortedOrder(_ boxes: [BoundingBox], x: Double, y: Double) -> [(Int, Double)] {
        boxes.indices.map { ($0, BoxDistanceTree.boxDistance(boxes[$0], x: x, y: y)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }

    private func visited(_ tree: BoxDistanceTree, x: Double, y: Double, queue: inout BoxDistanceTree.Queue, limit: Int = .max) -> [(Int, Double)] {
        var out: [(Int, Double)] = []
        tree.visit(x: x, y: y, queue: &queue) { item, bound in
            out.append((item, bound))
            return out.count < limit
        }
        return out
    }

    /// Hand-made: distances worked out by hand, equal distances in index order, a point on an
    /// edge (distance 0, like one inside), a corner (3-4-5), an empty box last.
    func testHandMadeOrderWithTiesEdgesAndAnEmptyBox() {
        let boxes = [
            BoundingBox(minX: 10, minY: 0, maxX: 11, maxY: 1),  // from (0, 0): dx 10
            .empty,  // +∞, last
            BoundingBox(minX: 3, minY: 4, maxX: 5, maxY: 6),  // corner (3, 4): 5
            BoundingBox(minX: -1, minY: 0, maxX: 0, maxY: 1),  // (0, 0) on its edge: 0
            BoundingBox(minX: 0, minY: -6, maxX: 1, maxY: -5),  // dy 5: ties with 2, after it
            BoundingBox(minX: -2, minY: -2, maxX: 2, maxY: 2),  // inside: 0, after 3
        ]
        let tree = BoxDistanceTree(boxes: boxes)
        var queue = BoxDistanceTree.Queue()
        let got = visited(tree, x: 0, y: 0, queue: &queue)
        XCTAssertEqual(got.map(\.0), [3, 5, 2, 4, 0, 1])
        XCTAssertEqual(got.map(\.1), [0, 0, 5, 5, 10, .infinity])
        // Stopping early hands out only the prefix.
        XCTAssertEqual(visited(tree, x: 0, y: 0, queue: &queue, limit: 3).map(\.0), [3, 5, 2])
        XCTAssertTrue(visited(BoxDistanceTree(boxes: []), x: 0, y: 0, queue: &queue).isEmpty)
        XCTAssertEqual(visited(BoxDistanceTree(boxes: [.empty, .empty]), x: 0, y: 0, queue: &queue).map(\.0), [0, 1])
    }

    /// 3,000 seeded random boxes on an integer lattice (many equal distances: repeated boxes,
    /// shared edges, degenerate point and line boxes, a few empty), queried from 200 lattice
    /// points (often exactly on edges and corners) and 200 off-lattice points: the tree's whole
    /// sequence is the full sort's, item for item and bound for bound.
    func testTreeOrderIsTheFullSortOnRandomBoxes() {
        var random = SplitMix64(seed: 0xB0C5_D157_7EE0_0019)
        func int(_ n: Int) -> Int { Int(random.nextUnit() * Double(n)) }
        var boxes: [BoundingBox] = []
        for k in 0..<3000 {
            if k % 97 == 0 { boxes.append(.empty); continue }
            if k % 13 == 0, let b = boxes.last, !b.isEmpty { boxes.append(b); continue }  // an exact repeat
            let x = Double(int(200)), y = Double(int(200)), w = Double(int(4)), h = Double(int(4))
            boxes.append(BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h))
        }
        let tree = BoxDistanceTree(boxes: boxes)
        XCTAssertEqual(tree.count, boxes.count)
        var queue = BoxDistanceTree.Queue()
        for q in 0..<400 {
            let (x, y) = q < 200 ? (Double(int(220) - 10), Double(int(220) - 10)) : (random.nextUnit() * 240 - 20, random.nextUnit() * 240 - 20)
            let expected = sortedOrder(boxes, x: x, y: y)
            let got = visited(tree, x: x, y: y, queue: &queue)
            XCTAssertEqual(got.map(\.0), expected.map(\.0), "query \(q) at (\(x), \(y))")
            XCTAssertEqual(got.map(\.1), expected.map(\.1), "query \(q) at (\(x), \(y))")
            // A prefix of random length is the full sort's prefix (the queue is reused dirty).
            let n = int(40) + 1
            XCTAssertEqual(visited(tree, x: x, y: y, queue: &queue, limit: n).map(\.0), Array(expected.prefix(n).map(\.0)))
        }
    }

    /// Fewer boxes than a leaf, and boxes whose centres coincide (a split of equal keys).
    func testSmallTreesAndCoincidentCentres() {
        var queue = BoxDistanceTree.Queue()
        let nested = (0..<40).map { (k: Int) -> BoundingBox in
            let r = Double(k % 7)
            return BoundingBox(minX: -r, minY: -r, maxX: r, maxY: r)
        }
        let queries: [(Double, Double)] = [(0, 0), (3, 0), (6, 6), (7, 0), (10, 10), (-8, 2)]
        for (x, y) in queries {
            XCTAssertEqual(visited(BoxDistanceTree(boxes: nested), x: x, y: y, queue: &queue).map(\.0), sortedOrder(nested, x: x, y: y).map(\.0))
            let few = Array(nested.prefix(3))
            XCTAssertEqual(visited(BoxDistanceTree(boxes: few), x: x, y: y, queue: &queue).map(\.0), sortedOrder(few, x: x, y: y).map(\.0))
        }
    }
}
