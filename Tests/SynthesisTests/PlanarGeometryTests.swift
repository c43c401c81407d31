import Synthesis
import XCTest

final class PlanarGeometryTests: XCTestCase {
    let square = [PlanarPoint(0, 0), PlanarPoint(10, 0), PlanarPoint(10, 10), PlanarPoint(0, 10)]

    func testPointInPolygonAndArea() {
        XCTAssertTrue(PlanarRing.contains(square, PlanarPoint(5, 5)))
        XCTAssertFalse(PlanarRing.contains(square, PlanarPoint(11, 5)))
        XCTAssertEqual(PlanarRing.signedArea(square), 100)  // 10 × 10, CCW → positive
        XCTAssertEqual(PlanarRing.signedArea(square.reversed()), -100)
    }

    func testRingContainmentRejectsCrossingRing() {
        let inner = [PlanarPoint(2, 2), PlanarPoint(4, 2), PlanarPoint(4, 4), PlanarPoint(2, 4)]
        XCTAssertTrue(PlanarRing.polygonContainsRing([square], inner))
        let crossing = [PlanarPoint(8, 2), PlanarPoint(12, 2), PlanarPoint(12, 4), PlanarPoint(8, 4)]
        XCTAssertFalse(PlanarRing.polygonContainsRing([square], crossing))
        // A U-shaped outer ring whose notch cuts through a rectangle with all four corners inside.
        let u = [PlanarPoint(0, 0), PlanarPoint(10, 0), PlanarPoint(10, 10), PlanarPoint(6, 10), PlanarPoint(6, 3),
                 PlanarPoint(4, 3), PlanarPoint(4, 10), PlanarPoint(0, 10)]
        let bar = [PlanarPoint(1, 5), PlanarPoint(9, 5), PlanarPoint(9, 6), PlanarPoint(1, 6)]
        XCTAssertFalse(PlanarRing.polygonContainsRing([u], bar))
    }

    func testConvexIntersectionArea() {
        let shifted = square.map { PlanarPoint($0.x + 6, $0.y + 3) }
        // Overlap [6,10] × [3,10] = 4 × 7 = 28.
        XCTAssertEqual(ConvexClip.intersectionArea(square, shifted), 28, accuracy: 1e-9)
        let far = square.map { PlanarPoint($0.x + 20, $0.y) }
        XCTAssertEqual(ConvexClip.intersectionArea(square, far), 0)
    }

    func testLocalFrameScale() {
        // At 60°N a degree of longitude is half a degree of latitude (cos 60° = 0.5).
        let f = LocalFrame(longitude: 10, latitude: 60)
        XCTAssertEqual(f.metresPerDegreeLongitude / f.metresPerDegreeLatitude, 0.5, accuracy: 1e-12)
        // 6 371 008.8 · π / 180 = 111 195.08 m per degree of latitude.
        XCTAssertEqual(f.metresPerDegreeLatitude, 111_195.08, accuracy: 0.01)
        let p = PlanarPoint(1234, -5678)
        let back = f.metres(f.lonLat(p))
        XCTAssertEqual(back.x, p.x, accuracy: 1e-6)
        XCTAssertEqual(back.y, p.y, accuracy: 1e-6)
    }

    func testOrientedRectCornersAreCounterClockwise() {
        let r = OrientedRect(centre: PlanarPoint(100, 50), width: 40, height: 20, angle: 0.3)
        XCTAssertEqual(PlanarRing.signedArea(r.corners), 800, accuracy: 1e-9)
        XCTAssertTrue(r.contains(PlanarPoint(100, 50)))
        let l = r.local(r.point(u: 7, v: -3))
        XCTAssertEqual(l.x, 7, accuracy: 1e-9)
        XCTAssertEqual(l.y, -3, accuracy: 1e-9)
    }
}
