import GEOS
import LayoutAnalysis
import LayoutModel
import XCTest

/// The featured-park scorecard: verdict rules, and every criterion at,
/// just above and just below its threshold (thresholds set to the computed
/// value and its floating-point neighbours), on the hand-built crossing
/// snapshots (Tests/Reference/compare_make_fixtures.py).
final class FeaturedEvaluationTests: XCTestCase {
    typealias Evaluation = FeaturedParkEvaluation

    func testVerdictRules() {
        XCTAssertEqual(Evaluation.Verdict.of(status: .certified, failures: 0), .keep)
        XCTAssertEqual(Evaluation.Verdict.of(status: .certified, failures: 1), .warning)
        XCTAssertEqual(Evaluation.Verdict.of(status: .certified, failures: 2), .recommendWithdrawal)
        XCTAssertEqual(Evaluation.Verdict.of(status: .certified, failures: 4), .recommendWithdrawal)
        XCTAssertEqual(Evaluation.Verdict.of(status: .cultivating, failures: 0), .recommendCertification)
        XCTAssertEqual(Evaluation.Verdict.of(status: .cultivating, failures: 1), .continueCultivating)
        XCTAssertEqual(Evaluation.Verdict.of(status: .cultivating, failures: 3), .continueCultivating)
    }

    func testCriterionPassesAtExactlyTheThreshold() {
        typealias C = Evaluation.Criterion
        XCTAssertTrue(C(key: .leadingIndustryShare, value: 0.70, threshold: 0.70).passed)
        XCTAssertTrue(C(key: .leadingIndustryShare, value: 70.0 / 100.0, threshold: 0.70).passed)
        XCTAssertFalse(C(key: .leadingIndustryShare, value: 0.70.nextDown, threshold: 0.70).passed)
        XCTAssertTrue(C(key: .highTechShare, value: 0.25, threshold: 0.25).passed)
        XCTAssertFalse(C(key: .highTechShare, value: 0.2499999, threshold: 0.25).passed)
        XCTAssertTrue(C(key: .revenuePerMuGrowth, value: 0.07, threshold: 0.07).passed)
        XCTAssertFalse(C(key: .revenuePerMuGrowth, value: -0.5, threshold: 0.07).passed)
        XCTAssertFalse(C(key: .industrialBuildingCoefficient, value: nil, threshold: 0.30).passed, "no value cannot pass")
    }

    func crossing() throws -> (old: Dataset, new: Dataset) {
        (try StatsFixture.dataset("Tests/Fixtures/compare/in/crossing_old"), try StatsFixture.dataset("Tests/Fixtures/compare/in/crossing_new"))
    }

    /// Hand calculation for the new crossing snapshot (outputs are 1.1 × the planted ones):
    /// PA holds E1 C3976 1100, E2 C3976 2200, E6 C3841 990, E7 C3976 770, E8 C3411 440 → main C39 + featured C3841
    /// cover all but E8: leading = 5060 / 5500 = 0.92; high-tech (C39, C3841) likewise 0.92.
    /// PB (cultivating, main C34 C38) holds E3 C3411 550: leading 1, high-tech 0.
    func testValuesByHand() throws {
        let (old, new) = try crossing()
        let cards = try Evaluation.evaluate(dataset: new, previous: old)
        XCTAssertEqual(cards.map(\.id), ["PA", "PB"])
        let pa = cards[0], pb = cards[1]
        XCTAssertEqual(pa.criteria.map(\.key), [.leadingIndustryShare, .highTechShare, .industrialBuildingCoefficient, .revenuePerMuGrowth])
        XCTAssertEqual(try XCTUnwrap(pa.criteria[0].value), 5060.0 / 5500.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(pa.criteria[1].value), 5060.0 / 5500.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(pb.criteria[0].value), 1, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(pb.criteria[1].value), 0, accuracy: 1e-12)
        // Continuing enterprises of PA with declared land 20 000 m² both years: E1, E2, E7, E8 (E2 came from PB):
        // output × 1.1 on the same land → growth 10 %.
        XCTAssertEqual(try XCTUnwrap(pa.criteria[3].value), 0.1, accuracy: 1e-12)
        // PB has no parcels: no building coefficient, which fails, as does its high-tech share of 0.
        XCTAssertNil(pb.criteria[2].value)
        XCTAssertEqual(pb.criteria.map(\.passed), [true, false, false, true])
        XCTAssertEqual(pb.verdict, .continueCultivating)
        XCTAssertEqual(pb.failures, 2)
        // Without --previous there is no growth criterion.
        XCTAssertEqual(try Evaluation.evaluate(dataset: new).first?.criteria.count, 3)
    }

    func testEveryCriterionAtAndAroundItsThreshold() throws {
        let (old, new) = try crossing()
        let base = try Evaluation.evaluate(dataset: new, previous: old)[0]
        XCTAssertEqual(base.status, .certified)
        func policy(_ key: Evaluation.Criterion.Key, _ threshold: Double) -> FeaturedParkPolicy {
            var p = FeaturedParkPolicy()
            // Every other threshold well below its value, so only `key` can fail.
            p.leadingIndustryShare = 0
            p.highTechShare = 0
            p.buildingCoefficient = 0
            p.revenuePerMuGrowth = -1
            switch key {
            case .leadingIndustryShare: p.leadingIndustryShare = threshold
            case .highTechShare: p.highTechShare = threshold
            case .industrialBuildingCoefficient: p.buildingCoefficient = threshold
            case .revenuePerMuGrowth: p.revenuePerMuGrowth = threshold
            }
            return p
        }
        for criterion in base.criteria {
            let value = try XCTUnwrap(criterion.value, criterion.key.rawValue)
            for (threshold, verdict) in [(value, Evaluation.Verdict.keep), (value.nextDown, .keep), (value.nextUp, .warning)] {
                let card = try Evaluation.evaluate(dataset: new, previous: old, policy: policy(criterion.key, threshold))[0]
                XCTAssertEqual(card.verdict, verdict, "\(criterion.key.rawValue) threshold \(threshold) vs value \(value)")
                XCTAssertEqual(card.criteria.first { $0.key == criterion.key }?.passed, verdict == .keep)
            }
        }
        // Two misses: withdrawal; the cultivating park meeting all: certification.
        var strict = policy(.leadingIndustryShare, 1)
        strict.highTechShare = 1
        let cards = try Evaluation.evaluate(dataset: new, previous: old, policy: strict)
        XCTAssertEqual(cards[0].verdict, .recommendWithdrawal)
        XCTAssertEqual(cards[1].verdict, .continueCultivating, "PB's high-tech share is 0")
        // PA as a cultivating park: meeting all → certification; missing one → continue cultivating.
        var cultivating = new
        cultivating.parks[0].featuredStatus = .cultivating
        let lenient = policy(.leadingIndustryShare, 0)
        XCTAssertEqual(try Evaluation.evaluate(dataset: cultivating, previous: old, policy: lenient)[0].verdict, .recommendCertification)
        XCTAssertEqual(try Evaluation.evaluate(dataset: cultivating, previous: old, policy: policy(.highTechShare, 0.93))[0].verdict,
                       .continueCultivating)
    }

    func testNoFeaturedParksNoScorecards() throws {
        var (_, new) = try crossing()
        for i in new.parks.indices { new.parks[i].featuredStatus = nil }
        XCTAssertTrue(try Evaluation.evaluate(dataset: new).isEmpty)
    }

    func testHandlesReleased() throws {
        let before = GEOSLibrary.liveHandles
        let (old, new) = try crossing()
        _ = try Evaluation.evaluate(dataset: new, previous: old, threads: 2)
        XCTAssertEqual(GEOSLibrary.liveHandles, before)
    }
}
