import GEOS
import GeoCore
import XCTest

final class ConversionTests: GEOSTestCase {
    private static let samples: [(String, GeoCore.Geometry)] = {
        let square = Polygon(
            exterior: CoordinateSequence(xy: [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]),
            holes: [CoordinateSequence(xy: [(2, 2), (2, 4), (4, 4), (4, 2), (2, 2)])])
        let tri3D = Polygon(exterior: CoordinateSequence(storage: [0, 0, 1, 5, 0, 2, 0, 5, 3, 0, 0, 1], hasZ: true))
        return [
            ("point", .point(Position(1.5, -2.25))),
            ("point Z", .point(Position(1, 2, 3))),
            ("multipoint", .multiPoint(CoordinateSequence(xy: [(0, 0), (1, 1), (2, 0)]))),
            ("multipoint Z", .multiPoint(CoordinateSequence(storage: [0, 0, 5, 1, 1, 6], hasZ: true))),
            ("linestring", .lineString(CoordinateSequence(xy: [(0, 0), (1, 2), (3, 3)]))),
            ("linestring Z", .lineString(CoordinateSequence(storage: [0, 0, 0, 1, 2, 10.5], hasZ: true))),
            ("multilinestring", .multiLineString([CoordinateSequence(xy: [(0, 0), (1, 0)]), CoordinateSequence(xy: [(5, 5), (6, 7)])])),
            ("polygon with hole", .polygon(square)),
            ("polygon Z", .polygon(tri3D)),
            ("multipolygon", .multiPolygon([square, Polygon(exterior: CoordinateSequence(xy: [(20, 0), (25, 0), (20, 5), (20, 0)]))])),
            ("multipolygon mixing 2-D and 3-D", .multiPolygon([square, tri3D])),
            ("collection", .geometryCollection([.point(Position(1, 1)), .polygon(square), .geometryCollection([.lineString(CoordinateSequence(xy: [(0, 0), (1, 1)]))])])),
            ("empty linestring", .lineString(CoordinateSequence(storage: []))),
            ("empty polygon", .polygon(Polygon(rings: []))),
            ("empty multipoint", .multiPoint(CoordinateSequence(storage: []))),
            ("empty multilinestring", .multiLineString([])),
            ("empty multipolygon", .multiPolygon([])),
            ("empty collection", .geometryCollection([])),
            ("collection of empties", .geometryCollection([.polygon(Polygon(rings: [])), .lineString(CoordinateSequence(storage: []))])),
        ]
    }()

    func testGeoCoreRoundTripIsIdentical() throws {
        for (name, geometry) in Self.samples {
            XCTAssertEqual(try GeometryHandle(geometry).geometry(), geometry, name)
        }
    }

    func testWKBRoundTripsKeepEverything() throws {
        for (name, geometry) in Self.samples {
            let handle = try GeometryHandle(geometry)
            XCTAssertEqual(try GeometryHandle(wkb: handle.wkb()).geometry(), geometry, name)
            XCTAssertEqual(try GeometryHandle(hexWKB: handle.hexWKB()).geometry(), geometry, name)
        }
    }

    func testWKTRoundTrip() throws {
        // WKT has one dimension per geometry: GEOS writes a mixed one as Z with 0 heights.
        for (name, geometry) in Self.samples where !name.contains("mixing") {
            let text = try GeometryHandle(geometry).wkt()
            let again = try GeometryHandle(wkt: text)
            XCTAssertEqual(try again.geometry(), geometry, "\(name): \(text)")
            XCTAssertEqual(try again.wkt(), text, name)
        }
    }

    func testWKTWriterOptions() throws {
        let point = try GeometryHandle(.point(Position(1, 2.123456)))
        XCTAssertEqual(try point.wkt(), "POINT (1 2.123456)")
        XCTAssertEqual(try point.wkt(roundingPrecision: 2), "POINT (1 2.12)")
        XCTAssertEqual(try point.wkt(trim: false, roundingPrecision: 2), "POINT (1.00 2.12)")
        XCTAssertEqual(try GeometryHandle(.point(Position(1, 2, 3))).wkt(), "POINT Z (1 2 3)")
    }

    func testKnownHexWKB() throws {
        // POINT (1 2), little endian: byte order 01, type 1 (01000000), x = 1.0 (000000000000F03F), y = 2.0 (0000000000000040).
        let point = try GeometryHandle(hexWKB: "0101000000000000000000F03F0000000000000040")
        XCTAssertEqual(try point.geometry(), .point(Position(1, 2)))
        XCTAssertEqual(try point.hexWKB(), "0101000000000000000000F03F0000000000000040")
        XCTAssertEqual(try point.wkb().count, 21)
    }

    func testEmptyPointFromGEOSIsReportedNotInvented() throws {
        let empty = try GeometryHandle(wkt: "POINT EMPTY")
        XCTAssertThrowsError(try empty.geometry()) { error in
            guard case GEOSError.unsupported = error else { return XCTFail("unexpected \(error)") }
        }
    }
}
