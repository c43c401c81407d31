import GEOS
import GeoCore
import LayoutAnalysis
import LayoutModel
import TestSupport
import XCTest

/// Small hand-built datasets for the rule tests, near 104°E 31°N
/// (0.001° ≈ 95 m east–west, ≈ 111 m north–south).
enum CheckFixtures {
    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
        .polygon(Polygon(exterior: CoordinateSequence(xy: [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])))
    }

    static func codes(_ list: [String]) -> [IndustryCode] { list.map { IndustryCode(validating: $0)! } }

    static func park(
        _ id: String, _ geometry: Geometry, level: ParkLevel = .provincial, district: String? = "D1", parent: String? = nil,
        main: [String] = ["C39"], featured: [String] = [], status: FeaturedStatus? = nil, chemical: Bool = false
    ) -> Park {
        Park(id: id, name: id, level: level, district: district, parent: parent, mainIndustries: codes(main),
             featuredIndustries: codes(featured), featuredStatus: status, chemicalPark: chemical, geometry: geometry,
             source: FeatureSource(file: "parks.geojson", index: 0))
    }

    static func enterprise(_ id: String, _ x: Double, _ y: Double, _ industry: String, output: Double? = 100, aboveScale: Bool? = nil) -> Enterprise {
        Enterprise(id: id, name: id, industry: IndustryCode(validating: industry)!, output: output, aboveScale: aboveScale,
                   geometry: .point(Position(x: x, y: y)), source: FeatureSource(file: "enterprises.geojson", index: 0))
    }

    static func parcel(_ id: String, _ geometry: Geometry, status: ParcelStatus = .built, landUse: String = "100101",
                       floor: Double = 0, footprint: Double = 0) -> Parcel {
        Parcel(id: id, landUse: landUse, status: status, floorArea: floor, footprint: footprint, geometry: geometry,
               source: FeatureSource(file: "parcels.geojson", index: 0))
    }

    /// One administrative district D1 over 103.9…104.3 × 30.9…31.3.
    static let district = District(code: "D1", name: "D1", geometry: rect(103.9, 30.9, 104.3, 31.3),
                                   source: FeatureSource(file: "districts.geojson", index: 0))

    static func dataset(
        parks: [Park], parcels: [Parcel] = [], enterprises: [Enterprise] = [], districts: [District] = [district],
        hasParcels: Bool = true, hasEnterprises: Bool = true
    ) -> Dataset {
        Dataset(folder: "test", districts: districts, parks: parks, parcels: parcels, enterprises: EnterpriseTable(enterprises),
                hasParcels: hasParcels, hasEnterprises: hasEnterprises)
    }

    static func run(_ d: Dataset, _ configure: (inout CheckThresholds) -> Void = { _ in }, threads: Int = 2) throws -> CheckReport {
        var t = d.policy.checks
        configure(&t)
        return try LayoutChecks.run(dataset: d, thresholds: t, threads: threads)
    }
}

extension CheckReport {
    func findings(_ rule: CheckRule) -> [Finding] { findings.filter { $0.rule == rule } }
    /// Subjects of a rule's findings, ids joined by "/".
    func subjects(_ rule: CheckRule, severity: Severity? = nil) -> [String] {
        findings(rule).filter { severity == nil || $0.severity == severity }.map { $0.subject.ids.joined(separator: "/") }
    }
}

/// Base of the rule tests: `F` for the fixtures, and no GEOS or PROJ handle may outlive a test.
class CheckRuleTestCase: LeakCheckedTestCase {
    typealias F = CheckFixtures
}
