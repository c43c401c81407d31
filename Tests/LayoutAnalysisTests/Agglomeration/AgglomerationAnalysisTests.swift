import GEOS
import GeoCore
import LayoutIO
import LayoutModel
import XCTest

@testable import LayoutAnalysis

/// The dataset-level agglomeration analysis on the reference dataset.
///
/// Reference: `python3 Tests/Reference/agglomeration_reference.py dataset GeoData/mianyang 4544 2
/// employees mianyang_l2_employees` (shapely membership, numpy indices, brute-force CLQ) →
/// Tests/Fixtures/agglomeration/out/dataset_mianyang_l2_employees.json. Synth datasets: CLI tests.
final class AgglomerationAnalysisTests: XCTestCase {
    func testReferenceDatasetMatchesReference() throws {
        let before = GEOSLibrary.liveHandles
        let path = AnalysisFixtures.repository.appendingPathComponent("GeoData/mianyang").path
        let dataset = try DatasetLoader.load(folder: path, options: .init()).dataset
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        let a = try AgglomerationAnalysis(dataset: dataset, frame: frame, level: .division, measure: .employees, threads: 2)
        let want = try AnalysisFixtures.object("agglomeration/out/dataset_mianyang_l2_employees.json")
        XCTAssertEqual(a.industries, try XCTUnwrap(want["industries"]?.arrayValue).compactMap(\.stringValue))
        XCTAssertEqual(a.units, try XCTUnwrap(want["units"]?.arrayValue).compactMap(\.stringValue))
        let ni = a.industries.count, nu = a.units.count
        func check(_ got: [Double?], _ key: String, _ tolerance: Double) throws {
            let w = try AnalysisFixtures.optionalDoubles(want[key])
            XCTAssertEqual(got.count, w.count, key)
            for (k, (g, e)) in zip(got, w).enumerated() {
                if let e { XCTAssertEqual(try XCTUnwrap(g, "\(key)[\(k)]"), e, accuracy: tolerance, "\(key)[\(k)]") } else { XCTAssertNil(g, key) }
            }
        }
        let x = a.indices
        try check((0..<ni).flatMap { i in (0..<nu).map { x.locationQuotient(industry: i, unit: $0) } }, "lq", 1e-12)
        try check((0..<ni).map { x.industryHHI($0).hhi }, "hhi", 1e-12)
        try check((0..<ni).map { x.industryHHI($0).normalized }, "hhi_norm", 1e-12)
        try check((0..<nu).map { x.unitHHI($0).hhi }, "park_hhi", 1e-12)
        try check((0..<ni).map { x.ellisonGlaeser($0) }, "gamma", 1e-12)
        try check(a.colocation.quotients, "clq", 1e-9)
        // The sub-park P01A (京东方新型显示产业园) takes its enterprises from its parent P01.
        let p01a = try XCTUnwrap(a.units.firstIndex(of: "P01A"))
        XCTAssertGreaterThan(x.unitTotals[p01a], 0)
        XCTAssertEqual(GEOSLibrary.liveHandles, before)
    }

    func testLevelsAndExclusions() throws {
        let path = AnalysisFixtures.repository.appendingPathComponent("GeoData/mianyang").path
        var dataset = try DatasetLoader.load(folder: path, options: .init()).dataset
        dataset.enterprises = EnterpriseTable(dataset.enterprises.prefix(800))
        for k in stride(from: 1, to: 800, by: 4) { dataset.enterprises[k].employees = nil }
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        let a = try AgglomerationAnalysis(dataset: dataset, frame: frame, level: .group, measure: .employees, threads: 1)
        XCTAssertEqual(a.excluded.count, 200)
        XCTAssertTrue(a.industries.allSatisfy { $0.count == 4 })
        let expectedTotal = dataset.enterprises.compactMap(\.employees).reduce(0, +)
        XCTAssertEqual(a.indices.total, Double(expectedTotal))
        // CLQ counts every located enterprise, measure or not.
        XCTAssertEqual(a.colocation.counts.reduce(0, +), 800)
        let count = try AgglomerationAnalysis(dataset: dataset, frame: frame, level: .class, measure: .count, threads: 2)
        XCTAssertEqual(count.indices.total, 800)
        XCTAssertTrue(count.excluded.isEmpty)
        XCTAssertTrue(count.industries.allSatisfy { $0.count == 5 })
    }
}
