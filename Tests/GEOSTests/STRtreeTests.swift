import GEOS
import GeoCore
import XCTest

final class STRtreeTests: GEOSTestCase {
    /// `count` random boxes in [0, 100]² with sides up to 10, seeded.
    private func randomBoxes(_ count: Int, seed: UInt64) -> [BoundingBox] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let x = Double.random(in: 0..<100, using: &rng), y = Double.random(in: 0..<100, using: &rng)
            return BoundingBox(minX: x, minY: y, maxX: x + Double.random(in: 0..<10, using: &rng), maxY: y + Double.random(in: 0..<10, using: &rng))
        }
    }

    /// Planar distance from a point to a box, by hand: the clamped offsets on each axis.
    private func distance(_ x: Double, _ y: Double, _ b: BoundingBox) -> Double {
        let dx = max(b.minX - x, 0, x - b.maxX), dy = max(b.minY - y, 0, y - b.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    func testEnvelopeQueryMatchesBruteForce() throws {
        let boxes = randomBoxes(500, seed: 42)
        let tree = try STRtree(envelopes: boxes.enumerated().map { (envelope: $0.element, payload: $0.offset * 10) })
        XCTAssertEqual(tree.count, 500)
        for query in randomBoxes(100, seed: 7) {
            let expected = boxes.indices.filter { boxes[$0].intersects(query) }.map { $0 * 10 }
            XCTAssertEqual(try tree.query(query), expected)
        }
    }

    func testNearestMatchesBruteForce() throws {
        let boxes = randomBoxes(300, seed: 1)
        let tree = try STRtree(envelopes: boxes.enumerated().map { (envelope: $0.element, payload: $0.offset) })
        var rng = SplitMix64(seed: 99)
        for _ in 0..<100 {
            let x = Double.random(in: -20..<120, using: &rng), y = Double.random(in: -20..<120, using: &rng)
            let found = try XCTUnwrap(try tree.nearest(to: GeometryHandle(.point(Position(x, y)))))
            let best = boxes.map { distance(x, y, $0) }.min()!
            // Ties (several boxes containing the point) are allowed; the distance must be minimal.
            XCTAssertEqual(distance(x, y, boxes[found]), best, accuracy: 1e-9)
        }
    }

    func testGeometryTreeNearestUsesTrueDistance() throws {
        // A long diagonal line whose envelope contains the query point, and a small square 1 away.
        let line = try GeometryHandle(.lineString(CoordinateSequence(xy: [(0, 0), (100, 100)])))
        let square = try GeometryHandle(Shapes.square(60, 38, side: 1))
        let tree = try STRtree(geometries: [(line, 1), (square, 2)])
        // (60, 40): 1 from the square's top edge y = 39; 20/√2 ≈ 14.1 from the line y = x.
        XCTAssertEqual(try tree.nearest(to: GeometryHandle(.point(Position(60, 40)))), 2)
        XCTAssertEqual(try tree.query(intersectingEnvelopeOf: GeometryHandle(.point(Position(60, 40)))), [1])
    }

    func testEmptyTree() throws {
        let tree = try STRtree(envelopes: [])
        XCTAssertEqual(try tree.query(BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)), [])
        XCTAssertNil(try tree.nearest(to: GeometryHandle(.point(Position(0, 0)))))
    }

    func testRejectsBadInput() {
        XCTAssertThrowsError(try STRtree(envelopes: [(envelope: .empty, payload: 0)]))
        XCTAssertThrowsError(try STRtree(envelopes: [], nodeCapacity: 1))
    }

    func testTreeKeepsItsGeometriesAlive() throws {
        var tree: STRtree? = try STRtree(geometries: [(try GeometryHandle(Shapes.square(0, 0, side: 1)), 7)])
        // The caller's handle is gone; the tree still answers from its own reference.
        XCTAssertEqual(try tree!.nearest(to: GeometryHandle(.point(Position(5, 5)))), 7)
        tree = nil
    }
}
