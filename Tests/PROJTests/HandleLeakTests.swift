import GeoCore
import PROJ
import XCTest

/// Every PROJ object is destroyed by its owner; `PROJTestCase.tearDown` checks the
/// counter after each test as well.
final class HandleLeakTests: PROJTestCase {
    func testTenThousandTransformersEndAtBaseline() throws {
        let baseline = PROJ.liveHandles.liveCount
        let created = PROJ.liveHandles.createdCount
        let geographic = try CoordinateReferenceSystem("+proj=longlat +ellps=GRS80 +no_defs")
        var maximum = 0
        for i in 0..<10_000 {
            // A distinct pair each time, so each one builds new PROJ objects and the per-thread
            // cache has to evict (and destroy) old ones.
            let lon0 = 100 + Double(i) * 0.001
            let tm = try CoordinateReferenceSystem("+proj=tmerc +lon_0=\(lon0) +ellps=GRS80 +units=m +no_defs")
            let t = try Transformer(from: geographic, to: tm)
            let p = try t.transform(Position(lon0, 30))
            XCTAssertEqual(p.x, 0, accuracy: 1e-6)  // on the central meridian x = x_0, which defaults to 0
            maximum = max(maximum, PROJ.liveHandles.liveCount - baseline)
        }
        XCTAssertGreaterThan(PROJ.liveHandles.createdCount - created, 10_000 * 3, "objects were really created")
        XCTAssertLessThanOrEqual(maximum, 32, "the per-thread cache is bounded (32 operations)")
        PROJ.releaseCachedTransformations()
        XCTAssertEqual(PROJ.liveHandles.liveCount, baseline)
    }

    func testCRSValidationKeepsNoObject() throws {
        let baseline = PROJ.liveHandles.liveCount
        for _ in 0..<100 {
            _ = try CoordinateReferenceSystem(epsg: 4544)
            _ = try CoordinateReferenceSystem(epsg: 4544).projJSON()
            _ = try? CoordinateReferenceSystem("EPSG:0")
            _ = try? CoordinateReferenceSystem("urn:ogc:def:ellipsoid:EPSG::7019")
        }
        XCTAssertEqual(PROJ.liveHandles.liveCount, baseline)
    }

    func testFailedTransformationsKeepNoObject() throws {
        let baseline = PROJ.liveHandles.liveCount
        let mars = try CoordinateReferenceSystem("IAU_2015:49900")
        for _ in 0..<50 { XCTAssertThrowsError(try Transformer(from: .wgs84, to: mars)) }
        XCTAssertEqual(PROJ.liveHandles.liveCount, baseline)
    }
}
