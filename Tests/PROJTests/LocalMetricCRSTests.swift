import GeoCore
import PROJ
import XCTest

/// The EPSG code ↔ central meridian table is checked against proj.db itself (through
/// `CoordinateReferenceSystem(epsg:)`), and matches pyproj's proj.db:
/// `python3 Tests/Reference/proj_reference.py`, section "CGCS2000 3-degree GK CM zones in proj.db",
/// prints "EPSG:4534 lon_0=75 x_0=500000 CGCS2000 / 3-degree Gauss-Kruger CM 75E" … "EPSG:4554 lon_0=135 …".
final class LocalMetricCRSTests: PROJTestCase {
    private func box(_ lon: Double, _ lat: Double, halfWidth: Double = 0.2) -> BoundingBox {
        BoundingBox(minX: lon - halfWidth, minY: lat - halfWidth, maxX: lon + halfWidth, maxY: lat + halfWidth)
    }

    func testChineseCitiesGetTheirGaussKrugerZone() throws {
        // Mianyang's nine counties span about 103.7–105.7°E, 30.7–33.0°N: centre 104.7°E → CM 105 → 4544.
        let mianyang = BoundingBox(minX: 103.7, minY: 30.7, maxX: 105.7, maxY: 33.0)
        XCTAssertEqual(try LocalMetricCRS.forExtent(mianyang).epsg, 4544)
        XCTAssertEqual(try LocalMetricCRS.forExtent(mianyang).name, "CGCS2000 / 3-degree Gauss-Kruger CM 105E")
        // Ürümqi 87.6°E → CM 87 → 4534 + (87 − 75)/3 = 4538; Harbin 126.6°E → CM 126 → 4551.
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(87.6, 43.8)).epsg, 4538)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(126.6, 45.75)).epsg, 4551)
    }

    func testElsewhereUTM() throws {
        // Berlin 13.4°E: zone ⌊(13.4 + 180)/6⌋ + 1 = 33, north → 32633. Sydney 151.2°E, 33.87°S: zone 56 south → 32756.
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(13.4, 52.5)).epsg, 32633)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(13.4, 52.5)).name, "WGS 84 / UTM zone 33N")
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(151.2, -33.87)).epsg, 32756)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(151.2, -33.87)).name, "WGS 84 / UTM zone 56S")
        // Exceptions: Bergen (5.3°E, 60.4°N) is in 32V not 31V; Longyearbyen (15.6°E, 78.2°N) in 33X.
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(5.3, 60.4)).epsg, 32632)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(15.6, 78.2)).epsg, 32633)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(8.0, 78.2)).epsg, 32631)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(-122.4, 37.8)).epsg, 32610)  // San Francisco
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(180.0, 10)).epsg, 32601, "180°E wraps to −180°")
    }

    func testBoundariesAtHalfZone() throws {
        // CM 105 serves 103.5 ≤ λ < 106.5 (ties go east, zone n = ⌊(λ + 1.5)/3⌋).
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(103.4999, 31)).epsg, 4543)  // CM 102
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(103.5, 31)).epsg, 4544)     // CM 105
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(106.4999, 31)).epsg, 4544)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(106.5, 31)).epsg, 4545)     // CM 108
        // The China rectangle: 73.66°E is inside (CM 75, the westernmost CRS); 73.65°E is not (UTM 43N).
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(73.66, 39.5, halfWidth: 0)).epsg, 4534)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(73.65, 39.5, halfWidth: 0)).epsg, 32643)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(135.05, 48, halfWidth: 0)).epsg, 4554)
        XCTAssertEqual(try LocalMetricCRS.forExtent(box(104, 53.56, halfWidth: 0)).epsg, 32648)
    }

    func testEveryGaussKrugerCodeMatchesProjDB() throws {
        for cm in stride(from: 75, through: 135, by: 3) {
            let epsg = LocalMetricCRS.gaussKrugerEPSG(centralMeridian: cm)
            let crs = try CoordinateReferenceSystem(epsg: epsg)
            XCTAssertEqual(crs.name, "CGCS2000 / 3-degree Gauss-Kruger CM \(cm)E")
            let proj = try crs.projString()
            XCTAssertTrue(proj.contains("+lon_0=\(cm) "), proj)
            XCTAssertTrue(proj.contains("+x_0=500000 "), "no zone prefix: \(proj)")
            XCTAssertEqual(try LocalMetricCRS.forExtent(box(Double(cm) - 0.3, 35)).epsg, epsg)
            XCTAssertEqual(try LocalMetricCRS.forExtent(box(Double(cm) - 0.3, 35)).name, crs.name)
        }
    }

    func testChosenCRSIsUsable() throws {
        let crs = try LocalMetricCRS.crs(forExtent: box(13.4, 52.5))
        XCTAssertEqual(crs.name, "WGS 84 / UTM zone 33N")
        XCTAssertTrue(crs.isProjected)
    }

    func testBadExtentsThrow() {
        XCTAssertThrowsError(try LocalMetricCRS.forExtent(.empty))
        XCTAssertThrowsError(try LocalMetricCRS.forExtent(BoundingBox(minX: .nan, minY: 0, maxX: 1, maxY: 1)))
        XCTAssertThrowsError(try LocalMetricCRS.forExtent(BoundingBox(minX: 0, minY: 0, maxX: .infinity, maxY: 1)))
    }
}
