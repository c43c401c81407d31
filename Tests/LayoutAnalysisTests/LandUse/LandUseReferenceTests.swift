import GEOS
import LayoutAnalysis
import LayoutModel
import XCTest

/// Every figure of the statistics and the per-mu table against the independent
/// computation of Tests/Reference/stats_reference.py (shapely clipping, pyproj
/// Geod(ellps="GRS80") areas), to 1e-6 relative. Fixtures were produced with:
///   python3 Tests/Reference/stats_reference.py GeoData/mianyang --level L [--enterprises] \
///       --out Tests/Fixtures/stats/out/mianyang_levelL.json           (L = 1, 3; L = 2 with --enterprises)
///   python3 Tests/Reference/stats_crossing_dataset.py Tests/Fixtures/stats/in/crossing
///   python3 Tests/Reference/stats_reference.py Tests/Fixtures/stats/in/crossing --level L --enterprises \
///       --out Tests/Fixtures/stats/out/crossing_levelL.json           (L = 1, 2, 3)
/// (The synth datasets are compared end to end in CLITests/StatsCommandTests.)
final class LandUseReferenceTests: XCTestCase {
    private func check(dataset path: String, fixture: String, level: Int, enterprises: Bool, threads: Int = 2) throws {
        let before = GEOSLibrary.liveHandles
        do {
            let dataset = try StatsFixture.dataset(path)
            let overlay = try ParcelOverlay(parcels: dataset.parcels, threads: threads)
            let report = try LandUseStatistics.compute(dataset: dataset, level: level, threads: threads, overlay: overlay)
            let benefit = enterprises
                ? PerMuBenefit.evaluate(enterprises: dataset.enterprises, parcels: dataset.parcels,
                                        parcelAreas: overlay.parcelAreas, policy: dataset.policy.benefit)
                : nil
            let diffs = StatsFixture.differences(StatsFixture.tree(report, benefit: benefit), try StatsFixture.expected(fixture))
            XCTAssertEqual(diffs.count, 0, "\(fixture): \(diffs.prefix(10).joined(separator: "\n"))")
        }
        XCTAssertEqual(GEOSLibrary.liveHandles, before, "GEOS handles leaked")
    }

    func testMianyangLevel1() throws { try check(dataset: "GeoData/mianyang", fixture: "mianyang_level1", level: 1, enterprises: false) }
    func testMianyangLevel2WithPerMuBenefit() throws {
        try check(dataset: "GeoData/mianyang", fixture: "mianyang_level2", level: 2, enterprises: true)
    }
    func testMianyangLevel3() throws { try check(dataset: "GeoData/mianyang", fixture: "mianyang_level3", level: 3, enterprises: false, threads: 1) }

    /// Parcels crossing park and district boundaries, holes, MultiPolygons, a
    /// park without `district`, missing attributes and enterprise values.
    func testCrossingDatasetAllLevels() throws {
        for level in 1...3 {
            try check(dataset: "Tests/Fixtures/stats/in/crossing", fixture: "crossing_level\(level)", level: level, enterprises: true,
                      threads: level)
        }
    }

    /// The fixtures are not vacuous: clipped parts exist and a wrong answer is caught.
    func testComparisonDetectsAWrongFigure() throws {
        let dataset = try StatsFixture.dataset("Tests/Fixtures/stats/in/crossing")
        var report = try LandUseStatistics.compute(dataset: dataset, level: 2)
        let clipped = try ParcelOverlay(parcels: dataset.parcels).parts(inside: dataset.parks.map(\.geometry))
        XCTAssertGreaterThan(clipped.joined().filter { $0.share < 1 }.count, 10)
        var expected = try StatsFixture.expected("crossing_level2")
        expected["enterprises"] = nil
        expected["benefit"] = nil
        XCTAssertEqual(StatsFixture.differences(StatsFixture.tree(report, benefit: nil), expected), [])
        report.parks[0].statistics.totals.built *= 1 + 2e-6
        report.parks[0].statistics.indicators = IntensiveUseIndicators(report.parks[0].statistics.totals)
        let diffs = StatsFixture.differences(StatsFixture.tree(report, benefit: nil), expected)
        XCTAssertTrue(diffs.contains { $0.hasPrefix(".parks[0].indicators.land_built_rate") }, "\(diffs)")
    }
}
