import XCTest

@testable import LayoutAnalysis

/// p-values, Benjamini–Hochberg and bins, against hand calculations.
final class HotspotSignificanceTests: XCTestCase {
    func testTwoSidedNormalP() {
        // Published quantiles: z = 1.959964 ↔ 0.05, 2.575829 ↔ 0.01, 1.644854 ↔ 0.10.
        XCTAssertEqual(HotspotSignificance.twoSidedP(1.959_963_985), 0.05, accuracy: 1e-9)
        XCTAssertEqual(HotspotSignificance.twoSidedP(-2.575_829_304), 0.01, accuracy: 1e-9)
        XCTAssertEqual(HotspotSignificance.twoSidedP(1.644_853_627), 0.10, accuracy: 1e-9)
        XCTAssertEqual(HotspotSignificance.twoSidedP(0), 1, accuracy: 1e-15)
    }

    /// By hand: sorted p = 0.005, 0.01, 0.03, 0.04 (m = 4) → p·m/rank = 0.02, 0.02, 0.04, 0.04;
    /// running minimum from the top leaves them; nil entries are skipped and do not count in m.
    func testBenjaminiHochberg() {
        let q = HotspotSignificance.benjaminiHochberg([0.01, 0.04, nil, 0.03, 0.005])
        let expected: [Double?] = [0.02, 0.04, nil, 0.04, 0.02]
        for (a, b) in zip(q, expected) {
            if let b { XCTAssertEqual(a!, b, accuracy: 1e-15) } else { XCTAssertNil(a) }
        }
        // Monotone step-up: p = 0.02, 0.5, 0.011 → 0.02·3/2 = 0.03, 0.5, 0.033 → min from top: 0.033 → 0.03? rank 1 = 0.011·3 = 0.033,
        // rank 2 = 0.02·3/2 = 0.03, rank 3 = 0.5; q(rank 1) = min(0.033, 0.03) = 0.03.
        let q2 = HotspotSignificance.benjaminiHochberg([0.02, 0.5, 0.011])
        XCTAssertEqual(q2[0]!, 0.03, accuracy: 1e-15)
        XCTAssertEqual(q2[1]!, 0.5, accuracy: 1e-15)
        XCTAssertEqual(q2[2]!, 0.03, accuracy: 1e-15)
    }

    func testBins() {
        XCTAssertEqual(HotspotSignificance.bin(z: 3, significance: 0.0027), 3)
        XCTAssertEqual(HotspotSignificance.bin(z: -2, significance: 0.0455), -2)
        XCTAssertEqual(HotspotSignificance.bin(z: 1.7, significance: 0.089), 1)
        XCTAssertEqual(HotspotSignificance.bin(z: 1.7, significance: 0.1), 1)
        XCTAssertEqual(HotspotSignificance.bin(z: 1.5, significance: 0.13), 0)
        XCTAssertEqual(HotspotSignificance.bin(z: nil, significance: nil), 0)
    }
}
