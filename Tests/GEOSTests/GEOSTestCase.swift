import GEOS
import GeoCore
import TestSupport
import XCTest

/// Base class for GEOS tests: every test must free every GEOS object it made (`LeakCheckedTestCase`).
class GEOSTestCase: LeakCheckedTestCase {
    /// A handle from WKT, failing the test on parse errors.
    func geometry(_ wkt: String, file: StaticString = #filePath, line: UInt = #line) throws -> GeometryHandle {
        do {
            return try GeometryHandle(wkt: wkt)
        } catch {
            XCTFail("could not parse \(wkt): \(error)", file: file, line: line)
            throw error
        }
    }
}

/// Builders for GeoCore test geometries.
enum Shapes {
    static func ring(_ pairs: [(Double, Double)]) -> CoordinateSequence { CoordinateSequence(xy: pairs) }

    static func polygon(_ exterior: [(Double, Double)], holes: [[(Double, Double)]] = []) -> GeoCore.Geometry {
        .polygon(Polygon(exterior: ring(exterior), holes: holes.map(ring)))
    }

    /// An axis-aligned square as a closed counter-clockwise ring.
    static func square(_ x: Double, _ y: Double, side: Double) -> GeoCore.Geometry {
        polygon([(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)])
    }
}
