import GEOS
import GeoCore
import XCTest

final class ErrorTests: GEOSTestCase {
    func testInvalidWKTCarriesTheGEOSMessage() {
        XCTAssertThrowsError(try GeometryHandle(wkt: "POLYGON ((0 0, 1 1")) { error in
            guard case GEOSError.library(let operation, let message) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(operation, "GEOSWKTReader_read_r")
            // GEOS: "ParseException: Expected word but encountered end of stream"
            XCTAssertTrue(message.contains("ParseException"), message)
        }
    }

    func testUnclosedRingCarriesTheGEOSMessage() {
        let open = GeoCore.Geometry.polygon(Polygon(exterior: CoordinateSequence(xy: [(0, 0), (1, 0), (1, 1), (0, 1)])))
        XCTAssertThrowsError(try GeometryHandle(open)) { error in
            guard case GEOSError.library(_, let message) = error else { return XCTFail("unexpected \(error)") }
            // GEOS: "IllegalArgumentException: Points of LinearRing do not form a closed linestring"
            XCTAssertTrue(message.contains("closed"), message)
        }
    }

    func testUnclosedHoleFreesTheShell() {
        // The shell is built first; the failing hole must not leak it (checked by tearDown).
        let bad = GeoCore.Geometry.polygon(Polygon(
            exterior: CoordinateSequence(xy: [(0, 0), (4, 0), (4, 4), (0, 0)]),
            holes: [CoordinateSequence(xy: [(1, 1), (2, 1), (2, 2), (1, 2)])]))
        XCTAssertThrowsError(try GeometryHandle(bad))
    }

    func testHolesWithoutExteriorAreRejectedNotDropped() {
        let shellless = GeoCore.Geometry.polygon(Polygon(rings: [
            CoordinateSequence(storage: []), CoordinateSequence(xy: [(1, 1), (2, 1), (2, 2), (1, 1)]),
        ]))
        XCTAssertThrowsError(try GeometryHandle(shellless)) { error in
            guard case GEOSError.invalidInput = error else { return XCTFail("unexpected \(error)") }
        }
    }

    func testInvalidWKBIsAnError() {
        XCTAssertThrowsError(try GeometryHandle(wkb: [1, 2, 3]))
        XCTAssertThrowsError(try GeometryHandle(hexWKB: "not hex"))
    }

    func testErrorsDoNotLeakIntoLaterCalls() throws {
        XCTAssertThrowsError(try GeometryHandle(wkt: "nonsense"))
        // A later failure must report its own message, not the stale one.
        XCTAssertThrowsError(try GeometryHandle(wkt: "POINT (1")) { error in
            guard case GEOSError.library(_, let message) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertFalse(message.contains("nonsense"), message)
        }
        XCTAssertEqual(try GeometryHandle(wkt: "POINT (1 2)").geometry(), .point(Position(1, 2)))
    }

    func testLibraryVersionIs311OrLater() {
        XCTAssertTrue(GEOSLibrary.version.hasPrefix("3."), GEOSLibrary.version)
    }
}
