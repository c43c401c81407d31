import GeoCore
import LayoutIO
import LayoutModel
import Reporting
import XCTest

@testable import LayoutAnalysis

/// The park pages' positioning panel and the city page's 工业向园区集中 agree with the
/// analyses they restate: division shares of output, tax and employees with `agglomeration`
/// (its unit × industry table, summed over a park and its sub-parks), the leading-industry
/// share with the `leading-industry-share` findings of `check`, and the county shares with
/// the `outside-parks` findings.
final class ParkProfileTests: XCTestCase {
    static let data: Dataset? = try? DatasetLoader.load(
        folder: AnalysisFixtures.repository.appendingPathComponent("GeoData/mianyang").path, options: .init()).dataset

    func testPositioningSharesAgreeWithAgglomerationAndCheck() throws {
        let data = try XCTUnwrap(Self.data)
        let frame = try MetricFrame(extent: try XCTUnwrap(data.boundingBox))
        let byOutput = try AgglomerationAnalysis(dataset: data, frame: frame, level: .division, measure: .output, threads: 2)
        let byEmployees = try AgglomerationAnalysis(dataset: data, frame: frame, level: .division, measure: .employees, threads: 2)
        let byTax = try AgglomerationAnalysis(dataset: data, frame: frame, level: .division, measure: .tax, threads: 2)
        let members = ParkProfile.members(parks: data.parks, unitOfEnterprise: byOutput.unitOfEnterprise)
        let check = try LayoutChecks.run(dataset: data, threads: 2)
        var compared = 0, flagged = 0
        for p in data.parks.indices {
            let profile = ParkProfile(park: p, members: members[p], dataset: data, thresholds: data.policy.checks)
            let units = [p] + ParkProfile.descendants(of: p, in: data.parks)
            for (a, key) in [(byOutput, \ParkProfile.IndustryShare.output), (byEmployees, \ParkProfile.IndustryShare.employees),
                             (byTax, \ParkProfile.IndustryShare.tax)] {
                let total = units.reduce(0.0) { $0 + a.indices.unitTotals[$1] }
                for (i, code) in a.industries.enumerated() {
                    let value = units.reduce(0.0) { $0 + a.indices.value(industry: i, unit: $1) }
                    let row = profile.divisions.first { $0.code == code }
                    if value == 0 { XCTAssertTrue(row == nil || (row![keyPath: key] ?? 0) == 0, "\(data.parks[p].id) \(code)"); continue }
                    let got = try XCTUnwrap(row?[keyPath: key], "\(data.parks[p].id) \(code)")
                    XCTAssertEqual(got, value / total, accuracy: 1e-12, "\(data.parks[p].id) \(code)")
                    compared += 1
                }
            }
            // The leading-industry share: the check's value where it flags the park, else at least the target.
            let finding = check.findings.first { $0.rule == .leadingIndustryShare && $0.parks == [data.parks[p].id] }
            // The report's shortcut (no per-industry tables) gives the profile's value, bit for bit.
            let shortcut = ParkProfile.leadingShare(park: p, members: members[p], dataset: data)
            XCTAssertEqual(shortcut?.bitPattern, profile.leadingShare?.bitPattern, data.parks[p].id)
            if let value = finding?.value {
                XCTAssertEqual(try XCTUnwrap(profile.leadingShare), value, accuracy: 1e-12, data.parks[p].id)
                XCTAssertEqual(try XCTUnwrap(shortcut), value, accuracy: 1e-12, data.parks[p].id)
                flagged += 1
            } else if let share = profile.leadingShare {
                XCTAssertGreaterThanOrEqual(share, data.policy.checks.leadingIndustryShare, data.parks[p].id)
            }
            // The cap: a positioning-cap finding exactly when a list is over its cap.
            let capFindings = check.findings.filter { $0.rule == .positioningCap && $0.parks == [data.parks[p].id] }
            XCTAssertEqual(!capFindings.isEmpty, profile.capExceeded, data.parks[p].id)
        }
        XCTAssertGreaterThan(compared, 150)
        XCTAssertGreaterThan(flagged, 0, "the reference dataset has parks below the leading-industry target")
    }

    func testConcentrationAgreesWithOutsideParksFindings() throws {
        let data = try XCTUnwrap(Self.data)
        let results = try FullAnalysis.run(dataset: data, threads: 2)
        let table = try XCTUnwrap(results.concentration)
        // 1 city + 9 counties + 3 functional zones (GeoData/README.md: 12 districts incl. MY-GXQ, MY-JKQ, MY-KJC).
        XCTAssertEqual(table.units.count, 13)
        XCTAssertEqual(Set(table.units.filter { $0.kind == .functional }.map(\.code)), ["MY-GXQ", "MY-JKQ", "MY-KJC"])
        let counties = table.units.filter { $0.kind == .administrative }
        // Counties partition the city's located industrial enterprises.
        XCTAssertEqual(counties.reduce(0) { $0 + $1.figures.count }, table.units[0].figures.count)
        var matched = 0
        for f in results.check.findings where f.rule == .outsideParks && f.severity == .warning {
            let unit = try XCTUnwrap(table.units.first { $0.code == (f.district ?? "city") })
            let byCount = f.messageEn.contains("by count")
            XCTAssertEqual(try XCTUnwrap(byCount ? unit.figures.countShare : unit.figures.outputShare), try XCTUnwrap(f.value), accuracy: 1e-12)
            matched += 1
        }
        for unit in table.units where unit.kind != .functional {
            let flagged = results.check.findings.contains { $0.rule == .outsideParks && $0.severity == .warning && ($0.district ?? "city") == unit.code }
            if !flagged { XCTAssertGreaterThanOrEqual(unit.figures.countShare ?? 1, table.target, unit.code) }
        }
        XCTAssertGreaterThan(matched, 0)
    }
}
