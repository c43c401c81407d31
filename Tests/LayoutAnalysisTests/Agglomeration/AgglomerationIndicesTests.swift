import XCTest

@testable import LayoutAnalysis

/// LQ, HHI and Ellison–Glaeser γ against a direct numpy computation, and by hand.
///
/// Reference: `python3 Tests/Reference/agglomeration_reference.py planar` →
/// Tests/Fixtures/agglomeration/{in,out}/planar_indices.json (400 enterprises, 7 industries with one
/// empty, 5 units with one empty, five zero measures).
final class AgglomerationIndicesTests: XCTestCase {
    func testMatchesNumpy() throws {
        let input = try AnalysisFixtures.object("agglomeration/in/planar_indices.json")
        let out = try AnalysisFixtures.object("agglomeration/out/planar_indices.json")
        let ni = Int(try XCTUnwrap(input["industry_count"]?.integerValue)), nu = Int(try XCTUnwrap(input["unit_count"]?.integerValue))
        let x = try AgglomerationIndices(
            industry: try AnalysisFixtures.ints(input["industry"]), unit: try AnalysisFixtures.ints(input["unit"]),
            measure: try AnalysisFixtures.doubles(input["measure"]), industryCount: ni, unitCount: nu)
        func check(_ got: [Double?], _ key: String) throws {
            let want = try AnalysisFixtures.optionalDoubles(out[key])
            XCTAssertEqual(got.count, want.count, key)
            for (k, (g, w)) in zip(got, want).enumerated() {
                if let w { XCTAssertEqual(try XCTUnwrap(g, "\(key)[\(k)]"), w, accuracy: 1e-12, "\(key)[\(k)]") } else { XCTAssertNil(g, "\(key)[\(k)]") }
            }
        }
        try check((0..<ni).flatMap { i in (0..<nu).map { x.locationQuotient(industry: i, unit: $0) } }, "lq")
        try check((0..<ni).map { x.industryHHI($0).hhi }, "hhi")
        try check((0..<ni).map { x.industryHHI($0).normalized }, "hhi_norm")
        try check((0..<nu).map { x.unitHHI($0).hhi }, "park_hhi")
        try check((0..<nu).map { x.unitHHI($0).normalized }, "park_hhi_norm")
        try check((0..<ni).map { x.ellisonGlaeser($0) }, "gamma")
    }

    /// Two industries, two units, by hand.
    /// e: industry 0 = {unit 0: 6, unit 0: 2}, industry 1 = {unit 1: 4, unit 0: 4}; e = 16.
    func testHandExample() throws {
        let x = try AgglomerationIndices(industry: [0, 0, 1, 1], unit: [0, 0, 1, 0], measure: [6, 2, 4, 4], industryCount: 2, unitCount: 2)
        // LQ(0, unit 0) = (8/12)/(8/16) = 4/3; LQ(1, unit 1) = (4/4)/(8/16) = 2.
        XCTAssertEqual(try XCTUnwrap(x.locationQuotient(industry: 0, unit: 0)), 4.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(x.locationQuotient(industry: 1, unit: 1)), 2, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(x.locationQuotient(industry: 0, unit: 1)), 0)
        // H_0 = 1, normalised (1 − 1/2)/(1 − 1/2) = 1; H_1 = 0.5 → 0.
        XCTAssertEqual(try XCTUnwrap(x.industryHHI(0).normalized), 1, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(x.industryHHI(1).normalized), 0, accuracy: 1e-15)
        // γ_0: x = (12/16, 4/16); s = (1, 0); G = 0.0625 + 0.0625 = 0.125; Σx² = 0.625; H = (36 + 4)/64 = 0.625.
        // γ = (0.125 − 0.375·0.625)/(0.375·0.375) = −0.7777…
        XCTAssertEqual(try XCTUnwrap(x.ellisonGlaeser(0)), (0.125 - 0.375 * 0.625) / (0.375 * 0.375), accuracy: 1e-15)
    }

    func testRatiosOverZeroAreNil() throws {
        let x = try AgglomerationIndices(industry: [0], unit: [0], measure: [5], industryCount: 2, unitCount: 2)
        XCTAssertNil(x.locationQuotient(industry: 0, unit: 1))  // e_p = 0
        XCTAssertNil(x.industryHHI(1).hhi)  // e_i = 0
        XCTAssertNil(x.ellisonGlaeser(0))  // one enterprise: H = 1 and Σx² = 1
        XCTAssertNil(x.unitHHI(1).hhi)
        XCTAssertThrowsError(try AgglomerationIndices(industry: [0], unit: [0], measure: [-1], industryCount: 1, unitCount: 1))
    }
}
