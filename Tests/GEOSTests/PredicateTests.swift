import GEOS
import GeoCore
import XCTest

/// Predicates of the square A = (0 0, 2 2) against a matrix of cases.
///
/// Expected values from shapely: `python3 Tests/Reference/geos_predicates.py`
/// (shapely 2.2.0 with GEOS 3.14.1); the output is copied below verbatim.
/// Flag order: intersects contains within covers coveredBy touches overlaps crosses disjoint equals.
final class PredicateTests: GEOSTestCase {
    private static let square = "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"

    private static let cases: [(name: String, wkt: String, flags: String, matrix: String)] = [
        ("overlapping", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))", "TFFFFFTFFF", "212101212"),
        ("inner", "POLYGON ((0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5))", "TTFTFFFFFF", "212FF1FF2"),
        ("edgeTouching", "POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))", "TFFFFTFFFF", "FF2F11212"),
        ("disjoint", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))", "FFFFFFFFTF", "FF2FF1212"),
        ("crossingLine", "LINESTRING (-1 1, 3 1)", "TFFFFFFTFF", "1F20F1102"),
        ("innerPoint", "POINT (1 1)", "TTFTFFFFFF", "0F2FF1FF2"),
        ("boundaryPoint", "POINT (2 1)", "TFFTFTFFFF", "FF20F1FF2"),
        ("sameSquareOtherStart", "POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))", "TTTTTFFFFT", "2FFF1FFF2"),
        ("boundaryLine", "LINESTRING (0 0, 2 0)", "TFFTFTFFFF", "FF2101FF2"),
        ("containingSquare", "POLYGON ((-1 -1, 3 -1, 3 3, -1 3, -1 -1))", "TFTFTFFFFF", "2FF1FF212"),
    ]

    private func flags(_ values: [Bool]) -> String { String(values.map { $0 ? "T" : "F" }) }

    func testPredicateMatrixMatchesShapely() throws {
        let a = try geometry(Self.square)
        for c in Self.cases {
            let b = try geometry(c.wkt)
            let got = flags([
                try a.intersects(b), try a.contains(b), try a.within(b), try a.covers(b), try a.coveredBy(b),
                try a.touches(b), try a.overlaps(b), try a.crosses(b), try a.disjoint(b), try a.topologicallyEquals(b),
            ])
            XCTAssertEqual(got, c.flags, c.name)
            XCTAssertEqual(try a.relate(b), c.matrix, c.name)
            XCTAssertTrue(try a.relate(b, pattern: c.matrix), c.name)
        }
    }

    func testPreparedPredicatesAgreeWithPlainOnes() throws {
        let a = try geometry(Self.square)
        let prepared = try PreparedGeometry(a)
        for c in Self.cases {
            let b = try geometry(c.wkt)
            let got = flags([
                try prepared.intersects(b), try prepared.contains(b), try prepared.within(b), try prepared.covers(b),
                try prepared.coveredBy(b), try prepared.touches(b), try prepared.overlaps(b), try prepared.crosses(b),
                try prepared.disjoint(b),
            ])
            XCTAssertEqual(got, String(c.flags.prefix(9)), c.name)
        }
    }

    func testPreparedContainsProperlyAndDistance() throws {
        let prepared = try PreparedGeometry(geometry(Self.square))
        // Interior point: properly contained; boundary point: contained by covers, not properly.
        XCTAssertTrue(try prepared.containsProperly(geometry("POINT (1 1)")))
        XCTAssertFalse(try prepared.containsProperly(geometry("POINT (2 1)")))
        // (5, 6) to the corner (2, 2): hypot(3, 4) = 5.
        let far = try geometry("POINT (5 6)")
        XCTAssertEqual(try prepared.distance(to: far), 5, accuracy: 1e-12)
        XCTAssertTrue(try prepared.isWithinDistance(5.0001, of: far))
        XCTAssertFalse(try prepared.isWithinDistance(4.9999, of: far))
    }

    func testPreparedGeometryKeepsItsBaseAlive() throws {
        var prepared: PreparedGeometry? = try PreparedGeometry(geometry(Self.square))
        // The only reference to the base handle is inside `prepared` now.
        XCTAssertTrue(try prepared!.contains(geometry("POINT (1 1)")))
        prepared = nil
    }

    func testEqualsExactUsesVertexOrderAndTolerance() throws {
        let a = try geometry(Self.square)
        let rotated = try geometry("POLYGON ((2 2, 0 2, 0 0, 2 0, 2 2))")
        let nudged = try geometry("POLYGON ((0 0, 2 0, 2 2.05, 0 2, 0 0))")
        XCTAssertFalse(try a.equalsExact(rotated))
        XCTAssertTrue(try a.normalized().equalsExact(rotated.normalized()))
        XCTAssertFalse(try a.equalsExact(nudged, tolerance: 0.01))
        XCTAssertTrue(try a.equalsExact(nudged, tolerance: 0.1))
    }

    func testBadRelatePatternIsRejected() throws {
        let a = try geometry(Self.square)
        XCTAssertThrowsError(try a.relate(a, pattern: "T*F")) { error in
            guard case GEOSError.invalidInput = error else { return XCTFail("unexpected \(error)") }
        }
    }
}
