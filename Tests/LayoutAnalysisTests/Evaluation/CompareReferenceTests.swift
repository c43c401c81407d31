import Foundation
import GEOS
import LayoutAnalysis
import LayoutModel
import XCTest

/// `SnapshotComparison` against the shapely + pyproj reference
/// (Tests/Reference/compare_reference.py). Fixtures were produced with:
///   python3 Tests/Reference/compare_make_fixtures.py
///   python3 Tests/Reference/compare_reference.py Tests/Fixtures/compare/in/crossing_old Tests/Fixtures/compare/in/crossing_new --level 2 --out Tests/Fixtures/compare/out/crossing_level2.json
///   python3 Tests/Reference/compare_reference.py Tests/Fixtures/compare/in/covered_old Tests/Fixtures/compare/in/covered_new --level 2 --out Tests/Fixtures/compare/out/covered_level2.json
///   python3 Tests/Reference/compare_reference.py GeoData/mianyang-2023 GeoData/mianyang --level 2 --out Tests/Fixtures/compare/out/mianyang_2023_2024_level2.json
///   python3 Tests/Reference/compare_reference.py GeoData/mianyang-2023 GeoData/mianyang --level 1 --out Tests/Fixtures/compare/out/mianyang_2023_2024_level1.json
///   parkatlas synth --out Tests/Fixtures/compare/in/berlin_s7_old --parks 4 --parcels 300 --enterprises 300 --seed 7 --center=13.4,52.5 --force
///   python3 Tests/Reference/compare_perturb.py Tests/Fixtures/compare/in/berlin_s7_old Tests/Fixtures/compare/in/berlin_s7_new --seed 7
///   python3 Tests/Reference/compare_reference.py Tests/Fixtures/compare/in/berlin_s7_old Tests/Fixtures/compare/in/berlin_s7_new --level 1 --out Tests/Fixtures/compare/out/berlin_s7_level1.json
final class CompareReferenceTests: XCTestCase {
    static let fixtures = "Tests/Fixtures/compare"

    func compare(_ old: String, _ new: String, level: Int, threads: Int = 2) throws -> SnapshotComparison {
        try SnapshotComparison.compare(old: try StatsFixture.dataset(old), new: try StatsFixture.dataset(new), level: level, threads: threads)
    }

    func expected(_ name: String) throws -> [String: Any] {
        let url = StatsFixture.packageRoot.appendingPathComponent("\(Self.fixtures)/out/\(name).json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func assertClose(_ a: Double, _ b: Double, relative: Double = 1e-6, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(a - b), relative * max(abs(a), abs(b), 1), "\(message): \(a) vs \(b)", file: file, line: line)
    }

    /// Every cell of the matrix agrees with the reference's, and no cell is missing either way.
    func assertMatrix(_ m: LandTransitionMatrix, _ reference: Any?, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let cells = try XCTUnwrap(reference as? [[String: Any]])
        var want: [String: Double] = [:]
        for c in cells { want["\(c["from"]!)→\(c["to"]!)"] = c["area_m2"] as? Double }
        var got: [String: Double] = [:]
        for c in m.cells { got["\(c.from)→\(c.to)"] = c.area }
        // GEOS may leave slivers of ~1e-9 m² where shapely gives none (or the reverse): ignore cells below 1e-3 m².
        XCTAssertEqual(Set(got.filter { $0.value > 1e-3 }.keys), Set(want.filter { $0.value > 1e-3 }.keys), name, file: file, line: line)
        for (key, value) in want where value > 1e-3 {
            assertClose(got[key] ?? 0, value, "\(name) \(key)", file: file, line: line)
        }
    }

    func assertAgrees(_ c: SnapshotComparison, _ ref: [String: Any]) throws {
        try assertMatrix(c.city.landUse, ref["land_use_transitions"], "land use")
        try assertMatrix(c.city.status, ref["status_transitions"], "status")
        let counts = try XCTUnwrap(ref["enterprise_counts"] as? [String: Int])
        for kind in EnterpriseMovements.Kind.allCases {
            XCTAssertEqual(c.movements.count(kind), counts[kind.rawValue], kind.rawValue)
        }
        let changes = try XCTUnwrap(ref["changes"] as? [[String: Any]])
        let want = Set(changes.map { "\($0["id"]!) \($0["change"]!) \($0["old_park"] as? String ?? "-") \($0["new_park"] as? String ?? "-")" })
        let got = Set(c.movements.changes.map { "\($0.id) \($0.kind.rawValue) \($0.oldPark ?? "-") \($0.newPark ?? "-")" })
        XCTAssertEqual(got, want)
        let industry = try XCTUnwrap(ref["industry_changes"] as? [[String: Any]])
        XCTAssertEqual(Set(c.movements.industryChanges.map(\.id)), Set(industry.map { $0["id"] as! String }))
        let inParks = try XCTUnwrap(ref["industrial_in_parks"] as? [String: [String: Any]])
        for (year, conc) in [("old", c.city.concentrationOld), ("new", c.city.concentrationNew)] {
            XCTAssertEqual(conc.count, inParks[year]!["count"] as? Int, year)
            XCTAssertEqual(conc.countInside, inParks[year]!["count_inside"] as? Int, year)
            assertClose(conc.output, inParks[year]!["output"] as! Double, "\(year) output")
            assertClose(conc.outputInside, inParks[year]!["output_inside"] as! Double, "\(year) output inside")
        }
        let leading = try XCTUnwrap(ref["leading_share"] as? [String: [String: Any]])
        for park in c.parks {
            for (year, value) in [("old", park.leadingShareOld), ("new", park.leadingShareNew)] {
                guard let table = leading[year], let reference = table[park.id] else { continue }
                if let r = reference as? Double {
                    assertClose(try XCTUnwrap(value, "\(park.id) \(year)"), r, "\(park.id) leading \(year)")
                } else {
                    XCTAssertNil(value, "\(park.id) \(year)")
                }
            }
        }
        let perMu = try XCTUnwrap(ref["per_mu"] as? [String: [String: Any]])
        for park in c.parks {
            guard let r = perMu[park.id] else {
                XCTAssertEqual(park.perMu.enterprises, 0, park.id)
                continue
            }
            XCTAssertEqual(park.perMu.enterprises, r["enterprises"] as? Int, park.id)
            assertClose(try XCTUnwrap(park.perMu.oldRevenuePerMu), r["revenue_per_mu_old"] as! Double, "\(park.id) old rev/mu")
            assertClose(try XCTUnwrap(park.perMu.newRevenuePerMu), r["revenue_per_mu_new"] as! Double, "\(park.id) new rev/mu")
            assertClose(try XCTUnwrap(park.perMu.revenueGrowth), r["revenue_per_mu_growth"] as! Double, "\(park.id) growth")
        }
    }

    func testCrossingGridAgainstShapely() throws {
        let before = GEOSLibrary.liveHandles
        do {
            let c = try compare("\(Self.fixtures)/in/crossing_old", "\(Self.fixtures)/in/crossing_new", level: 2)
            try assertAgrees(c, try expected("crossing_level2"))
            // The turned grid crosses every old cell: no pair is identical, so GEOS intersected them all.
            XCTAssertGreaterThan(c.city.landUse.cells.count, 9)
        }
        XCTAssertEqual(GEOSLibrary.liveHandles, before, "GEOS handles leaked")
    }

    func testFullyCoveredSumsToClassAreas() throws {
        let c = try compare("\(Self.fixtures)/in/covered_old", "\(Self.fixtures)/in/covered_new", level: 2)
        let ref = try expected("covered_level2")
        try assertAgrees(c, ref)
        // Rows sum to the old classes' areas, columns to the new ones' (to 1e-6 relative).
        let rows = c.city.landUse.rowSums, columns = c.city.landUse.columnSums
        XCTAssertEqual(Set(rows.keys), Set(c.city.oldClassAreas.keys))
        XCTAssertEqual(Set(columns.keys), Set(c.city.newClassAreas.keys))
        for (code, area) in c.city.oldClassAreas { assertClose(rows[code]!, area, "row \(code)") }
        for (code, area) in c.city.newClassAreas { assertClose(columns[code]!, area, "column \(code)") }
        let refOld = try XCTUnwrap(ref["old_class_areas"] as? [String: Double])
        for (code, area) in refOld { assertClose(c.city.oldClassAreas[code] ?? 0, area, "old class \(code) vs pyproj") }
        // Idle A (0–150 m) → built S1 and the west half of S2: idle→built is 150 × 200 m² (planar, to 0.5 %).
        XCTAssertEqual(c.city.status.area(from: "idle", to: "built") / 30_000, 1, accuracy: 0.005)
        XCTAssertEqual(c.parcelChanges.filter { $0 == .idleToBuilt }.count, 1)
        // The block lies wholly inside park PA, outside PB: PA's matrices are the city's, PB's empty.
        let pa = try XCTUnwrap(c.parks.first { $0.id == "PA" }), pb = try XCTUnwrap(c.parks.first { $0.id == "PB" })
        XCTAssertEqual(pa.landUse, c.city.landUse)
        XCTAssertEqual(pa.status, c.city.status)
        XCTAssertTrue(pb.landUse.cells.isEmpty)
    }

    func testMianyangSnapshotsAgainstShapely() throws {
        for level in [1, 2] {
            let c = try compare("GeoData/mianyang-2023", "GeoData/mianyang", level: level)
            try assertAgrees(c, try expected("mianyang_2023_2024_level\(level)"))
        }
    }

    func testPerturbedBerlinSynthAgainstShapely() throws {
        let c = try compare("\(Self.fixtures)/in/berlin_s7_old", "\(Self.fixtures)/in/berlin_s7_new", level: 1)
        try assertAgrees(c, try expected("berlin_s7_level1"))
        XCTAssertEqual(c.parks.first?.positioning?.mainAdded, ["C404"])
    }

    func testIdenticalForAnyThreadCount() throws {
        let one = try compare("GeoData/mianyang-2023", "GeoData/mianyang", level: 2, threads: 1)
        let two = try compare("GeoData/mianyang-2023", "GeoData/mianyang", level: 2, threads: 2)
        let four = try compare("GeoData/mianyang-2023", "GeoData/mianyang", level: 2, threads: 4)
        for other in [two, four] {
            XCTAssertEqual(one.city.landUse, other.city.landUse)
            XCTAssertEqual(one.city.status, other.city.status)
            XCTAssertEqual(one.parks.map(\.landUse), other.parks.map(\.landUse))
            XCTAssertEqual(one.parcelChanges, other.parcelChanges)
            XCTAssertEqual(one.movements.changes, other.movements.changes)
        }
    }

    func testComparingASnapshotWithItselfChangesNothing() throws {
        let c = try compare("\(Self.fixtures)/in/berlin_s7_old", "\(Self.fixtures)/in/berlin_s7_old", level: 2)
        XCTAssertTrue(c.movements.changes.isEmpty)
        XCTAssertTrue(c.parcelChanges.allSatisfy { $0 == .unchanged })
        XCTAssertTrue(c.city.landUse.cells.allSatisfy { $0.from == $0.to })
        for d in c.city.indicators { XCTAssertEqual(d.delta ?? 0, 0, d.indicator.key) }
        for (code, area) in c.city.oldClassAreas { assertClose(c.city.landUse.area(from: code, to: code), area, code) }
    }

    func testLevelOutsideOneOrTwoIsRejected() throws {
        let d = try StatsFixture.dataset("\(Self.fixtures)/in/covered_old")
        XCTAssertThrowsError(try SnapshotComparison.compare(old: d, new: d, level: 3))
    }
}
