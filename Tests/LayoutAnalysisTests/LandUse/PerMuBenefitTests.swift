import GeoCore
import LayoutAnalysis
import LayoutModel
import PROJ
import XCTest

/// The per-mu benefit table on hand-computed cases (docs/analyses.md §2).
final class PerMuBenefitTests: XCTestCase {
    static func firm(_ id: String, output: Double?, tax: Double?, employees: Int?, land: Double?) -> Enterprise {
        Enterprise(id: id, name: id, industry: IndustryCode(validating: "C3974")!, output: output, tax: tax, employees: employees,
                   land: land, geometry: .point(Position(x: 104, y: 31)), source: FeatureSource(file: "enterprises.geojson", index: 0))
    }

    /// Four firms on 1 亩 … 4 亩 (land in m² = k · 10000/15):
    ///   A: output 100, tax 10, 10 people on 1 mu → rev/mu 100, tax/mu 10, rev/emp 10
    ///   B: output 400, tax 20, 20 people on 2 mu → 200, 10, 20
    ///   C: output 300, tax 60, 10 people on 3 mu → 100, 20, 30
    ///   D: output 400, tax 40, 80 people on 4 mu → 100, 10, 5
    /// medians: rev/mu 100, tax/mu 10, rev/emp 15; scores (0.4 tax, 0.3 rev, 0.3 emp):
    ///   A 0.4 + 0.3 + 0.2 = 0.9; B 0.4 + 0.6 + 0.4 = 1.4; C 0.8 + 0.3 + 0.6 = 1.7; D 0.4 + 0.3 + 0.1 = 0.8.
    /// Ranks C, B, A, D; with n = 4: A-cut round(1.2) = 1, B-cut round(3.2) = 3, C-cut round(3.8) = 4.
    func testScoresBenchmarksAndGrades() {
        let mu = 10_000.0 / 15
        let firms = [
            Self.firm("A", output: 100, tax: 10, employees: 10, land: 1 * mu),
            Self.firm("B", output: 400, tax: 20, employees: 20, land: 2 * mu),
            Self.firm("C", output: 300, tax: 60, employees: 10, land: 3 * mu),
            Self.firm("D", output: 400, tax: 40, employees: 80, land: 4 * mu),
            Self.firm("X", output: 1, tax: 1, employees: nil, land: mu),
            Self.firm("Y", output: nil, tax: 1, employees: 0, land: nil),
        ]
        let r = PerMuBenefit.evaluate(enterprises: EnterpriseTable(firms), parcels: [])
        XCTAssertEqual(r.benchmarks.revenuePerMu!, 100, accuracy: 1e-9)
        XCTAssertEqual(r.benchmarks.taxPerMu!, 10, accuracy: 1e-9)
        XCTAssertEqual(r.benchmarks.revenuePerEmployee!, 15, accuracy: 1e-9)
        XCTAssertEqual(r.evaluated.map(\.id), ["C", "B", "A", "D"])
        for (id, score) in [("C", 1.7), ("B", 1.4), ("A", 0.9), ("D", 0.8)] {
            XCTAssertEqual(r.evaluated.first { $0.id == id }!.score, score, accuracy: 1e-12, id)
        }
        XCTAssertEqual(r.evaluated.map(\.grade), [.a, .b, .b, .c])
        XCTAssertEqual(r.evaluated.map(\.rank), [1, 2, 3, 4])
        XCTAssertEqual(r.notEvaluated.map(\.id), ["X", "Y"])
        XCTAssertEqual(r.notEvaluated[0].reasons, [.noEmployees])
        XCTAssertEqual(r.notEvaluated[1].reasons, [.noLand, .noOutput, .zeroEmployees])
    }

    /// Land from parcels naming the enterprise (their ellipsoidal areas), and policy weights:
    /// a zero weight makes its value unnecessary.
    func testLandFromParcelsAndPolicyWeights() {
        let g1 = LandUseUnitTests.rect(104, 31, 104.001, 31.001), g2 = LandUseUnitTests.rect(104.002, 31, 104.003, 31.002)
        let parcels = [LandUseUnitTests.parcel("L1", "1001", .built, g1, enterprise: "A"),
                       LandUseUnitTests.parcel("L2", "1001", .built, g2, enterprise: "A"),
                       LandUseUnitTests.parcel("L3", "1001", .built, g2, enterprise: "B")]
        var policy = BenefitPolicy()
        policy.revenuePerEmployeeWeight = 0
        policy.taxPerMuWeight = 0.5
        policy.revenuePerMuWeight = 0.5
        let firms = [Self.firm("A", output: 100, tax: 10, employees: nil, land: nil),
                     Self.firm("B", output: 100, tax: 30, employees: nil, land: 0)]
        let r = PerMuBenefit.evaluate(enterprises: EnterpriseTable(firms), parcels: parcels, policy: policy)
        XCTAssertEqual(r.evaluated.count, 1)
        let a = r.evaluated[0]
        let land = Geodesic.grs80.area(of: g1) + Geodesic.grs80.area(of: g2)
        XCTAssertEqual(a.land, land, accuracy: 1e-6)
        XCTAssertEqual(a.landSource, .parcels)
        XCTAssertEqual(a.mu, land / (10_000.0 / 15), accuracy: 1e-9)
        XCTAssertNil(a.revenuePerEmployee)
        XCTAssertEqual(a.score, 1, accuracy: 1e-12, "the median of one firm is its own value")
        XCTAssertEqual(r.notEvaluated.first?.reasons, [.zeroLand], "land_m2 = 0 wins over the parcels")
    }
}
