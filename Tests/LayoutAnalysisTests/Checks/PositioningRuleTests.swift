import GEOS
import LayoutAnalysis
import LayoutModel
import XCTest

/// positioning-cap, duplicate-positioning, leading-industry-share, misfit and
/// scattered-industry on hand-built datasets whose answers follow from the definitions.
final class PositioningRuleTests: CheckRuleTestCase {

    func testPositioningCapIsStrictlyAboveTheLevelCap() throws {
        let parks = [
            F.park("N", F.rect(104.0, 31.0, 104.01, 31.01), level: .national, main: ["C13", "C14", "C15"], featured: ["C17", "C18"]),
            F.park("P", F.rect(104.1, 31.0, 104.11, 31.01), level: .provincial, main: ["C13", "C14", "C15"]),
            F.park("M", F.rect(104.2, 31.0, 104.21, 31.01), level: .municipal, main: ["C13"], featured: ["C14", "C15", "C17"]),
        ]
        let report = try F.run(F.dataset(parks: parks))
        let found = report.findings(.positioningCap)
        XCTAssertEqual(found.map { $0.subject.ids[0] }, ["P", "M"])
        XCTAssertEqual(found.map(\.value), [3, 3])
        XCTAssertEqual(found.map(\.threshold), [2, 2])
        XCTAssertTrue(found.allSatisfy { $0.severity == .error })
        // A policy raising the provincial main cap to 3 clears P.
        let relaxed = try F.run(F.dataset(parks: parks)) { $0.positioningCaps[.provincial] = PositioningCap(main: 3, featured: 2) }
        XCTAssertEqual(relaxed.subjects(.positioningCap), ["M"])
    }

    func testDuplicatePositioningComparesGroupsAndSkipsParentChildAndDivisionCodes() throws {
        // A and B 2 km apart share group C397; C (division C39 only) shares none; A1 is A's child.
        let parks = [
            F.park("A", F.rect(104.0, 31.0, 104.02, 31.02), district: "D1", main: ["C397", "C13"]),
            F.park("A1", F.rect(104.001, 31.001, 104.005, 31.005), district: "D1", parent: "A", main: ["C3974"]),
            F.park("B", F.rect(104.04, 31.0, 104.06, 31.02), district: "D2", main: ["C3974"]),
            F.park("C", F.rect(104.08, 31.0, 104.10, 31.02), district: "D2", main: ["C39"]),
            // Far (≈ 95 km) and in another district: not compared. Far but in B's district: compared.
            F.park("FAR", F.rect(105.0, 31.0, 105.01, 31.01), district: "D3", main: ["C3971"]),
            F.park("FAR2", F.rect(105.0, 31.2, 105.01, 31.21), district: "D2", main: ["C3973"]),
        ]
        let report = try F.run(F.dataset(parks: parks, districts: []))
        XCTAssertEqual(report.subjects(.duplicatePositioning), ["A/B", "A1/B", "B/FAR2"])
        let ab = try XCTUnwrap(report.findings(.duplicatePositioning).first)
        XCTAssertEqual(ab.unit, .metres)
        XCTAssertEqual(ab.value!, 1910, accuracy: 30, "0.02° of longitude at 31°N ≈ 1.9 km")
        // At the limit counts (≤), the limit being the true distance: the geodesic between the
        // facing top corners, 1909.6864813391219 m (pyproj Geod GRS80:
        // `python3 Tests/Reference/geodesic_polygon_thresholds.py`); the frame's 1909.888 m is
        // 0.2 m longer (scale 1.0001 one degree off its central meridian). 1 mm either side.
        let geodesic = 1909.6864813391219
        let atLimit = try F.run(F.dataset(parks: [parks[0], parks[2]], districts: [])) { $0.duplicatePositioningDistance = geodesic + 0.001 }
        XCTAssertEqual(atLimit.subjects(.duplicatePositioning), ["A/B"])
        XCTAssertEqual(try XCTUnwrap(atLimit.findings(.duplicatePositioning).first?.value), geodesic, accuracy: 1e-4)
        let below = try F.run(F.dataset(parks: [parks[0], parks[2]], districts: [])) { $0.duplicatePositioningDistance = geodesic - 0.001 }
        XCTAssertEqual(below.subjects(.duplicatePositioning), [])
    }

    func testLeadingShareAtTargetPassesBelowIsWarningOrErrorForCertified() throws {
        let a = F.park("A", F.rect(104.0, 31.0, 104.01, 31.01), main: ["C13"])
        let b = F.park("B", F.rect(104.1, 31.0, 104.11, 31.01), main: ["C13"], status: .certified)
        let c = F.park("C", F.rect(104.2, 31.0, 104.21, 31.01), main: ["C13"])
        let empty = F.park("E", F.rect(104.25, 31.0, 104.26, 31.01), main: ["C13"])
        let enterprises = [
            // A: 70 of 100 in C13: exactly the target, not flagged.
            F.enterprise("a1", 104.005, 31.005, "C1311", output: 70), F.enterprise("a2", 104.006, 31.005, "C3974", output: 30),
            // B: 60 of 100, certified: error.
            F.enterprise("b1", 104.105, 31.005, "C1311", output: 60), F.enterprise("b2", 104.106, 31.005, "C3974", output: 40),
            // C: enterprises without output: cannot be assessed.
            F.enterprise("c1", 104.205, 31.005, "C1311", output: nil),
        ]
        let report = try F.run(F.dataset(parks: [a, b, c, empty], enterprises: enterprises))
        let found = report.findings(.leadingIndustryShare)
        XCTAssertEqual(found.map { $0.subject.ids[0] }, ["B", "C", "E"])
        XCTAssertEqual(found.map(\.severity), [.error, .info, .info])
        XCTAssertEqual(found[0].value!, 0.6, accuracy: 1e-15)
        XCTAssertNil(found[1].value)
        XCTAssertNil(found[2].value)
        // One more unit of misfit output in A takes it just below.
        let below = try F.run(F.dataset(parks: [a], enterprises: [enterprises[0], F.enterprise("a3", 104.006, 31.005, "C3974", output: 30.0001)]))
        XCTAssertEqual(below.findings(.leadingIndustryShare).map(\.severity), [.warning])
        // Misfits: a2 and b2, with no park matching C3974.
        XCTAssertEqual(report.subjects(.misfitEnterprise), ["a2", "b2"])
        XCTAssertNil(report.findings(.misfitEnterprise)[0].suggestion)
    }

    func testSubParkHasItsOwnPositioningAndParentCountsItsEnterprises() throws {
        let parent = F.park("P", F.rect(104.0, 31.0, 104.02, 31.02), main: ["C13", "C367"])
        let child = F.park("PA", F.rect(104.0, 31.0, 104.01, 31.01), parent: "P", main: ["C3974"])
        let other = F.park("Q", F.rect(104.05, 31.0, 104.06, 31.01), main: ["C367"])
        let enterprises = [
            F.enterprise("in-child-fits", 104.005, 31.005, "C3974", output: 50),
            F.enterprise("in-child-parent-code", 104.006, 31.006, "C3670", output: 50),
            F.enterprise("in-parent", 104.015, 31.015, "C1311", output: 100),
        ]
        let report = try F.run(F.dataset(parks: [parent, child, other], enterprises: enterprises))
        // Misfit against the sub-park's own code; the suggestion is the parent, which already covers it (0 m).
        let misfits = report.findings(.misfitEnterprise)
        XCTAssertEqual(misfits.map { $0.subject.ids[0] }, ["in-child-parent-code"])
        XCTAssertEqual(misfits[0].parks, ["PA"])
        XCTAssertEqual(misfits[0].suggestion?.park, "P")
        XCTAssertEqual(misfits[0].suggestion?.distance, 0)
        // The parent's share counts its sub-park's enterprises against the parent's codes: 150 of 200.
        let shares = report.findings(.leadingIndustryShare)
        XCTAssertEqual(shares.map { $0.subject.ids[0] }, ["PA", "Q"])
        XCTAssertEqual(shares[0].value!, 0.5, accuracy: 1e-15)
        XCTAssertNil(shares[1].value, "Q has no enterprises")
    }

    func testScatteredIndustryNeedsEnoughParksAndNoLeader() throws {
        let parks = (0..<4).map { F.park("P\($0)", F.rect(104.0 + 0.05 * Double($0), 31.0, 104.01 + 0.05 * Double($0), 31.01), main: ["C13"]) }
        let sub = F.park("P0A", F.rect(104.0, 31.0, 104.005, 31.005), parent: "P0", main: ["C131"])
        func firm(_ park: Int, _ output: Double, inSub: Bool = false) -> Enterprise {
            let x = 104.0 + 0.05 * Double(park) + (inSub ? 0.002 : 0.008)
            return F.enterprise("e\(park)\(inSub)\(output)", x, inSub ? 31.002 : 31.008, "C1311", output: output)
        }
        // Three parks with a third each: scattered, suggestion the first largest (P0, lowest index on the tie).
        var report = try F.run(F.dataset(parks: parks + [sub], enterprises: [firm(0, 100), firm(1, 100), firm(2, 100)]))
        let found = report.findings(.scatteredIndustry)
        XCTAssertEqual(found.map { $0.subject.ids[0] }, ["C13"])
        XCTAssertEqual(found[0].value!, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(found[0].suggestion?.park, "P0")
        // P0 (half of it in its sub-park, counted for P0) holds exactly 50 %: not scattered.
        report = try F.run(F.dataset(parks: parks + [sub], enterprises: [firm(0, 100), firm(0, 100, inSub: true), firm(1, 100), firm(2, 100)]))
        XCTAssertEqual(report.subjects(.scatteredIndustry), [])
        // Two parks only: not scattered; with the minimum lowered to 2 it is.
        report = try F.run(F.dataset(parks: parks, enterprises: [firm(0, 100), firm(1, 100)]))
        XCTAssertEqual(report.subjects(.scatteredIndustry), [])
        report = try F.run(F.dataset(parks: parks, enterprises: [firm(0, 100), firm(1, 100)])) {
            $0.scatteredIndustryMinParks = 2
            $0.scatteredIndustryMaxShare = 0.6
        }
        XCTAssertEqual(report.subjects(.scatteredIndustry), ["C13"])
    }
}
