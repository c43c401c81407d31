import Foundation
import GEOS
import LayoutAnalysis
import LayoutIO
import LayoutModel
import XCTest

/// `LayoutChecks` on the reference dataset against an independent reference
/// (shapely + pyproj + pandas), and the planted situations of GeoData/README.md.
///
/// Fixture command:
///   python3 Tests/Reference/check_reference.py GeoData/mianyang --crs EPSG:4544 > Tests/Fixtures/check/out/mianyang.json
final class CheckReferenceTests: XCTestCase {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func mianyang() throws -> Dataset {
        let result = try DatasetLoader.load(folder: packageRoot.appendingPathComponent("GeoData/mianyang").path)
        XCTAssertFalse(result.hasErrors)
        return result.dataset
    }

    /// (rule, severity, subject ids) → findings, for set comparison.
    static func key(_ rule: String, _ severity: String, _ ids: [String]) -> String { "\(rule) \(severity) \(ids.joined(separator: "/"))" }

    func testMianyangEqualsTheReferenceFindingByFinding() throws {
        let before = GEOSLibrary.liveHandles
        do {
            let report = try LayoutChecks.run(dataset: try Self.mianyang(), threads: 2)
            XCTAssertEqual(report.crs, "EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E")
            let url = Self.packageRoot.appendingPathComponent("Tests/Fixtures/check/out/mianyang.json")
            let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let expected = try XCTUnwrap(fixture["findings"] as? [[String: Any]])
            var reference: [String: [[String: Any]]] = [:]
            for f in expected {
                let k = Self.key(f["rule"] as! String, f["severity"] as! String, f["subject"] as! [String])
                reference[k, default: []].append(f)
            }
            var mine: [String: [Finding]] = [:]
            for f in report.findings { mine[Self.key(f.rule.rawValue, f.severity.rawValue, f.subject.ids), default: []].append(f) }
            XCTAssertEqual(Set(mine.keys), Set(reference.keys))
            XCTAssertEqual(report.findings.count, expected.count)
            for (k, findings) in mine {
                guard let ref = reference[k], ref.count == findings.count else { XCTFail("\(k): count differs"); continue }
                let values = findings.compactMap(\.value).sorted(), refValues = ref.compactMap { $0["value"] as? Double }.sorted()
                XCTAssertEqual(values.count, refValues.count, k)
                for (a, b) in zip(values, refValues) { XCTAssertEqual(a, b, accuracy: max(abs(b) * 1e-9, 1e-9), k) }
                if findings.count == 1 {
                    XCTAssertEqual(findings[0].suggestion?.park, ref[0]["suggestion"] as? String, k)
                    if let d = findings[0].suggestion?.distance, let rd = ref[0]["distance_m"] as? Double {
                        XCTAssertEqual(d, rd, accuracy: 1e-6, k)
                    }
                }
            }
        }
        XCTAssertEqual(GEOSLibrary.liveHandles, before, "leaked GEOS handles")
    }

    /// Every situation GeoData/README.md plants is found, and the only errors are the planted ones.
    func testMianyangPlantedSituationsAreFoundAndNothingElseIsAnError() throws {
        let report = try LayoutChecks.run(dataset: try Self.mianyang(), threads: 2)
        let planted: [(CheckRule, Severity, String)] = [
            (.positioningCap, .error, "P04"),
            (.leadingIndustryShare, .warning, "P09"),
            (.scatteredIndustry, .warning, "C13"),
            (.duplicatePositioning, .warning, "P01A/P04"), (.duplicatePositioning, .warning, "P01/P04"),
            (.duplicatePositioning, .warning, "P01/P02"),
            (.outsideParks, .warning, "510722"),
            (.parkOverlap, .error, "P01/P04"),
            (.parkOutsideDistrict, .warning, "P03"),
            (.parcelOverlap, .error, "P07-0001/P07-0002"),
            (.parcelOutsidePark, .info, "P08-X001"),
            (.lowIntensity, .warning, "P12"),
        ]
        for (rule, severity, subject) in planted {
            XCTAssertTrue(report.subjects(rule, severity: severity).contains(subject), "\(rule.rawValue) \(subject)")
        }
        // The leading share of every other park meets the target; 三台 is the only county below it.
        XCTAssertEqual(report.subjects(.leadingIndustryShare, severity: .warning), ["P09"])
        XCTAssertEqual(Set(report.findings(.outsideParks).filter { $0.severity == .warning }.map { $0.subject.ids[0] }), ["510722"])
        XCTAssertEqual(report.subjects(.lowIntensity), ["P12", "P12"])
        // The one C25/C26 firm outside the chemical parks: a C2614 maker in 三台 (510722).
        let chemical = report.findings(.chemicalOutsideChemicalPark)
        XCTAssertEqual(chemical.count, 1)
        let firm = try XCTUnwrap(try Self.mianyang().enterprises.first { $0.id == chemical.first?.subject.ids[0] })
        XCTAssertEqual(firm.industry.value, "C2614")
        XCTAssertEqual(report.findings.filter { $0.severity == .error }.map { "\($0.rule.rawValue) \($0.subject.ids.joined(separator: "/"))" },
                       ["positioning-cap P04", "chemical-outside-chemical-park \(firm.id)", "park-overlap P01/P04",
                        "parcel-overlap P07-0001/P07-0002"])
        // Idle: every idle parcel (54 for seed 2024) plus each park with idle land.
        let idleParcels = try Self.mianyang().parcels.filter { $0.status == .idle }.map(\.id)
        XCTAssertEqual(report.findings(.idleLand).filter { $0.subject.kind == .parcel }.map { $0.subject.ids[0] }, idleParcels)
        XCTAssertEqual(idleParcels.count, 54)
        // Misfits: P09 has the most (≈ 40 % of its enterprises).
        var misfitsByPark: [String: Int] = [:]
        for f in report.findings(.misfitEnterprise) { misfitsByPark[f.parks[0], default: 0] += 1 }
        XCTAssertEqual(misfitsByPark.max { $0.value < $1.value }?.key, "P09")
    }

    func testSameFindingsForAnyThreadCount() throws {
        let dataset = try Self.mianyang()
        let one = try LayoutChecks.run(dataset: dataset, threads: 1)
        let two = try LayoutChecks.run(dataset: dataset, threads: 2)
        let five = try LayoutChecks.run(dataset: dataset, threads: 5)
        XCTAssertEqual(one.findings, two.findings)
        XCTAssertEqual(one.findings, five.findings)
        XCTAssertEqual(one.parks, two.parks)
    }
}
