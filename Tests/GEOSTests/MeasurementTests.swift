import GEOS
import GeoCore
import XCTest

final class MeasurementTests: GEOSTestCase {
    // L-shape: a 4×1 bar along the x axis plus a 1×2 arm on its left end.
    private let lShape = Shapes.polygon([(0, 0), (4, 0), (4, 1), (1, 1), (1, 3), (0, 3), (0, 0)])

    func testLShapeAreaLengthDistance() throws {
        let l = try GeometryHandle(lShape)
        // Area = 4·1 (bar) + 1·2 (arm) = 6.
        XCTAssertEqual(try l.planarArea(), 6, accuracy: 1e-12)
        // Perimeter = 4 + 1 + 3 + 2 + 1 + 3 = 14.
        XCTAssertEqual(try l.planarLength(), 14, accuracy: 1e-12)
        // (3, 2.5): 1.5 above the bar's top edge y = 1; the arm's edge x = 1 is 2 away.
        let p = try GeometryHandle(.point(Position(3, 2.5)))
        XCTAssertEqual(try l.planarDistance(to: p), 1.5, accuracy: 1e-12)
        XCTAssertEqual(try l.bounds(), BoundingBox(minX: 0, minY: 0, maxX: 4, maxY: 3))
    }

    func testNearestPoints() throws {
        // Unit square and the square (3, 2)–(4, 3): the closest pair is the corners (1, 1) and
        // (3, 2), √5 apart; from the point (3, 2.5) to the L-shape it is (3, 1), 1.5 below.
        let a = try GeometryHandle(Shapes.polygon([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]))
        let b = try GeometryHandle(Shapes.polygon([(3, 2), (4, 2), (4, 3), (3, 3), (3, 2)]))
        let (p, q) = try XCTUnwrap(a.nearestPoints(to: b))
        XCTAssertEqual([p.x, p.y, q.x, q.y], [1, 1, 3, 2])
        XCTAssertEqual(try a.planarDistance(to: b), 5.0.squareRoot(), accuracy: 1e-12)
        let l = try GeometryHandle(lShape)
        let (r, s) = try XCTUnwrap(try GeometryHandle(.point(Position(3, 2.5))).nearestPoints(to: l))
        XCTAssertEqual([r.x, r.y, s.x, s.y], [3, 2.5, 3, 1])
        // An empty geometry has no nearest point.
        XCTAssertNil(try a.nearestPoints(to: GeometryHandle(.polygon(Polygon(rings: [])))))
    }

    func testSquareWithHole() throws {
        // 10×10 square minus a 2×3 hole: 100 − 6 = 94; perimeter 40 + 10 = 50.
        let g = try GeometryHandle(Shapes.polygon(
            [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)],
            holes: [[(2, 2), (2, 5), (4, 5), (4, 2), (2, 2)]]))
        XCTAssertEqual(try g.planarArea(), 94, accuracy: 1e-12)
        XCTAssertEqual(try g.planarLength(), 50, accuracy: 1e-12)
        // A point in the hole at (3, 3): nearest ring edge x = 2 or 4 or y = 2 → 1.
        XCTAssertEqual(try g.planarDistance(to: GeometryHandle(.point(Position(3, 3)))), 1, accuracy: 1e-12)
    }

    func testTriangle() throws {
        // Right triangle with legs 4 and 3: area 4·3/2 = 6, perimeter 3 + 4 + 5 = 12.
        let t = try GeometryHandle(Shapes.polygon([(0, 0), (4, 0), (0, 3), (0, 0)]))
        XCTAssertEqual(try t.planarArea(), 6, accuracy: 1e-12)
        XCTAssertEqual(try t.planarLength(), 12, accuracy: 1e-12)
        // (4, 3) to the hypotenuse 3x + 4y = 12: |3·4 + 4·3 − 12| / 5 = 2.4.
        XCTAssertEqual(try t.planarDistance(to: GeometryHandle(.point(Position(4, 3)))), 2.4, accuracy: 1e-12)
    }

    func testLineAndPointMeasures() throws {
        let line = try GeometryHandle(.lineString(CoordinateSequence(xy: [(0, 0), (3, 4), (3, 10)])))
        // 5 (3-4-5 triangle) + 6.
        XCTAssertEqual(try line.planarLength(), 11, accuracy: 1e-12)
        XCTAssertEqual(try line.planarArea(), 0)
        let point = try GeometryHandle(.point(Position(1, 2)))
        XCTAssertEqual(try point.planarLength(), 0)
    }

    func testEmptyGeometryHasNoBounds() throws {
        let empty = try GeometryHandle(.polygon(Polygon(rings: [])))
        XCTAssertTrue(try empty.isEmpty())
        XCTAssertNil(try empty.bounds())
        XCTAssertEqual(try empty.planarArea(), 0)
    }
}
