import GeoCore
import LayoutModel
import PROJ
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// Distance thresholds are true ellipsoidal distances across a wide dataset (issue 19, "True
/// distances across a province"; docs/analyses.md §1).
///
/// Reference: `python3 Tests/Reference/geodesic_thresholds.py` → Tests/Fixtures/geodesic/wide_9deg.json:
/// 812 points over 97.5–106.5°E (frame EPSG:4543, CM 102°E; scale error ≈ 0.25 % at the edges) in
/// clumps whose pairs lie eps ± 2 cm…1.5 m or band ± 2 cm…3 m apart on the ellipsoid; expected
/// values from pyproj `Geod(ellps="GRS80").inv` (scikit-learn DBSCAN on the precomputed geodesic
/// matrix, and the band counts). In the plane of EPSG:4543, 83 of those pairs fall on the other
/// side of eps and 60 on the other side of the band, so a frame-only test fails here.
final class GeodesicThresholdTests: LeakCheckedTestCase {
    struct Fixture {
        let enterprises: [Enterprise]
        let eps: Double
        let band: Double
        let min2: [Int]
        let min3: [Int]
        let band1000: [Int]
    }

    static func fixture() throws -> Fixture {
        let o = try AnalysisFixtures.object("geodesic/wide_9deg.json")
        let lon = try AnalysisFixtures.doubles(o["lon"]), lat = try AnalysisFixtures.doubles(o["lat"])
        let output = try AnalysisFixtures.doubles(o["output_wan"])
        let code = try XCTUnwrap(IndustryCode(validating: "C3974"))
        let enterprises = lon.indices.map { k in
            Enterprise(id: "E\(k)", name: "E\(k)", industry: code, output: output[k],
                       geometry: .point(Position(x: lon[k], y: lat[k])),
                       source: FeatureSource(file: "enterprises.geojson", index: k))
        }
        return Fixture(
            enterprises: enterprises, eps: try XCTUnwrap(o["eps"]?.doubleValue), band: try XCTUnwrap(o["band"]?.doubleValue),
            min2: try AnalysisFixtures.ints(o["dbscan_min2"]), min3: try AnalysisFixtures.ints(o["dbscan_min3"]),
            band1000: try AnalysisFixtures.ints(o["band_1000"]))
    }

    /// DBSCAN's neighbour pairs are those of the geodesic: with min_points 2 the clusters are exactly
    /// the connected pairs (and triples) within eps, with 3 the cores and borders; labels equal
    /// scikit-learn's on the geodesic distance matrix, for any thread count.
    func testDBSCANNeighbourPairsAreGeodesic() throws {
        let f = try Self.fixture()
        let dataset = Dataset(folder: "wide", districts: [], parks: [], enterprises: EnterpriseTable(f.enterprises))
        XCTAssertEqual(try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox)).epsg, 4543, "one zone, CM 102°E, for 9° of longitude")
        for (minPoints, expected) in [(2, f.min2), (3, f.min3)] {
            for threads in [1, 2, 5] {
                let options = ClusterOptions(eps: f.eps, minPoints: minPoints, simulations: 0, threads: threads)
                let report = try ClusterAnalysis.run(dataset: dataset, options: options)
                XCTAssertEqual(report.groups.count, 1)
                let group = try XCTUnwrap(report.groups.first)
                XCTAssertEqual(group.members, Array(f.enterprises.indices))
                let labels = group.dbscan.labels.map(Int.init)
                let wrong = labels.indices.filter { labels[$0] != expected[$0] }
                XCTAssertEqual(wrong.count, 0, "min_points \(minPoints), threads \(threads): labels differ at \(wrong.prefix(10))")
            }
        }
    }

    /// Gi*'s band memberships (Wᵢ, self included) are the geodesic ones, for any thread count.
    func testGiStarBandMembershipsAreGeodesic() throws {
        let f = try Self.fixture()
        let frame = try MetricFrame(extent: try XCTUnwrap(Dataset(folder: "wide", districts: [], parks: [], enterprises: EnterpriseTable(f.enterprises)).boundingBox))
        var first: [Double?]?
        for threads in [1, 2, 5] {
            let a = try HotspotAnalysis(enterprises: EnterpriseTable(f.enterprises), frame: frame, value: .outputWan, band: f.band, fdr: false, threads: threads)
            let counts = a.entries.map(\.neighbours)
            let wrong = counts.indices.filter { counts[$0] != f.band1000[$0] }
            XCTAssertEqual(wrong.count, 0, "threads \(threads): band counts differ at \(wrong.prefix(10))")
            if let first { XCTAssertEqual(a.entries.map(\.z), first, "same z for any thread count") } else { first = a.entries.map(\.z) }
        }
    }
}
