import GeoCore
import PROJ
import XCTest

/// Expected values: `python3 Tests/Reference/proj_reference.py` (pyproj 3.7.2 with its own
/// PROJ 9.5.1, `Geod(ellps="GRS80")`), section "geodesic area / perimeter" unless noted.
final class GeodesicTests: PROJTestCase {
    let geod = Geodesic.grs80

    // 1°×1° cell lon 104–105, lat 31–32:
    // "cell 104-105E 31-32N ccw: area=10533592045.869629 perimeter=411752.96733942674"
    let cellArea = 10_533_592_045.869629
    let cellPerimeter = 411_752.96733942674

    func testOneDegreeCellAreaAndPerimeter() {
        let cell = Polygon(exterior: ring([(104, 31), (105, 31), (105, 32), (104, 32)]))
        assertRelative(geod.area(of: cell), cellArea, 1e-9)
        assertRelative(geod.perimeter(of: cell), cellPerimeter, 1e-9)
    }

    func testAreaIgnoresOrientationAndClosingVertex() {
        // Clockwise, given without the closing vertex:
        // "cell ... cw (polygon_area_perimeter): area=-10533592045.869629" → |area| expected.
        let clockwiseOpen = CoordinateSequence(xy: [(104, 31), (104, 32), (105, 32), (105, 31)])
        assertRelative(geod.ringArea(clockwiseOpen), cellArea, 1e-9)
        assertRelative(geod.area(of: Polygon(exterior: clockwiseOpen)), cellArea, 1e-9)
    }

    func testPolygonWithHoleSubtractsHoleWhateverItsOrientation() {
        // "square with hole: area=2428850103.713196 perimeter=206126.9850087478"
        // "|outer|=2640292962.3910217 |hole|=211442858.67782593"
        // "perimeters (polygon_area_perimeter): outer=206126.9850087478 hole=60316.1664784138
        //  sum=266443.15148716164" — our perimeter counts the holes too (OGC), pyproj's
        //  geometry_area_perimeter only the exterior, so the sum is the reference.
        let outer = ring([(104.0, 31.0), (104.5, 31.0), (104.5, 31.5), (104.0, 31.5)])
        let hole = ring([(104.1, 31.1), (104.1, 31.2), (104.3, 31.2), (104.3, 31.1)])
        let polygon = Polygon(exterior: outer, holes: [hole])
        assertRelative(geod.area(of: polygon), 2_428_850_103.713196, 1e-9)
        assertRelative(geod.perimeter(of: polygon), 266_443.15148716164, 1e-9)
        assertRelative(geod.perimeter(of: Polygon(exterior: outer)), 206_126.9850087478, 1e-9)
        assertRelative(geod.ringArea(hole), 211_442_858.67782593, 1e-9)
        // Same hole the other way round: the area does not change.
        let flipped = Polygon(exterior: outer.reversed(), holes: [hole.reversed()])
        assertRelative(geod.area(of: flipped), 2_428_850_103.713196, 1e-9)
    }

    func testTriangleAndSouthernHemisphere() {
        // "triangle Beijing: area=166061572.7329483 perimeter=60483.76573279951"
        let triangle = Polygon(exterior: ring([(116.3, 39.9), (116.5, 39.95), (116.4, 40.1)]))
        assertRelative(geod.area(of: triangle), 166_061_572.7329483, 1e-9)
        assertRelative(geod.perimeter(of: triangle), 60_483.76573279951, 1e-9)
        // "Sydney box: area=923873167.4151154 perimeter=122079.7111426561"
        let sydney = Polygon(exterior: ring([(151.0, -34.0), (151.3, -34.0), (151.3, -33.7), (151.0, -33.7)]))
        assertRelative(geod.area(of: sydney), 923_873_167.4151154, 1e-9)
        assertRelative(geod.perimeter(of: sydney), 122_079.7111426561, 1e-9)
    }

    func testGeometryAreaSumsPolygonsAndIgnoresOtherTypes() {
        let cell = Polygon(exterior: ring([(104, 31), (105, 31), (105, 32), (104, 32)]))
        let triangle = Polygon(exterior: ring([(116.3, 39.9), (116.5, 39.95), (116.4, 40.1)]))
        let multi = Geometry.multiPolygon([cell, triangle])
        assertRelative(geod.area(of: multi), cellArea + 166_061_572.7329483, 1e-9)
        let line = Geometry.lineString(CoordinateSequence(xy: [(104, 31), (105, 32)]))
        XCTAssertEqual(geod.area(of: line), 0)
        XCTAssertEqual(geod.area(of: .point(Position(104, 31))), 0)
        XCTAssertEqual(geod.perimeter(of: line), 0)
        let collection = Geometry.geometryCollection([line, .polygon(cell)])
        assertRelative(geod.area(of: collection), cellArea, 1e-9)
        XCTAssertEqual(geod.area(of: Polygon(rings: [])), 0)
    }

    func testInverseDistanceMianyangChengdu() {
        // Section "inverse distance (Geod.inv)": "Mianyang (104.7,31.45) -> Chengdu (104.06,30.67):
        // dist=105876.3074517496 az12=-144.59894280104902 az21=35.07084832626566"
        // (pyproj's az21 is the back azimuth, i.e. azimuth2 − 180°.)
        let a = Position(104.7, 31.45), b = Position(104.06, 30.67)
        let r = geod.inverse(from: a, to: b)
        assertRelative(r.distance, 105_876.3074517496, 1e-9)
        XCTAssertEqual(r.azimuth1, -144.59894280104902, accuracy: 1e-9)
        XCTAssertEqual(r.azimuth2, 35.07084832626566 - 180, accuracy: 1e-9)
        assertRelative(geod.distance(from: a, to: b), 105_876.3074517496, 1e-9)
        // "Berlin -> Sydney: dist=16088812.451580968"
        assertRelative(geod.distance(from: Position(13.4, 52.5), to: Position(151.2, -33.87)), 16_088_812.451580968, 1e-9)
    }

    func testPolylineLength() {
        // "polyline length Mianyang-Chengdu-(103.5,30.0): 197617.82858923473" (Geod.line_length)
        let line = CoordinateSequence(xy: [(104.7, 31.45), (104.06, 30.67), (103.5, 30.0)])
        assertRelative(geod.length(of: line), 197_617.82858923473, 1e-9)
    }

    func testHeightsAreIgnored() {
        let flat = ring([(104, 31), (105, 31), (105, 32), (104, 32)])
        let withZ = CoordinateSequence(flat.positions.map { Position($0.x, $0.y, 1234) })
        XCTAssertEqual(geod.ringArea(withZ), geod.ringArea(flat))
    }
}
