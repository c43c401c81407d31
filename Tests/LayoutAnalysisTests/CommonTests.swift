import GEOS
import GeoCore
import LayoutModel
import XCTest

@testable import LayoutAnalysis

/// Shared analysis pieces: the grid index, the metric frame and park membership.
final class CommonTests: XCTestCase {
    /// Seeded random numbers in [0, 1) for reproducible points: GeoCore's SplitMix64.
    struct Rng {
        private var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> Double { generator.nextUnit() }
    }

    func testGridNeighboursEqualBruteForceIncludingExactRadius() {
        var rng = Rng(state: 42)
        var xy: [Double] = []
        for _ in 0..<1500 { xy += [rng.next() * 5000, rng.next() * 3000] }
        // Points exactly one radius apart on an axis: inclusive, so neighbours.
        xy += [10_000, 10_000, 10_250, 10_000, 10_000, 10_250.000001]
        let radius = 250.0
        let index = PointGridIndex(coordinates: xy, radius: radius)
        let n = xy.count / 2
        for i in stride(from: 0, to: n, by: 7) + [n - 3, n - 2, n - 1] {
            var brute: [Int] = []
            for j in 0..<n {
                let dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1]
                if dx * dx + dy * dy <= radius * radius { brute.append(j) }
            }
            XCTAssertEqual(index.neighbors(of: i), brute, "point \(i)")
        }
        XCTAssertEqual(index.neighbors(of: n - 3), [n - 3, n - 2])
        // A query far outside the grid finds nothing and does not trap.
        var found = 0
        index.forEachNeighbor(x: -1e7, y: 1e9) { _ in found += 1 }
        XCTAssertEqual(found, 0)
    }

    /// pyproj: Transformer.from_crs(4326, 4544, always_xy=True).transform(104.7, 31.45)
    ///   → (471484.0875568798, 3480906.278892931)
    func testMetricFrameChoosesGaussKrugerForMianyang() throws {
        let frame = try MetricFrame(extent: BoundingBox(minX: 103.7, minY: 30.7, maxX: 105.7, maxY: 33.0))
        XCTAssertEqual(frame.epsg, 4544)
        let xy = try frame.project(points: [Position(x: 104.7, y: 31.45)])
        XCTAssertEqual(xy[0], 471_484.0875568798, accuracy: 1e-6)
        XCTAssertEqual(xy[1], 3_480_906.278892931, accuracy: 1e-6)
    }

    func testSubParkWinsOverParentAndOutsideIsNil() throws {
        func square(_ x: Double, _ y: Double, _ d: Double) -> Geometry {
            .polygon(Polygon(exterior: CoordinateSequence(xy: [(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)])))
        }
        func park(_ id: String, _ g: Geometry, parent: String? = nil) -> Park {
            Park(id: id, name: id, level: .provincial, district: nil, parent: parent, mainIndustries: [], featuredIndustries: [],
                 featuredStatus: nil, chemicalPark: false, geometry: g, extraProperties: [:],
                 source: FeatureSource(file: "parks.geojson", index: 0))
        }
        func firm(_ x: Double, _ y: Double) -> Enterprise {
            Enterprise(id: "E", name: "E", industry: IndustryCode(validating: "C3974")!, output: nil, tax: nil, employees: nil,
                       land: nil, aboveScale: nil, geometry: .point(Position(x: x, y: y)), extraProperties: [:],
                       source: FeatureSource(file: "enterprises.geojson", index: 0))
        }
        let parks = [park("P", square(104.0, 31.0, 0.1)), park("PA", square(104.02, 31.02, 0.02), parent: "P")]
        // Inside the sub-park, inside only the parent, on the sub-park's edge (covers), outside.
        let firms = [firm(104.03, 31.03), firm(104.09, 31.09), firm(104.02, 31.03), firm(105, 31)]
        let before = GEOSLibrary.liveHandles
        let membership = try ParkMembership(parks: parks, enterprises: EnterpriseTable(firms), threads: 2)
        XCTAssertEqual(membership.parkOfEnterprise, [1, 0, 1, nil])
        XCTAssertEqual(GEOSLibrary.liveHandles, before)
    }
}
