import GeoCore
import LayoutAnalysis
import XCTest

/// Issue "results get a home", defect 2: the public point-pattern entry points throw a
/// typed error on unusable input instead of trapping (before: SIGILL in PointGridIndex
/// for `--radii 4e-324`, whose grid cell rMin/8 underflows to 0).
final class InvalidInputTests: XCTestCase {
    let xy: [Double] = [0, 0, 10, 0, 0, 10, 10, 10]

    func testRipleyKRejectsUnusableRadiiAndCoordinates() {
        for radii in [[4e-324], [0], [-5], [Double.nan], [Double.infinity], [100, 0.0001]] {
            XCTAssertThrowsError(try RipleyK.pairCounts(coordinates: xy, radii: radii), "\(radii)") { error in
                XCTAssertTrue("\(error)".contains("radius"), "\(error)")
            }
        }
        XCTAssertThrowsError(try RipleyK.k(coordinates: [0, 0, .nan, 1], radii: [5], area: 100)) { error in
            XCTAssertTrue("\(error)".contains("not a finite number"), "\(error)")
        }
        // Hand count on the 10 m square: 4 sides of 10 m, 2 diagonals of 14.142 m; d < r is strict.
        XCTAssertEqual(try RipleyK.pairCounts(coordinates: xy, radii: [10, 10.5, 14.1, 14.2]), [0, 4, 4, 6])
    }

    func testDBSCANRejectsNonFiniteCoordinatesAndTinyEps() {
        XCTAssertThrowsError(try DBSCAN(coordinates: [0, 0, .infinity, 1], eps: 5, minPoints: 1))
        XCTAssertThrowsError(try DBSCAN(coordinates: xy, eps: 4e-324, minPoints: 1))
        XCTAssertEqual(try DBSCAN(coordinates: xy, eps: 10, minPoints: 3).clusterCount, 1)
    }
}
