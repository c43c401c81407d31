import GDAL
import GEOS
import PostgreSQL
import PROJ
import XCTest

/// Base class of every test that touches GEOS, PROJ, GDAL or libpq: no GEOS geometry,
/// PROJ object, GDAL handle or libpq connection/result made by a test may outlive it (the live-handle
/// counters of the three wrappers must be back at their value before the test).
///
/// PROJ keeps a per-thread cache of transformations that belongs to the thread,
/// not to the test; it is emptied before both counts.
open class LeakCheckedTestCase: XCTestCase {
    private var geosBaseline = 0
    private var projBaseline = 0
    private var gdalBaseline = 0
    private var libpqBaseline = 0

    override open func setUp() {
        super.setUp()
        PROJ.releaseCachedTransformations()
        geosBaseline = GEOSLibrary.liveHandles
        projBaseline = PROJ.liveHandles.liveCount
        gdalBaseline = GDALLibrary.liveHandles
        libpqBaseline = PostgresLibrary.liveHandles
    }

    override open func tearDown() {
        PROJ.releaseCachedTransformations()
        XCTAssertEqual(GEOSLibrary.liveHandles, geosBaseline, "GEOS handles leaked by \(name)")
        XCTAssertEqual(PROJ.liveHandles.liveCount, projBaseline, "PROJ objects leaked by \(name)")
        XCTAssertEqual(GDALLibrary.liveHandles, gdalBaseline, "GDAL handles leaked by \(name)")
        XCTAssertEqual(PostgresLibrary.liveHandles, libpqBaseline, "libpq connections or results leaked by \(name)")
        super.tearDown()
    }
}
