import Foundation
import LayoutIO
import LayoutModel
import TestSupport
import XCTest

@testable import LayoutAnalysis
@testable import Reporting

/// The positioning panel against an independent computation: the output, tax and
/// employment shares by division of every Mianyang park (sub-parks included) computed
/// from the GeoJSON with shapely and pyproj by
///   python3 Tests/Reference/positioning_shares.py GeoData/mianyang > Tests/Fixtures/atlas/mianyang_positioning_shares.json
/// (P01: 469 enterprises, C39 计算机、通信和其他电子设备制造业 90.7 % of output, 89.8 % of tax, 91.2 % of employees).
/// Checked twice: the panel's figures (`ParkProfile`) to 1e-9, and the bars the park page
/// draws (each bar's title "name · 产值 output: 90.7 %") to the 0.1 % they show.
final class PositioningReferenceTests: LeakCheckedTestCase {
    /// Park id → {enterprises, divisions: code → {output, tax, employees (nil when null), enterprises}}.
    private func reference() throws -> [String: [String: Any]] {
        let url = AnalysisFixtures.repository.appendingPathComponent("Tests/Fixtures/atlas/mianyang_positioning_shares.json")
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap(root["parks"] as? [String: [String: Any]])
    }

    private func dataset() throws -> Dataset {
        try DatasetLoader.load(folder: AnalysisFixtures.repository.appendingPathComponent("GeoData/mianyang").path, options: .init()).dataset
    }

    func testPanelSharesEqualThePythonReferenceForEveryPark() throws {
        let reference = try reference()
        let data = try dataset()
        let frame = try MetricFrame(extent: try XCTUnwrap(data.boundingBox))
        let units = try AgglomerationAnalysis(dataset: data, frame: frame, level: .division, measure: .count, threads: 2).unitOfEnterprise
        let members = ParkProfile.members(parks: data.parks, unitOfEnterprise: units)
        XCTAssertEqual(reference.count, data.parks.count)
        var compared = 0
        for (p, park) in data.parks.enumerated() {
            let expected = try XCTUnwrap(reference[park.id], park.id)
            let profile = ParkProfile(park: p, members: members[p], dataset: data, thresholds: data.policy.checks)
            XCTAssertEqual(profile.members.count, expected["enterprises"] as? Int, park.id)
            let divisions = try XCTUnwrap(expected["divisions"] as? [String: [String: Any]], park.id)
            XCTAssertEqual(Set(profile.divisions.map(\.code)), Set(divisions.keys), park.id)
            for d in profile.divisions {
                let row = try XCTUnwrap(divisions[d.code], "\(park.id) \(d.code)")
                for (key, got) in [("output", d.output), ("tax", d.tax), ("employees", d.employees)] {
                    guard let want = row[key] as? Double else {
                        XCTAssertNil(got, "\(park.id) \(d.code) \(key)")
                        continue
                    }
                    XCTAssertEqual(try XCTUnwrap(got, "\(park.id) \(d.code) \(key)"), want, accuracy: 1e-9, "\(park.id) \(d.code) \(key)")
                    compared += 1
                }
                XCTAssertEqual(d.enterprises, row["enterprises"] as? Int, "\(park.id) \(d.code)")
            }
        }
        XCTAssertGreaterThan(compared, 200)
    }

    func testParkPageBarsShowTheReferenceShares() throws {
        let reference = try reference()
        let data = try dataset()
        let results = try FullAnalysis.run(dataset: data, threads: 2)
        let atlas = AtlasPages(data: data, results: results, yearOnYear: nil)
        for id in ["P01", "P06"] {
            let p = try XCTUnwrap(data.parks.firstIndex { $0.id == id })
            let page = try atlas.parkPage(p)
            let divisions = try XCTUnwrap(reference[id]?["divisions"] as? [String: [String: Any]])
            // The three largest divisions by output: their bars carry the reference shares.
            let top = divisions.sorted { ($0.value["output"] as? Double ?? 0) > ($1.value["output"] as? Double ?? 0) }.prefix(3)
            for m in top {
                let name = try XCTUnwrap(IndustryTable.nearestKnown(try XCTUnwrap(IndustryCode(validating: m.key)))?.nameZh)
                for (key, series) in [("output", "产值 output"), ("tax", "税收 tax"), ("employees", "就业 employees")] {
                    let share = try XCTUnwrap(m.value[key] as? Double)
                    let title = "<title>\(HTML.escape(name)) · \(series): \(String(format: "%.1f", share * 100)) %</title>"
                    XCTAssertTrue(page.contains(title), "\(id): no bar \(title)")
                }
            }
        }
    }
}
