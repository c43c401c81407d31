import GeoCore
import LayoutAnalysis
import LayoutModel
import XCTest

/// Enterprise movements on hand-built snapshots: the crossing fixture plants
/// one enterprise per kind (Tests/Reference/compare_make_fixtures.py,
/// ENTERPRISES), and pure id/park lists check the rules directly.
final class MovementTests: XCTestCase {
    func testOnePlantedEnterprisePerKind() throws {
        let c = try SnapshotComparison.compare(
            old: try StatsFixture.dataset("Tests/Fixtures/compare/in/crossing_old"),
            new: try StatsFixture.dataset("Tests/Fixtures/compare/in/crossing_new"), level: 2)
        let byId = Dictionary(uniqueKeysWithValues: c.movements.changes.map { ($0.id, $0) })
        XCTAssertEqual(byId["E2"]?.kind, .betweenParks)
        XCTAssertEqual(byId["E2"]?.oldPark, "PB")
        XCTAssertEqual(byId["E2"]?.newPark, "PA")
        XCTAssertEqual(byId["E3"]?.kind, .intoPark)
        XCTAssertEqual(byId["E3"]?.newPark, "PB")
        // E4 was in the sub-park PB1 (smallest park wins over its parent PB).
        XCTAssertEqual(byId["E4"]?.kind, .outOfPark)
        XCTAssertEqual(byId["E4"]?.oldPark, "PB1")
        XCTAssertEqual(byId["E5"]?.kind, .exited)
        XCTAssertEqual(byId["E6"]?.kind, .entered)
        XCTAssertEqual(byId["E7"]?.kind, .relocated)
        XCTAssertEqual(try XCTUnwrap(byId["E7"]?.distance), 50, accuracy: 0.5)
        XCTAssertNil(byId["E1"])
        XCTAssertNil(byId["E8"])
        XCTAssertNil(byId["E9"])
        XCTAssertEqual(c.movements.industryChanges.map(\.id), ["E8"])
        XCTAssertEqual(c.movements.matched, 7)

        let pa = try XCTUnwrap(c.parks.first { $0.id == "PA" })
        XCTAssertEqual([pa.entered, pa.exited, pa.movedIn, pa.movedOut, pa.industryChanged], [1, 1, 1, 0, 1])
        let pb = try XCTUnwrap(c.parks.first { $0.id == "PB" })
        XCTAssertEqual([pb.entered, pb.exited, pb.movedIn, pb.movedOut], [0, 0, 1, 1])
        XCTAssertEqual(pb.positioning?.mainAdded, ["C38"])
        XCTAssertEqual(pb.positioning?.mainRemoved, [])
        // Section C inside parks: old E1 E2 E4 E5 E7 E8 (6 of 8), new E1 E2 E3 E6 E7 E8 (6 of 8).
        XCTAssertEqual(c.city.concentrationOld.countInside, 6)
        XCTAssertEqual(c.city.concentrationNew.countInside, 6)
        XCTAssertEqual(try XCTUnwrap(c.city.concentrationOld.countShare), 0.75)
    }

    func testKindsFromParkIds() {
        func e(_ id: String, _ x: Double, industry: String = "C3976") -> Enterprise {
            Enterprise(id: id, name: id, industry: IndustryCode(validating: industry)!, geometry: .point(Position(x: x, y: 31)),
                       source: FeatureSource(file: "enterprises.geojson", index: 0))
        }
        // 1e-4° of longitude at 31°N ≈ 9.5 m: below the 10 m tolerance; 2e-4° ≈ 19 m: above.
        let old = [e("a", 104), e("b", 104), e("c", 104), e("d", 104), e("f", 104), e("g", 104), e("x", 104)]
        let new = [e("a", 104.0001), e("b", 104), e("c", 104), e("d", 104), e("f", 104.0002), e("g", 104, industry: "C3974"),
                   e("n", 104)]
        let m = EnterpriseMovements(old: EnterpriseTable(old), oldPark: ["P", "P", nil, "P", nil, "P", "P"],
                                    new: EnterpriseTable(new), newPark: ["P", "Q", "P", nil, nil, "P", "P"])
        let kinds = Dictionary(uniqueKeysWithValues: m.changes.map { ($0.id, $0.kind) })
        XCTAssertEqual(kinds, ["b": .betweenParks, "c": .intoPark, "d": .outOfPark, "f": .relocated, "x": .exited, "n": .entered])
        XCTAssertEqual(m.industryChanges.map(\.id), ["g"])
        XCTAssertEqual(m.matched, 6)
        XCTAssertEqual(m.changes.map(\.id), ["n", "x", "b", "c", "d", "f"], "entries, exits, then moves in new order")
    }

    func testParcelChangeClassification() {
        XCTAssertEqual(ParcelChange.classify(old: nil, new: (.built, "10")), .new)
        XCTAssertEqual(ParcelChange.classify(old: (.built, "10"), new: (.built, "10")), .unchanged)
        XCTAssertEqual(ParcelChange.classify(old: (.built, "10"), new: (.built, "11")), .landUseChanged)
        XCTAssertEqual(ParcelChange.classify(old: (.idle, "10"), new: (.built, "10")), .idleToBuilt)
        XCTAssertEqual(ParcelChange.classify(old: (.ready, "10"), new: (.built, "10")), .newlyBuilt)
        XCTAssertEqual(ParcelChange.classify(old: (.built, "10"), new: (.idle, "10")), .builtToIdle)
        XCTAssertEqual(ParcelChange.classify(old: (.unready, "23"), new: (.ready, "10")), .statusChanged)
    }
}
