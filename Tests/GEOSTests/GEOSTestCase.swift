import GEOS
import GeoCore
import XCTest

/// Base class for GEOS tests: every test must free every GEOS object it made.
class GEOSTestCase: XCTestCase {
    private var handlesAtStart = 0

    override func setUp() {
        super.setUp()
        handlesAtStart = GEOSLibrary.liveHandles
    }

    override func tearDown() {
        XCTAssertEqual(GEOSLibrary.liveHandles, handlesAtStart, "GEOS handles leaked by \(name)")
        super.tearDown()
    }

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

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so random
/// tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
