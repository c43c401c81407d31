import GeoCore
import PROJ
import XCTest

/// Expected values: `python3 Tests/Reference/proj_reference.py`, section "transformations"
/// (pyproj 3.7.2 / PROJ 9.5.1, `Transformer.from_crs(src, dst, always_xy=True)`).
final class TransformerTests: PROJTestCase {
    // "4326->4544 (104.7, 31.45): (471484.0875568798, 3480906.278892931)"
    let mianyang4544 = (x: 471_484.0875568798, y: 3_480_906.278892931)

    func testWGS84ToCGCS2000GaussKrugerAndBack() throws {
        let t = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
        let p = try t.transform(Position(104.7, 31.45))
        XCTAssertEqual(p.x, mianyang4544.x, accuracy: 1e-6)
        XCTAssertEqual(p.y, mianyang4544.y, accuracy: 1e-6)
        XCTAssertNil(p.z)
        // "4544->4326 back: (104.7, 31.44999999999999)"
        let back = try t.inverse.transform(p)
        XCTAssertEqual(back.x, 104.7, accuracy: 1e-9)
        XCTAssertEqual(back.y, 31.45, accuracy: 1e-9)
        XCTAssertEqual(t.inverse.source, t.target)
        XCTAssertEqual(t.inverse.inverse, t)
    }

    func testUTMNorthAndSouth() throws {
        // "4326->32633 Berlin (13.4, 52.5): (391390.73133995204, 5817855.24081733)"
        let berlin = try Transformer(from: .wgs84, to: CoordinateReferenceSystem("EPSG:32633")).transform(Position(13.4, 52.5))
        XCTAssertEqual(berlin.x, 391_390.73133995204, accuracy: 1e-6)
        XCTAssertEqual(berlin.y, 5_817_855.24081733, accuracy: 1e-6)
        // "4326->32756 Sydney (151.2, -33.87): (333510.65008074325, 6250800.241183555)"
        let sydney = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 32756)).transform(Position(151.2, -33.87))
        XCTAssertEqual(sydney.x, 333_510.65008074325, accuracy: 1e-6)
        XCTAssertEqual(sydney.y, 6_250_800.241183555, accuracy: 1e-6)
    }

    func testAxisOrderIsLonLatEvenForEPSG4326() throws {
        // EPSG:4326's authority order is (lat, lon). pyproj without always_xy, fed (31.45, 104.7),
        // gives "(471495.49392198195, 3479513.916479931)" for EPSG:32648; we must get the same from
        // (104.7, 31.45). Feeding (lat, lon) instead must give something else entirely.
        let t = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 32648))
        let p = try t.transform(Position(104.7, 31.45))
        XCTAssertEqual(p.x, 471_495.49392198195, accuracy: 1e-6)
        XCTAssertEqual(p.y, 3_479_513.916479931, accuracy: 1e-6)
        let swapped = try? t.transform(Position(31.45, 104.7))
        XCTAssertNotEqual(swapped?.x ?? 0, p.x, accuracy: 1000)
        // The same through a URN, whose authority order is also (lat, lon).
        let urn = try Transformer(from: CoordinateReferenceSystem("urn:ogc:def:crs:EPSG::4326"),
                                  to: CoordinateReferenceSystem("urn:ogc:def:crs:EPSG::32648"))
        let q = try urn.transform(Position(104.7, 31.45))
        XCTAssertEqual(q.x, p.x, accuracy: 1e-9)
        XCTAssertEqual(q.y, p.y, accuracy: 1e-9)
        // And from OGC CRS84, whose authority order is already (lon, lat): normalisation leaves it.
        let crs84 = try Transformer(from: CoordinateReferenceSystem("urn:ogc:def:crs:OGC:1.3:CRS84"),
                                    to: CoordinateReferenceSystem(epsg: 32648))
        let r = try crs84.transform(Position(104.7, 31.45))
        XCTAssertEqual(r.x, p.x, accuracy: 1e-9)
        XCTAssertEqual(r.y, p.y, accuracy: 1e-9)
    }

    func testWKTPROJStringAndPROJJSONGiveTheSameResult() throws {
        let epsg = try CoordinateReferenceSystem(epsg: 4544)
        let viaWKT = try CoordinateReferenceSystem(epsg.wkt())
        let viaJSON = try CoordinateReferenceSystem(epsg.projJSON())
        // The PROJ string pyproj prints: "+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0
        // +ellps=GRS80 +units=m +no_defs +type=crs" (given here without +type=crs on purpose).
        let viaPROJ = try CoordinateReferenceSystem("+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
        XCTAssertEqual(viaWKT.epsgCode, 4544)
        XCTAssertEqual(viaJSON.epsgCode, 4544)
        XCTAssertNil(viaPROJ.epsgCode)
        XCTAssertTrue(viaPROJ.isProjected)
        for target in [viaWKT, viaJSON, viaPROJ] {
            let p = try Transformer(from: .wgs84, to: target).transform(Position(104.7, 31.45))
            XCTAssertEqual(p.x, mianyang4544.x, accuracy: 1e-6, target.definition.prefix(40).description)
            XCTAssertEqual(p.y, mianyang4544.y, accuracy: 1e-6, target.definition.prefix(40).description)
        }
    }

    func testWholeGeometryWithHeights() throws {
        // "4979->4978 (104.7, 31.45, 500.0): (-1382106.1525806037, 5268275.302638158, 3308819.693908749)"
        // "4979->4978 (104.8, 31.45, 520.0): (-1391303.2762322363, 5265871.545384819, 3308830.1289946884)"
        // "4979->4978 (104.8, 31.55, 480.0): (-1389814.5573745596, 5260236.970662227, 3318263.883872108)"
        let expected: [(Double, Double, Double)] = [
            (-1_382_106.1525806037, 5_268_275.302638158, 3_308_819.693908749),
            (-1_391_303.2762322363, 5_265_871.545384819, 3_308_830.1289946884),
            (-1_389_814.5573745596, 5_260_236.970662227, 3_318_263.883872108),
        ]
        let input = [Position(104.7, 31.45, 500), Position(104.8, 31.45, 520), Position(104.8, 31.55, 480), Position(104.7, 31.45, 500)]
        let polygon = Geometry.polygon(Polygon(exterior: CoordinateSequence(input)))
        let t = try Transformer(from: CoordinateReferenceSystem(epsg: 4979), to: CoordinateReferenceSystem(epsg: 4978))
        guard case .polygon(let out) = try t.transform(polygon), let ring = out.exterior else {
            return XCTFail("not a polygon")
        }
        XCTAssertTrue(ring.hasZ)
        XCTAssertEqual(ring.count, 4)
        for (i, e) in expected.enumerated() {
            XCTAssertEqual(ring[i].x, e.0, accuracy: 1e-6)
            XCTAssertEqual(ring[i].y, e.1, accuracy: 1e-6)
            XCTAssertEqual(ring[i].z ?? .nan, e.2, accuracy: 1e-6)
        }
        XCTAssertEqual(ring[3], ring[0])
        // And back: lon/lat/h within 1e-9° and 1e-6 m.
        let back = try t.inverse.transform(ring)
        for (i, p) in input.enumerated() {
            XCTAssertEqual(back[i].x, p.x, accuracy: 1e-9)
            XCTAssertEqual(back[i].y, p.y, accuracy: 1e-9)
            XCTAssertEqual(back[i].z ?? .nan, p.z ?? 0, accuracy: 1e-6)
        }
    }

    func testGeometryKindsKeepTheirShape() throws {
        let t = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
        let point = try t.transform(Geometry.point(Position(104.7, 31.45)))
        guard case .point(let p) = point else { return XCTFail("not a point") }
        XCTAssertEqual(p.x, mianyang4544.x, accuracy: 1e-6)
        let collection = Geometry.geometryCollection([
            .lineString(CoordinateSequence(xy: [(104.7, 31.45), (104.8, 31.5)])),
            .multiPoint(CoordinateSequence(xy: [(104.7, 31.45)])),
        ])
        let out = try t.transform(collection)
        XCTAssertEqual(out.positionCount, 3)
        XCTAssertEqual(try t.transform(CoordinateSequence(storage: [])).count, 0)
    }

    func testFailingPositionIsReportedWithItsIndex() throws {
        // Latitude 95° does not exist: PROJ marks that position HUGE_VAL.
        let t = try Transformer(from: .wgs84, to: CoordinateReferenceSystem(epsg: 4544))
        let line = Geometry.multiLineString([
            CoordinateSequence(xy: [(104.7, 31.45), (104.8, 31.5)]),
            CoordinateSequence(xy: [(104.7, 31.45), (104.7, 95.0), (104.8, 31.5)]),
        ])
        XCTAssertThrowsError(try t.transform(line)) { error in
            guard case PROJError.positionFailed(let index, let code, let message) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(index, 3, "index counts positions over the whole geometry")
            XCTAssertNotEqual(code, 0)
            XCTAssertFalse(message.isEmpty)
        }
        // NaN input is rejected too, never returned as a number.
        XCTAssertThrowsError(try t.transform(Position(.nan, 31.45)))
    }

    func testImpossibleTransformationThrows() throws {
        // Earth to Mars: `projinfo -s EPSG:4326 -t IAU_2015:49900` says "createOperations() failed with:
        // Source and target ellipsoid do not belong to the same celestial body".
        let mars = try CoordinateReferenceSystem("IAU_2015:49900")
        XCTAssertThrowsError(try Transformer(from: .wgs84, to: mars)) { error in
            guard case PROJError.noTransformation(let source, let target, _, let message) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(source, "EPSG:4326")
            XCTAssertEqual(target, "IAU_2015:49900")
            XCTAssertFalse(message.isEmpty)
        }
    }
}
