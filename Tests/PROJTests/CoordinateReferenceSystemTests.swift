import Foundation
import GeoCore
import PROJ
import XCTest

/// Facts are checked against proj.db (names as printed by
/// `python3 Tests/Reference/proj_reference.py`, section "CGCS2000 3-degree GK CM zones", and `projinfo`).
final class CoordinateReferenceSystemTests: PROJTestCase {
    func testWellKnownConstantsMatchProjDB() throws {
        XCTAssertEqual(try CoordinateReferenceSystem(epsg: 4326), .wgs84)
        XCTAssertEqual(try CoordinateReferenceSystem(epsg: 4490), .cgcs2000)
        XCTAssertEqual(try CoordinateReferenceSystem("EPSG:4326"), .wgs84)
        XCTAssertTrue(CoordinateReferenceSystem.wgs84.isGeographic)
    }

    func testFactsOfAProjectedCRS() throws {
        let crs = try CoordinateReferenceSystem(epsg: 4544)
        XCTAssertEqual(crs.name, "CGCS2000 / 3-degree Gauss-Kruger CM 105E")
        XCTAssertEqual(crs.kind, .projected)
        XCTAssertTrue(crs.isProjected)
        XCTAssertEqual(crs.epsgCode, 4544)
        XCTAssertEqual(crs.unitName, "metre")
        // pyproj: "EPSG:4544 as PROJ string: +proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 ..."
        let proj = try crs.projString()
        XCTAssertTrue(proj.contains("+proj=tmerc"), proj)
        XCTAssertTrue(proj.contains("+lon_0=105 "), proj)
        XCTAssertTrue(proj.contains("+x_0=500000 "), proj)
    }

    func testOtherKinds() throws {
        XCTAssertEqual(try CoordinateReferenceSystem(epsg: 4978).kind, .geocentric)
        XCTAssertEqual(try CoordinateReferenceSystem(epsg: 5773).kind, .vertical)
        let compound = try CoordinateReferenceSystem("EPSG:4326+5773")
        XCTAssertEqual(compound.kind, .compound)
        XCTAssertEqual(compound.unitName, "degree")
        let bound = try CoordinateReferenceSystem("+proj=longlat +ellps=krass +towgs84=15.8,-154.4,-82.3 +no_defs")
        XCTAssertEqual(bound.kind, .geographic, "a BoundCRS is described by its base CRS")
        XCTAssertNil(bound.epsgCode)
    }

    func testDefinitionIsTrimmedAndKept() throws {
        let crs = try CoordinateReferenceSystem("  EPSG:32633\n")
        XCTAssertEqual(crs.definition, "EPSG:32633")
        XCTAssertEqual(crs.name, "WGS 84 / UTM zone 33N")
        XCTAssertEqual(crs.description, "EPSG:32633 WGS 84 / UTM zone 33N")
    }

    func testBadDefinitionsCarryPROJsMessage() {
        for bad in ["EPSG:999999", "not a crs", "+proj=nonsense", "", "{\"type\": \"GeographicCRS\"}"] {
            XCTAssertThrowsError(try CoordinateReferenceSystem(bad), bad) { error in
                guard case PROJError.invalidDefinition(let definition, let code, let message) = error else {
                    return XCTFail("\(bad): unexpected \(error)")
                }
                XCTAssertEqual(definition, bad.trimmingCharacters(in: .whitespaces))
                XCTAssertFalse(message.isEmpty)
                XCTAssertNotEqual(code, 0, "\(bad): \(message)")
                XCTAssertTrue("\(error)".contains(message))
            }
        }
        XCTAssertThrowsError(try CoordinateReferenceSystem(epsg: 999_999)) { error in
            guard case PROJError.invalidDefinition(let definition, _, let message) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(definition, "EPSG:999999")
            // PROJ logs "proj_create_from_database: crs not found" (proj.db look-up).
            XCTAssertTrue(message.contains("not found"), message)
        }
    }

    func testObjectsThatAreNotCRSsAreRejected() {
        // EPSG:7019 is the GRS 1980 ellipsoid, EPSG:16031 the UTM zone 31N conversion.
        for code in ["urn:ogc:def:ellipsoid:EPSG::7019", "urn:ogc:def:coordinateOperation:EPSG::16031"] {
            XCTAssertThrowsError(try CoordinateReferenceSystem(code)) { error in
                guard case PROJError.notACRS(let definition, _) = error else { return XCTFail("\(code): \(error)") }
                XCTAssertEqual(definition, code)
            }
        }
    }
}
