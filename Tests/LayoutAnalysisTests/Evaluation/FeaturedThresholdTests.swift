import GeoCore
import LayoutAnalysis
import LayoutModel
import PROJ
import XCTest

/// Default thresholds hit exactly by hand-built parks: outputs chosen so that
/// the leading-industry share is 70/100 = 0.70 and the high-tech share
/// 25/100 = 0.25 (IEEE division is correctly rounded, so both equal the
/// literals), then nudged just below. One built industrial parcel with
/// footprint half its area keeps the building coefficient at 0.5.
final class FeaturedThresholdTests: XCTestCase {
    static let source = FeatureSource(file: "test", index: 0)

    func square(_ x: Double, _ y: Double, _ size: Double) -> Geometry {
        .polygon(Polygon(exterior: CoordinateSequence(xy: [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)])))
    }

    func dataset(main: [String], outputs: [(String, Double)]) -> Dataset {
        let park = Park(id: "P", name: "园区", level: .provincial, mainIndustries: main.compactMap(IndustryCode.init(validating:)),
                        featuredStatus: .certified, geometry: square(104.70, 31.40, 0.02), source: Self.source)
        let district = District(code: "510703", name: "涪城区", geometry: square(104.6, 31.3, 0.3), source: Self.source)
        let parcelGeometry = square(104.705, 31.405, 0.002)
        let area = Geodesic.grs80.area(of: parcelGeometry)
        let parcel = Parcel(id: "L1", landUse: "1001", status: .built, floorArea: area, footprint: area / 2,
                            geometry: parcelGeometry, source: Self.source)
        let enterprises = outputs.enumerated().map { i, e in
            Enterprise(id: "E\(i)", name: "企业\(i)", industry: IndustryCode(validating: e.0)!, output: e.1,
                       geometry: .point(Position(x: 104.71 + Double(i) * 0.001, y: 31.41)), source: Self.source)
        }
        return Dataset(folder: "hand-built", districts: [district], parks: [park], parcels: [parcel], enterprises: EnterpriseTable(enterprises))
    }

    func card(_ d: Dataset) throws -> FeaturedParkEvaluation.Scorecard {
        try XCTUnwrap(try FeaturedParkEvaluation.evaluate(dataset: d).first)
    }

    func testLeadingShareAtAndBelowSeventyPercent() throws {
        let at = try card(dataset(main: ["C13"], outputs: [("C1311", 70), ("C3976", 30)]))
        XCTAssertEqual(at.criteria[0].value, 0.70)
        XCTAssertTrue(at.criteria[0].passed, "exactly at the threshold passes")
        XCTAssertEqual(at.verdict, .keep)
        let below = try card(dataset(main: ["C13"], outputs: [("C1311", 69.999), ("C3976", 30.001)]))
        XCTAssertFalse(below.criteria[0].passed)
        XCTAssertEqual(below.verdict, .warning)
        let above = try card(dataset(main: ["C13"], outputs: [("C1311", 70.001), ("C3976", 29.999)]))
        XCTAssertEqual(above.verdict, .keep)
        XCTAssertEqual(try XCTUnwrap(above.criteria[2].value), 0.5, accuracy: 1e-12)
    }

    func testHighTechShareAtAndBelowTwentyFivePercent() throws {
        let at = try card(dataset(main: ["C13", "C27"], outputs: [("C1311", 75), ("C2710", 25)]))
        XCTAssertEqual(at.criteria[1].value, 0.25)
        XCTAssertEqual(at.verdict, .keep)
        let below = try card(dataset(main: ["C13", "C27"], outputs: [("C1311", 75.001), ("C2710", 24.999)]))
        XCTAssertEqual(below.criteria.map(\.passed), [true, false, true])
        XCTAssertEqual(below.verdict, .warning)
        // Both below: two misses → withdrawal.
        let both = try card(dataset(main: ["C13"], outputs: [("C1311", 69), ("C2710", 24), ("C1711", 7)]))
        XCTAssertEqual(both.criteria.map(\.passed), [false, false, true])
        XCTAssertEqual(both.verdict, .recommendWithdrawal)
    }
}
