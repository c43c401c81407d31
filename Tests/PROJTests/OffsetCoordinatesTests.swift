import GeoCore
import PROJ
import XCTest

/// Expected values: `python3 Tests/Reference/proj_reference.py`, section "GCJ-02 / BD-09": an
/// independent Python transcription of the public formulas, which agrees exactly (0.000e+00)
/// with PyPI `coord-convert` 0.2.1 and to ~1e-7° with `eviltransform` 0.1.1 (it uses a = 6378137).
final class OffsetCoordinatesTests: PROJTestCase {
    struct Sample { let name: String; let wgs: (Double, Double); let gcj: (Double, Double); let bd: (Double, Double) }

    let samples = [
        // "Beijing Tiananmen wgs=(116.397428, 39.90923) gcj=(116.40367162595768, 39.91063350638631)
        //  bd=(116.41004410170474, 39.916972856075134)"
        Sample(name: "Beijing", wgs: (116.397428, 39.90923), gcj: (116.40367162595768, 39.91063350638631),
               bd: (116.41004410170474, 39.916972856075134)),
        // "Mianyang wgs=(104.7, 31.45) gcj=(104.70268026669565, 31.447757695588084) bd=(104.7092812502745, 31.45344894862648)"
        Sample(name: "Mianyang", wgs: (104.7, 31.45), gcj: (104.70268026669565, 31.447757695588084),
               bd: (104.7092812502745, 31.45344894862648)),
        // "Shanghai wgs=(121.4737, 31.2304) gcj=(121.47822305927693, 31.22845773757727) bd=(121.484781468503, 31.234310593689997)"
        Sample(name: "Shanghai", wgs: (121.4737, 31.2304), gcj: (121.47822305927693, 31.22845773757727),
               bd: (121.484781468503, 31.234310593689997)),
        // "Guangzhou wgs=(113.2644, 23.1291) gcj=(113.26972959210308, 23.126423339922844) bd=(113.27615075157122, 23.13271125723948)"
        Sample(name: "Guangzhou", wgs: (113.2644, 23.1291), gcj: (113.26972959210308, 23.126423339922844),
               bd: (113.27615075157122, 23.13271125723948)),
        // "Urumqi wgs=(87.6168, 43.8256) gcj=(87.61964994946926, 43.82680539311119) bd=(87.62609977081571, 43.83294979479328)"
        Sample(name: "Urumqi", wgs: (87.6168, 43.8256), gcj: (87.61964994946926, 43.82680539311119),
               bd: (87.62609977081571, 43.83294979479328)),
        // "Harbin wgs=(126.535, 45.8038) gcj=(126.54104035015793, 45.80578152514843) bd=(126.54765921413988, 45.81139582294028)"
        Sample(name: "Harbin", wgs: (126.535, 45.8038), gcj: (126.54104035015793, 45.80578152514843),
               bd: (126.54765921413988, 45.81139582294028)),
    ]

    func testForwardFormulasMatchReference() {
        for s in samples {
            let g = OffsetCoordinates.wgs84ToGCJ02(lon: s.wgs.0, lat: s.wgs.1)
            XCTAssertEqual(g.lon, s.gcj.0, accuracy: 1e-11, s.name)
            XCTAssertEqual(g.lat, s.gcj.1, accuracy: 1e-11, s.name)
            let b = OffsetCoordinates.wgs84ToBD09(lon: s.wgs.0, lat: s.wgs.1)
            XCTAssertEqual(b.lon, s.bd.0, accuracy: 1e-11, s.name)
            XCTAssertEqual(b.lat, s.bd.1, accuracy: 1e-11, s.name)
            let gb = OffsetCoordinates.gcj02ToBD09(lon: s.gcj.0, lat: s.gcj.1)
            XCTAssertEqual(gb.lon, s.bd.0, accuracy: 1e-11, s.name)
            XCTAssertEqual(gb.lat, s.bd.1, accuracy: 1e-11, s.name)
        }
    }

    func testInversesRecoverThePublishedPairs() {
        for s in samples {
            let w = OffsetCoordinates.gcj02ToWGS84(lon: s.gcj.0, lat: s.gcj.1)
            XCTAssertEqual(w.lon, s.wgs.0, accuracy: 1e-9, s.name)
            XCTAssertEqual(w.lat, s.wgs.1, accuracy: 1e-9, s.name)
            let fromBD = OffsetCoordinates.bd09ToWGS84(lon: s.bd.0, lat: s.bd.1)
            XCTAssertEqual(fromBD.lon, s.wgs.0, accuracy: 1e-9, s.name)
            XCTAssertEqual(fromBD.lat, s.wgs.1, accuracy: 1e-9, s.name)
        }
    }

    func testRoundTripsOnAGridAcrossChina() {
        var worst = 0.0
        var lon = 74.0
        while lon <= 135 {
            var lat = 4.0
            while lat <= 53.5 {
                let g = OffsetCoordinates.wgs84ToGCJ02(lon: lon, lat: lat)
                let w = OffsetCoordinates.gcj02ToWGS84(lon: g.lon, lat: g.lat)
                let b = OffsetCoordinates.wgs84ToBD09(lon: lon, lat: lat)
                let wb = OffsetCoordinates.bd09ToWGS84(lon: b.lon, lat: b.lat)
                let gb = OffsetCoordinates.bd09ToGCJ02(lon: OffsetCoordinates.gcj02ToBD09(lon: g.lon, lat: g.lat).lon,
                                                       lat: OffsetCoordinates.gcj02ToBD09(lon: g.lon, lat: g.lat).lat)
                worst = max(worst, abs(w.lon - lon), abs(w.lat - lat), abs(wb.lon - lon), abs(wb.lat - lat),
                            abs(gb.lon - g.lon), abs(gb.lat - g.lat))
                XCTAssertNotEqual(g.lon, lon, "inside China the offset applies")
                lat += 0.7
            }
            lon += 0.9
        }
        XCTAssertLessThanOrEqual(worst, 1e-9)
    }

    func testOutsideChinaIsUnchanged() {
        for (lon, lat) in [(13.4, 52.5), (139.69, 35.68), (73.65, 39.5), (104.0, 53.56), (-122.4, 37.8), (151.2, -33.87)] {
            for f in [OffsetCoordinates.wgs84ToGCJ02, OffsetCoordinates.gcj02ToWGS84, OffsetCoordinates.wgs84ToBD09,
                      OffsetCoordinates.bd09ToWGS84, OffsetCoordinates.gcj02ToBD09, OffsetCoordinates.bd09ToGCJ02] {
                let p = f(lon, lat)
                XCTAssertEqual(p.lon, lon)
                XCTAssertEqual(p.lat, lat)
            }
        }
    }

    func testBeijingOffsetIsAFewHundredMetres() {
        // "GCJ-02 offset at Tiananmen: 556.1463813447605 m", "BD-09 offset at Tiananmen: 1379.3850600415294 m"
        // (pyproj Geod(ellps="GRS80").inv between the WGS84 and the shifted point).
        let wgs = Position(116.397428, 39.90923)
        let gcj = Datum.gcj02.fromWGS84(wgs)
        let bd = Datum.bd09.fromWGS84(wgs)
        let gcjShift = Geodesic.grs80.distance(from: wgs, to: gcj)
        assertRelative(gcjShift, 556.1463813447605, 1e-9)
        XCTAssertTrue((100...1000).contains(gcjShift))
        assertRelative(Geodesic.grs80.distance(from: wgs, to: bd), 1379.3850600415294, 1e-9)
    }

    func testDatumOnSequencesAndGeometriesKeepsHeights() {
        let sequence = CoordinateSequence([Position(104.7, 31.45, 500), Position(116.397428, 39.90923, 44)])
        let shifted = Datum.gcj02.fromWGS84(sequence)
        XCTAssertTrue(shifted.hasZ)
        XCTAssertEqual(shifted[0].x, 104.70268026669565, accuracy: 1e-11)
        XCTAssertEqual(shifted[1].y, 39.91063350638631, accuracy: 1e-11)
        XCTAssertEqual(shifted[0].z, 500)
        let back = Datum.gcj02.toWGS84(shifted)
        for i in 0..<2 {
            XCTAssertEqual(back[i].x, sequence[i].x, accuracy: 1e-9)
            XCTAssertEqual(back[i].y, sequence[i].y, accuracy: 1e-9)
        }
        let polygon = Geometry.polygon(Polygon(exterior: ring([(104.7, 31.45), (104.8, 31.45), (104.8, 31.55)])))
        let bd = Datum.bd09.fromWGS84(polygon)
        guard case .polygon(let p) = Datum.bd09.toWGS84(bd), let ringBack = p.exterior,
              case .polygon(let original) = polygon, let ring0 = original.exterior else { return XCTFail("shape") }
        for i in 0..<ring0.count {
            XCTAssertEqual(ringBack[i].x, ring0[i].x, accuracy: 1e-9)
            XCTAssertEqual(ringBack[i].y, ring0[i].y, accuracy: 1e-9)
        }
        XCTAssertEqual(Datum.wgs84.toWGS84(polygon), polygon)
        guard case .point(let pt) = Datum.gcj02.fromWGS84(Geometry.point(Position(104.7, 31.45))) else { return XCTFail("point") }
        XCTAssertEqual(pt.x, 104.70268026669565, accuracy: 1e-11)
    }

    func testDatumNames() {
        XCTAssertEqual(Datum(name: "GCJ-02"), .gcj02)
        XCTAssertEqual(Datum(name: "bd09"), .bd09)
        XCTAssertEqual(Datum(name: "WGS84"), .wgs84)
        XCTAssertNil(Datum(name: "nad27"))
    }

    func testNonFiniteInputDoesNotCrash() {
        let p = OffsetCoordinates.gcj02ToWGS84(lon: .nan, lat: 31)
        XCTAssertTrue(p.lon.isNaN)
    }
}
