import GeoCore
import LayoutModel
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// Polygon distance thresholds (check's duplicate-positioning distance, site's synergy radius)
/// are true ellipsoidal distances across a wide dataset (issue 19, "True distances across a
/// province"; `GeometryDistanceThreshold`).
///
/// Both datasets span 97.5–106.5°E at 30°N, so the frame is one Gauss–Krüger zone, EPSG:4543
/// (CM 102°E), whose scale 4° east of the centre is ≈ 1.002: planar distances there are ≈ 0.2 %
/// too long. Expected values: `python3 Tests/Reference/geodesic_polygon_thresholds.py` (pyproj
/// `Geod(ellps="GRS80").inv`, and pyproj's EPSG:4543 for the planar distances the frame alone
/// would have used). Each case fails when the frame alone decides.
final class GeometryDistanceThresholdTests: LeakCheckedTestCase {
    typealias F = CheckFixtures

    /// A far-west park that widens the extent to 97.5°E and shares no industry with the others.
    static let west = CheckFixtures.park("W", CheckFixtures.rect(97.5, 30.0, 97.6, 30.1), district: "DW", main: ["C1310"])

    /// Parks A and B 19,979.977 m apart on the ellipsoid (facing top corners) but 20,020.487 m in
    /// the plane of EPSG:4543: duplicate positioning at the default 20 km, with the geodesic reported.
    func testDuplicatePositioningJudgesTheGeodesicDistance() throws {
        let a = F.park("A", F.rect(106.0, 30.0, 106.1, 30.1), district: "DA", main: ["C3974"])
        let b = F.park("B", F.rect(106.307284, 30.0, 106.407284, 30.1), district: "DB", main: ["C3971"])
        let dataset = F.dataset(parks: [Self.west, a, b], districts: [])
        XCTAssertEqual(try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox)).epsg, 4543)
        let report = try F.run(dataset)
        XCTAssertEqual(report.subjects(.duplicatePositioning), ["A/B"])
        let finding = try XCTUnwrap(report.findings(.duplicatePositioning).first)
        XCTAssertEqual(try XCTUnwrap(finding.value), 19979.976890412432, accuracy: 0.001)
        XCTAssertEqual(finding.threshold, 20_000)
        // 19,979.977 m is the limit: 1 mm less and the pair is apart.
        let tighter = try F.run(dataset) { $0.duplicatePositioningDistance = 19979.976890412432 - 0.001 }
        XCTAssertEqual(tighter.subjects(.duplicatePositioning), [])
    }

    /// Site: a same-division firm 4,995.0 m from the block on the ellipsoid (5,004.5 m in the
    /// plane) is within the 5 km synergy radius; one at 5,010.0 m (5,019.5 m) is not.
    func testSitingSynergyRadiusIsGeodesic() throws {
        let park = Park(
            id: "P", name: "P", level: .provincial, mainIndustries: [try XCTUnwrap(IndustryCode(validating: "C3974"))],
            geometry: F.rect(106.0, 30.0, 106.05, 30.05), source: FeatureSource(file: "parks.geojson", index: 1))
        let parcel = Parcel(id: "L1", landUse: "100101", status: .ready, geometry: F.rect(106.01, 30.01, 106.04, 30.04),
                            source: FeatureSource(file: "parcels.geojson", index: 0))
        let firms = [(106.091782, 1000.0), (106.0919375, 500.0)].enumerated().map { k, firm in
            Enterprise(id: "E\(k)", name: "E\(k)", industry: IndustryCode(validating: "C3971")!, output: firm.1,
                       geometry: .point(Position(x: firm.0, y: 30.025)), source: FeatureSource(file: "enterprises.geojson", index: k))
        }
        let dataset = Dataset(folder: "wide", districts: [], parks: [Self.west, park], parcels: [parcel], enterprises: firms)
        XCTAssertEqual(try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox)).epsg, 4543)
        let request = try SitingRequest.make(industry: "C3974", areaHectares: 5, district: nil)
        for threads in [1, 2] {
            let result = try Siting.evaluate(dataset: dataset, request: request, threads: threads)
            XCTAssertEqual(result.candidates.map(\.parkId), ["P"])
            XCTAssertEqual(result.candidates.first?.synergyOutput, 1000, "only the firm within 5 km on the ellipsoid counts")
        }
    }
}
