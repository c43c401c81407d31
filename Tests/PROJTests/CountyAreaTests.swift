import Foundation
import GeoCore
import PROJ
import XCTest

/// Geodesic area of a real, repaired county ring (涪城区 510703).
///
/// Fixture and value: `python3 Tests/Reference/proj_reference.py` writes
/// Tests/Fixtures/proj/fucheng_ring.txt (exterior ring of the largest polygon of
/// shapely.make_valid(涪城区), 720 vertices, clockwise) and prints
/// "fixture ring: area=557289792.6449208 m2 perimeter=145899.42110631606 m".
final class CountyAreaTests: PROJTestCase {
    func testFuchengRingAreaMatchesPyproj() throws {
        let ringSequence = try loadRing()
        XCTAssertEqual(ringSequence.count, 720)
        let polygon = Polygon(exterior: ringSequence)
        assertRelative(Geodesic.grs80.area(of: polygon), 557_289_792.6449208, 1e-9)
        assertRelative(Geodesic.grs80.perimeter(of: polygon), 145_899.42110631606, 1e-9)
    }

    private func loadRing() throws -> CoordinateSequence {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/proj/fucheng_ring.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var storage: [Double] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            let lon = try XCTUnwrap(Double(fields[0])), lat = try XCTUnwrap(Double(fields[1]))
            storage += [lon, lat]
        }
        return CoordinateSequence(storage: storage)
    }
}
