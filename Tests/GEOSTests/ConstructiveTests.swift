import Foundation
import GEOS
import GeoCore
import XCTest

final class ConstructiveTests: GEOSTestCase {
    /// The "C" point set of Tests/Reference/geos_hulls.py: the 0…10 grid without
    /// the points with x ≥ 3 and 3 ≤ y ≤ 7 (81 points).
    private func cPoints() throws -> GeometryHandle {
        var pairs: [(Double, Double)] = []
        for x in 0...10 { for y in 0...10 where !(x >= 3 && (3...7).contains(y)) { pairs.append((Double(x), Double(y))) } }
        XCTAssertEqual(pairs.count, 81)
        return try GeometryHandle(.multiPoint(CoordinateSequence(xy: pairs)))
    }

    func testConvexHullOfGrid() throws {
        // The hull of the grid is the 10 × 10 square.
        XCTAssertEqual(try cPoints().convexHull().planarArea(), 100, accuracy: 1e-12)
    }

    /// `python3 Tests/Reference/geos_hulls.py` (shapely 2.2.0, GEOS 3.14.1) printed
    ///   concave_hull ratio=0.3 area=54.0, ratio=0.5 area=56.0, ratio=1.0 area=100.0.
    /// By hand the "C" through the outer grid points has area 100 − 8·6 = 52, so every
    /// concave hull lies in [52, 100].
    func testConcaveHullMatchesShapely() throws {
        let points = try cPoints()
        XCTAssertEqual(try points.concaveHull(ratio: 0.3).planarArea(), 54, accuracy: 1e-9)
        XCTAssertEqual(try points.concaveHull(ratio: 0.5).planarArea(), 56, accuracy: 1e-9)
        XCTAssertEqual(try points.concaveHull(ratio: 1).planarArea(), 100, accuracy: 1e-9)
        XCTAssertThrowsError(try points.concaveHull(ratio: 1.5))
    }

    func testBufferOfPointApproachesCircle() throws {
        let point = try GeometryHandle(.point(Position(10, 20)))
        for segments in [2, 8, 32] {
            let area = try point.buffer(distance: 3, quadrantSegments: segments).planarArea()
            // A regular n-gon inscribed in radius r: (n/2)·r²·sin(2π/n), n = 4·segments.
            let n = Double(4 * segments)
            XCTAssertEqual(area, n / 2 * 9 * sin(2 * .pi / n), accuracy: 1e-9)
            XCTAssertLessThan(area, .pi * 9)
        }
        // With 32 segments per quadrant the polygon is within 0.1 % of π r².
        XCTAssertEqual(try point.buffer(distance: 3, quadrantSegments: 32).planarArea(), .pi * 9, accuracy: .pi * 9 * 1e-3)
    }

    func testSquareCapBufferOfLine() throws {
        // Line of length 4 buffered by 1 with flat caps: 4 × 2 = 8; square caps add 2 × (1 × 2): 12.
        let line = try GeometryHandle(.lineString(CoordinateSequence(xy: [(0, 0), (4, 0)])))
        XCTAssertEqual(try line.buffer(distance: 1, endCap: .flat).planarArea(), 8, accuracy: 1e-12)
        XCTAssertEqual(try line.buffer(distance: 1, endCap: .square, join: .mitre).planarArea(), 12, accuracy: 1e-12)
        XCTAssertThrowsError(try line.buffer(distance: .nan))
    }

    func testTopologyPreservingSimplify() throws {
        // Every interior vertex is 0.01 off the chord, below the tolerance 0.1: only the ends stay.
        let wiggly = try GeometryHandle(.lineString(CoordinateSequence(xy: [(0, 0), (1, 0.01), (2, 0), (3, 0.01), (4, 0)])))
        let simplified = try wiggly.topologyPreservingSimplify(tolerance: 0.1).geometry()
        XCTAssertEqual(simplified.positionCount, 2)
        // A square with a near-collinear midpoint on each side keeps its 4 corners (5 with closure).
        let square = try GeometryHandle(Shapes.polygon([(0, 0), (1, 0.01), (2, 0), (2.01, 1), (2, 2), (1, 1.99), (0, 2), (0.01, 1), (0, 0)]))
        XCTAssertEqual(try square.topologyPreservingSimplify(tolerance: 0.1).geometry().positionCount, 5)
    }

    func testCentroidAndPointOnSurfaceOfAU() throws {
        // U: bottom bar [0,3]×[0,1] (area 3, centre (1.5, 0.5)), arms [0,1]×[1,3] and [2,3]×[1,3]
        // (area 2 each, centres (0.5, 2) and (2.5, 2)). Centroid = ((4.5 + 1 + 5)/7, (1.5 + 4 + 4)/7)
        // = (1.5, 9.5/7), which lies in the gap between the arms, outside the U.
        let u = try GeometryHandle(Shapes.polygon([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3), (0, 0)]))
        let c = try XCTUnwrap(try u.centroidPosition())
        XCTAssertEqual(c.x, 1.5, accuracy: 1e-12)
        XCTAssertEqual(c.y, 9.5 / 7, accuracy: 1e-12)
        XCTAssertFalse(try u.contains(u.centroid()))
        let inside = try XCTUnwrap(try u.pointOnSurfacePosition())
        // Inside the U by hand: in the bar, or in one of the arms.
        let inBar = (0...3).contains(inside.x) && (0...1).contains(inside.y)
        let inArm = ((0...1).contains(inside.x) || (2...3).contains(inside.x)) && (1...3).contains(inside.y)
        XCTAssertTrue(inBar || inArm, "\(inside)")
        XCTAssertTrue(try u.covers(u.pointOnSurface()))
    }

    func testCentroidOfEmptyIsNil() throws {
        XCTAssertNil(try GeometryHandle(.lineString(CoordinateSequence(storage: []))).centroidPosition())
    }

    func testEnvelope() throws {
        let line = try GeometryHandle(.lineString(CoordinateSequence(xy: [(1, 5), (4, 2)])))
        // Box [1,4]×[2,5]: area 9.
        XCTAssertEqual(try line.envelope().planarArea(), 9, accuracy: 1e-12)
    }
}
