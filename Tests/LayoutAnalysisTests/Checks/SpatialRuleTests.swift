import GEOS
import GeoCore
import LayoutAnalysis
import LayoutModel
import PROJ
import XCTest

/// outside-parks, chemical, park/parcel overlaps, outside shares, idle land and
/// low intensity on hand-built datasets, thresholds probed at the exact value.
final class SpatialRuleTests: CheckRuleTestCase {

    func testOutsideParksByCountAndOutputAndTheListOfAboveScaleFirms() throws {
        let park = F.park("P", F.rect(104.0, 31.0, 104.01, 31.01), main: ["C13"])
        let far = F.park("Q", F.rect(104.1, 31.0, 104.11, 31.01), main: ["C39"])
        var firms = (0..<4).map { F.enterprise("in\($0)", 104.002 + 0.001 * Double($0), 31.005, "C1311", output: 100) }
        firms.append(F.enterprise("out-small", 104.03, 31.005, "C1311", output: 100, aboveScale: false))
        // A service firm does not count (section M).
        firms.append(F.enterprise("service", 104.04, 31.005, "M7310", output: 1000))
        // 4 of 5 industrial inside, 400 of 500 output: exactly the target, no finding.
        var report = try F.run(F.dataset(parks: [park, far], enterprises: firms))
        XCTAssertEqual(report.subjects(.outsideParks), [])
        // An above-scale C39 firm outside: 4/6 by count, 400/1500 by output, for the city and D1; listed with Q.
        firms.append(F.enterprise("out-big", 104.05, 31.005, "C3974", output: 1000, aboveScale: true))
        report = try F.run(F.dataset(parks: [park, far], enterprises: firms))
        let found = report.findings(.outsideParks)
        XCTAssertEqual(found.map { "\($0.severity.rawValue) \($0.subject.kind.rawValue) \($0.subject.ids[0])" },
                       ["warning city city", "warning city city", "warning district D1", "warning district D1", "info enterprise out-big"])
        XCTAssertEqual(found[0].value!, 4.0 / 6, accuracy: 1e-15)
        XCTAssertEqual(found[1].value!, 400.0 / 1500, accuracy: 1e-15)
        let listed = found[4]
        XCTAssertEqual(listed.suggestion?.park, "Q")
        // 104.05 → 104.10 at 31.005°N: ≈ 4.77 km in the Gauss–Krüger frame.
        XCTAssertEqual(listed.suggestion!.distance!, 4770, accuracy: 20)
    }

    func testChemicalFirmInsideAChemicalParkOrItsSubParkIsFine() throws {
        let chemical = F.park("CH", F.rect(104.0, 31.0, 104.02, 31.02), main: ["C26"], chemical: true)
        let sub = F.park("CHA", F.rect(104.0, 31.0, 104.01, 31.01), parent: "CH", main: ["C2661"])
        let plain = F.park("PL", F.rect(104.1, 31.0, 104.11, 31.01), main: ["C13"])
        let firms = [
            F.enterprise("in-chem", 104.015, 31.015, "C2614"), F.enterprise("in-sub", 104.005, 31.005, "C2614"),
            F.enterprise("in-plain", 104.105, 31.005, "C2511"), F.enterprise("loose", 104.2, 31.1, "C2614"),
            F.enterprise("not-hazardous", 104.2, 31.1, "C2710"),
        ]
        let report = try F.run(F.dataset(parks: [chemical, sub, plain], enterprises: firms))
        XCTAssertEqual(report.subjects(.chemicalOutsideChemicalPark, severity: .error), ["in-plain", "loose"])
        XCTAssertEqual(report.findings(.chemicalOutsideChemicalPark).map { $0.suggestion?.park }, ["CH", "CH"])
        // The policy list decides what is hazardous.
        let only25 = try F.run(F.dataset(parks: [chemical, sub, plain], enterprises: firms)) {
            $0.hazardousChemicalIndustries = F.codes(["C25"])
        }
        XCTAssertEqual(only25.subjects(.chemicalOutsideChemicalPark), ["in-plain"])
    }

    func testParkOverlapShareOfTheSmallerParkStrictlyAboveTheLimit() throws {
        let big = F.park("BIG", F.rect(104.0, 31.0, 104.02, 31.02))
        let small = F.park("SMALL", F.rect(104.019, 31.0, 104.029, 31.01))
        let child = F.park("CHILD", F.rect(104.0, 31.0, 104.01, 31.01), parent: "BIG")
        let report = try F.run(F.dataset(parks: [big, small, child]))
        let found = report.findings(.parkOverlap)
        XCTAssertEqual(found.map { $0.subject.ids.joined(separator: "/") }, ["BIG/SMALL"], "parent/child overlap is by design")
        // The overlap is a tenth of SMALL (0.001° of its 0.01° width).
        let share = try XCTUnwrap(found.first?.value)
        XCTAssertEqual(share, 0.1, accuracy: 1e-4)
        XCTAssertEqual(try F.run(F.dataset(parks: [big, small])) { $0.parkOverlapShare = share }.subjects(.parkOverlap), [])
        XCTAssertEqual(try F.run(F.dataset(parks: [big, small])) { $0.parkOverlapShare = share.nextDown }.subjects(.parkOverlap), ["BIG/SMALL"])
    }

    func testParkOutsideDeclaredDistrict() throws {
        // 10 % of the park (0.001° of 0.01°) lies west of D1 (which starts at 103.9).
        let crossing = F.park("X", F.rect(103.899, 31.0, 103.909, 31.01), district: "D1")
        let undeclared = F.park("U", F.rect(103.899, 31.1, 103.909, 31.11), district: nil)
        let report = try F.run(F.dataset(parks: [crossing, undeclared]))
        let found = report.findings(.parkOutsideDistrict)
        XCTAssertEqual(found.map { $0.subject.ids[0] }, ["X"])
        XCTAssertEqual(found[0].value!, 0.1, accuracy: 1e-4)
        XCTAssertEqual(found[0].severity, .warning)
    }

    func testParcelOverlapAboveOneSquareMetreTouchingIsNot() throws {
        let park = F.park("P", F.rect(104.0, 31.0, 104.01, 31.01))
        let parcels = [
            F.parcel("A", F.rect(104.001, 31.001, 104.002, 31.002)),
            F.parcel("B", F.rect(104.002, 31.001, 104.003, 31.002)),  // touches A
            F.parcel("C", F.rect(104.0029, 31.001, 104.004, 31.002)),  // overlaps B by 0.0001° ≈ 9.5 m × 111 m
            F.parcel("D", F.rect(104.005, 31.001, 104.006, 31.002)),
            F.parcel("E", F.rect(104.00599999, 31.001, 104.007, 31.002)),  // overlaps D by ≈ 0.001 m × 111 m < 1 m²
            F.parcel("G", F.rect(104.008, 31.001, 104.009, 31.002)),
            // Overlaps G by 1.6e-7° ≈ 0.0152 m × 110.9 m ≈ 1.69 m²: just above, and its envelope bound too.
            F.parcel("H", F.rect(104.00899984, 31.001, 104.010, 31.002)),
        ]
        let report = try F.run(F.dataset(parks: [park], parcels: parcels))
        let found = report.findings(.parcelOverlap)
        XCTAssertEqual(found.map { $0.subject.ids.joined(separator: "/") }, ["B/C", "G/H"])
        XCTAssertEqual(found[1].value!, Geodesic.grs80.area(of: F.rect(104.00899984, 31.001, 104.009, 31.002)), accuracy: 1e-6)
        let expected = Geodesic.grs80.area(of: F.rect(104.0029, 31.001, 104.003, 31.002))
        XCTAssertEqual(found[0].value!, expected, accuracy: expected * 1e-6)
        XCTAssertEqual(found[0].parks, ["P"])
        // Same answer on one thread.
        XCTAssertEqual(try F.run(F.dataset(parks: [park], parcels: parcels), threads: 1).findings, report.findings)
    }

    func testParcelOutsideParksIdleLandAndLowIntensity() throws {
        let park = F.park("P", F.rect(104.0, 31.0, 104.01, 31.01))
        let parcels = [
            // 60 % outside (0.0006° of 0.001° east of the park), and 40 % outside.
            F.parcel("OUT60", F.rect(104.0096, 31.001, 104.0106, 31.002), status: .ready),
            F.parcel("OUT40", F.rect(104.0094, 31.003, 104.0104, 31.004), status: .ready),
            F.parcel("IDLE", F.rect(104.001, 31.005, 104.002, 31.006), status: .idle),
            F.parcel("FACTORY", F.rect(104.003, 31.005, 104.004, 31.006), status: .built, landUse: "100101", floor: 5000, footprint: 2000),
        ]
        let report = try F.run(F.dataset(parks: [park], parcels: parcels))
        XCTAssertEqual(report.subjects(.parcelOutsidePark, severity: .info), ["OUT60"])
        XCTAssertEqual(report.findings(.parcelOutsidePark)[0].value!, 0.6, accuracy: 1e-4)
        XCTAssertEqual(report.subjects(.idleLand), ["P", "IDLE"])
        let rate = report.findings(.idleLand)[0].value!
        // Idle / supplied: IDLE over IDLE + FACTORY, equal areas to 1e-4.
        XCTAssertEqual(rate, 0.5, accuracy: 1e-4)
        // Industrial building coefficient = 2000 m² / FACTORY's area; probe the limit at exactly that value.
        let area = Geodesic.grs80.area(of: F.rect(104.003, 31.005, 104.004, 31.006))
        let coefficient = 2000 / area, far = 5000 / area
        XCTAssertLessThan(coefficient, 0.3)
        XCTAssertLessThan(far, 0.6)
        XCTAssertEqual(report.subjects(.lowIntensity), ["P", "P"], "one finding per indicator below its default limit")
        let at = try F.run(F.dataset(parks: [park], parcels: parcels)) {
            $0.lowIntensityBuildingCoefficient = coefficient
            $0.lowIntensityFloorAreaRatio = far
        }
        XCTAssertEqual(at.subjects(.lowIntensity), [], "a value equal to the limit is not below it")
        let above = try F.run(F.dataset(parks: [park], parcels: parcels)) {
            $0.lowIntensityBuildingCoefficient = coefficient.nextUp
            $0.lowIntensityFloorAreaRatio = far.nextUp
        }
        XCTAssertEqual(above.findings(.lowIntensity).map { $0.value! }, [coefficient, far], "the parcel is covered: exact ratios")
        XCTAssertEqual(above.findings(.lowIntensity).count, 2)
    }

    func testEmptyParkAndMissingFilesSkipTheirRules() throws {
        let park = F.park("EMPTY", F.rect(104.0, 31.0, 104.01, 31.01))
        let report = try F.run(F.dataset(parks: [park], hasParcels: false, hasEnterprises: false))
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(Set(report.skippedRules), [.leadingIndustryShare, .misfitEnterprise, .scatteredIndustry, .outsideParks,
                                                   .chemicalOutsideChemicalPark, .parcelOverlap, .parcelOutsidePark, .idleLand, .lowIntensity])
        XCTAssertEqual(report.parks.map(\.verdict), [.compliant])
        // With the files present but empty: the park cannot be assessed for its leading share (info), still compliant.
        let withFiles = try F.run(F.dataset(parks: [park]))
        XCTAssertEqual(withFiles.findings.map(\.rule), [.leadingIndustryShare])
        XCTAssertEqual(withFiles.parks.map(\.verdict), [.compliant])
    }
}

