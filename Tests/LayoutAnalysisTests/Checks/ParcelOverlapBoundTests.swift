import GeoCore
@testable import LayoutAnalysis
import PROJ
import XCTest

/// `ParcelOverlapRule.envelopeOverlapBound` may only skip pairs that cannot overlap by more than the
/// threshold: it must never be below the GRS80 area (PROJ geodesic) of the shared box, anywhere on Earth.
final class ParcelOverlapBoundTests: XCTestCase {
    private func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> BoundingBox {
        BoundingBox(minX: x0, minY: y0, maxX: x1, maxY: y1)
    }

    private func ring(_ b: BoundingBox) -> Geometry {
        .polygon(Polygon(exterior: CoordinateSequence(xy: [(b.minX, b.minY), (b.maxX, b.minY), (b.maxX, b.maxY), (b.minX, b.maxY), (b.minX, b.minY)])))
    }

    func testBoundIsAtLeastTheGeodesicAreaAndClose() {
        for lat in [-89.9, -60.0, -0.0005, 0.0, 31.4, 52.5, 75.0, 89.9] {
            for size in [1e-6, 1e-4, 1e-2] {
                let a = box(10, lat, 10 + 2 * size, lat + 2 * size), b = box(10 + size, lat - size, 10 + 3 * size, lat + size)
                let shared = box(10 + size, lat, 10 + 2 * size, lat + size)
                let exact = Geodesic.grs80.area(of: ring(shared))
                let bound = ParcelOverlapRule.envelopeOverlapBound(a, b)
                XCTAssertGreaterThanOrEqual(bound, exact, "lat \(lat) size \(size)")
                // Tight away from the poles (there the cosine varies across even a small box).
                if abs(lat) < 80 { XCTAssertLessThan(bound, exact * 1.02 + 1e-9, "lat \(lat) size \(size): the bound should stay tight") }
            }
        }
    }

    func testBoxesSharingOnlyAnEdgeOrCornerHaveZeroBound() {
        XCTAssertEqual(ParcelOverlapRule.envelopeOverlapBound(box(0, 0, 1, 1), box(1, 0, 2, 1)), 0)
        XCTAssertEqual(ParcelOverlapRule.envelopeOverlapBound(box(0, 0, 1, 1), box(1, 1, 2, 2)), 0)
        XCTAssertEqual(ParcelOverlapRule.envelopeOverlapBound(box(0, 0, 1, 1), box(3, 3, 4, 4)), 0)
    }
}
