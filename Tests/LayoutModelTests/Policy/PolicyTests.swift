import GeoCore
import XCTest
@testable import LayoutModel

final class PolicyTests: XCTestCase {
    func testDefaultsAreTheDocumentedValues() {
        // docs/analyses.md §2, §4, §5, §6.
        let (policy, errors) = Policy.decode(JSONObject())
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policy, Policy.defaults)
        XCTAssertEqual(policy.coordinateSystem, .wgs84)
        XCTAssertEqual(policy.positioningCap(for: .national), PositioningCap(main: 3, featured: 2))
        XCTAssertEqual(policy.positioningCap(for: .municipal), PositioningCap(main: 2, featured: 2))
        let checks = policy.checks
        XCTAssertEqual(checks.leadingIndustryShare, 0.70)
        XCTAssertEqual(checks.scatteredIndustryMinParks, 3)
        XCTAssertEqual(checks.scatteredIndustryMaxShare, 0.5)
        XCTAssertEqual(checks.duplicatePositioningDistance, 20_000)
        XCTAssertEqual(checks.outsideParksTarget, 0.80)
        XCTAssertEqual(checks.hazardousChemicalIndustries.map(\.value), ["C25", "C26"])
        XCTAssertEqual(checks.parkOverlapShare, 0.01)
        XCTAssertEqual(checks.parkOutsideDistrictShare, 0.05)
        XCTAssertEqual(checks.parcelOverlapArea, 1)
        XCTAssertEqual(checks.parcelOutsideParkShare, 0.5)
        XCTAssertEqual(checks.lowIntensityBuildingCoefficient, 0.30)
        XCTAssertEqual(checks.lowIntensityFloorAreaRatio, 0.6)
        XCTAssertEqual(policy.benefit.taxPerMuWeight, 0.4)
        XCTAssertEqual(policy.benefit.revenuePerMuWeight, 0.3)
        XCTAssertEqual(policy.benefit.revenuePerEmployeeWeight, 0.3)
        XCTAssertEqual(policy.benefit.gradeShares, GradeShares(a: 0.3, b: 0.5, c: 0.15, d: 0.05))
        XCTAssertEqual(policy.siting.positioningWeight + policy.siting.synergyWeight + policy.siting.landWeight
                       + policy.siting.efficiencyWeight, 100)
        XCTAssertEqual(policy.siting.positioningWeight, 40)
        XCTAssertEqual(policy.siting.synergyRadius, 5_000)
        XCTAssertEqual(policy.siting.blockMergeDistance, 10)
        XCTAssertEqual(policy.featured.leadingIndustryShare, 0.70)
        XCTAssertEqual(policy.featured.highTechShare, 0.25)
        XCTAssertEqual(policy.featured.highTechIndustries.map(\.value), ["C27", "C35", "C37", "C39", "C40", "C3841"])
        XCTAssertEqual(policy.featured.buildingCoefficient, 0.30)
        XCTAssertEqual(policy.featured.revenuePerMuGrowth, 0.07)
    }

    func testValidOverridesAreRead() throws {
        let json: JSONObject = [
            "coordinate_system": .string("gcj02"),
            "checks": .object([
                "leading_industry_share": .double(0.6),
                "positioning_cap": .object(["provincial": .object(["main": .integer(3)])]),
                "hazardous_chemical_industries": .array([.string("C26"), .string("C2511")]),
            ]),
            "benefit": .object(["grade_shares": .object(["a": .double(0.2), "b": .double(0.6)])]),
        ]
        let policy = try Policy(json: json)
        XCTAssertEqual(policy.coordinateSystem, .gcj02)
        XCTAssertEqual(policy.checks.leadingIndustryShare, 0.6)
        XCTAssertEqual(policy.positioningCap(for: .provincial), PositioningCap(main: 3, featured: 2))
        XCTAssertEqual(policy.checks.hazardousChemicalIndustries.map(\.value), ["C26", "C2511"])
        // 0.2 + 0.6 + 0.15 + 0.05 = 1.0.
        XCTAssertEqual(policy.benefit.gradeShares, GradeShares(a: 0.2, b: 0.6, c: 0.15, d: 0.05))
    }

    func testUnknownKeySuggestsTheNearestKnownKey() {
        // Edit distance 1 (python3 Tests/Reference/codes_gbt4754.py: "leading_industy_share" → 1).
        let json: JSONObject = ["checks": .object(["leading_industy_share": .double(0.6)])]
        let (policy, errors) = Policy.decode(json)
        XCTAssertEqual(errors, [.unknownKey(key: "checks.leading_industy_share", suggestion: "checks.leading_industry_share")])
        XCTAssertEqual(policy.checks.leadingIndustryShare, 0.70, "the default stays")
        XCTAssertEqual(errors.first?.reason, "unknown key; did you mean \"checks.leading_industry_share\"?")
    }

    func testKeyAtTheWrongLevelSuggestsItsGroup() {
        let (_, errors) = Policy.decode(["synergy_radius_m": .integer(3000)])
        XCTAssertEqual(errors, [.unknownKey(key: "synergy_radius_m", suggestion: "siting.synergy_radius_m")])
    }

    func testFarOffKeyHasNoSuggestion() {
        let (_, errors) = Policy.decode(["siting": .object(["weights": .object(["xyz": .integer(1)])])])
        // "xyz" is ≥ 4 edits from every key (e.g. 4 from "land").
        XCTAssertEqual(errors.first, .unknownKey(key: "siting.weights.xyz", suggestion: nil))
    }

    func testWrongTypes() {
        let json: JSONObject = [
            "checks": .object(["outside_parks_target": .string("80%"), "positioning_cap": .integer(3)]),
            "coordinate_system": .integer(4326),
        ]
        let (_, errors) = Policy.decode(json)
        XCTAssertEqual(Set(errors), [
            .wrongType(key: "checks.outside_parks_target", expected: "a number", found: "string \"80%\""),
            .wrongType(key: "checks.positioning_cap", expected: "an object", found: "number 3"),
            .wrongType(key: "coordinate_system", expected: "one of wgs84, gcj02, bd09", found: "number 4326"),
        ])
    }

    func testImpossibleValues() {
        let json: JSONObject = [
            "checks": .object([
                "park_overlap_share": .double(1.5),
                "duplicate_positioning_distance_m": .integer(-1),
                "scattered_industry_min_parks": .double(2.5),
            ]),
            "benefit": .object(["weights": .object(["tax_per_mu": .double(-0.4)])]),
            "featured": .object(["revenue_per_mu_growth": .double(-2)]),
        ]
        let (policy, errors) = Policy.decode(json)
        XCTAssertEqual(errors.map(\.key), [
            "checks.scattered_industry_min_parks", "checks.duplicate_positioning_distance_m", "checks.park_overlap_share",
            "benefit.weights.tax_per_mu", "featured.revenue_per_mu_growth",
        ])
        XCTAssertEqual(errors[2].reason, "a share must be between 0 and 1, found 1.5")
        XCTAssertEqual(policy.checks.parkOverlapShare, 0.01)
        XCTAssertEqual(policy.benefit.taxPerMuWeight, 0.4)
    }

    func testGradeSharesMustSumToOne() {
        // 0.4 + 0.5 + 0.15 + 0.05 = 1.1.
        let (policy, errors) = Policy.decode(["benefit": .object(["grade_shares": .object(["a": .double(0.4)])])])
        XCTAssertEqual(errors.map(\.key), ["benefit.grade_shares"])
        XCTAssertTrue(errors.first?.reason.hasPrefix("the grade shares must sum to 1") ?? false)
        XCTAssertEqual(policy.benefit.gradeShares, GradeShares())
    }

    func testSitingWeightsMustSumToOneHundred() {
        // 50 + 25 + 20 + 15 = 110.
        let (_, errors) = Policy.decode(["siting": .object(["weights": .object(["positioning": .integer(50)])])])
        XCTAssertEqual(errors.map(\.key), ["siting.weights"])
    }

    func testUnknownIndustryCodeInAList() {
        let json: JSONObject = ["featured": .object(["high_tech_industries": .array([.string("C39"), .string("C1310"), .integer(27)])])]
        let (policy, errors) = Policy.decode(json)
        XCTAssertEqual(errors.map(\.key), ["featured.high_tech_industries[1]", "featured.high_tech_industries[2]"])
        XCTAssertEqual(policy.featured.highTechIndustries, FeaturedParkPolicy().highTechIndustries, "a bad list is not half-used")
    }

    func testUnknownCoordinateSystemSuggestsOne() {
        let (_, errors) = Policy.decode(["coordinate_system": .string("GCJ02")])
        XCTAssertEqual(errors.first?.reason, "unknown value \"GCJ02\"; did you mean \"gcj02\"? (one of wgs84, gcj02, bd09)")
    }

    func testThrowingInitialiserCarriesEveryError() {
        XCTAssertThrowsError(try Policy(json: ["a": .null, "b": .null])) { error in
            guard case LayoutModelError.invalidPolicy(let errors) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.count, 2)
            XCTAssertEqual(errors.first?.datasetProblem.file, "policy.json")
            XCTAssertEqual(errors.first?.datasetProblem.property, "a")
        }
    }

    func testEditDistance() {
        // Values from python3 Tests/Reference/codes_gbt4754.py.
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("synergy_radius", "synergy_radius_m"), 2)
        XCTAssertEqual(Suggestion.editDistance("coordinate_sytem", "coordinate_system"), 1)
        XCTAssertEqual(Suggestion.editDistance("xyz", "land"), 4)
    }
}
