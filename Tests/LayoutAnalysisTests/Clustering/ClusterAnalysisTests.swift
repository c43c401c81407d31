import Foundation
import GEOS
import GeoCore
import LayoutModel
import Reporting
import XCTest

@testable import LayoutAnalysis

/// `ClusterAnalysis` on whole datasets against the reference written by
/// `python3 Tests/Reference/cluster_reference.py` (Tests/Fixtures/cluster/out/<dataset>.json):
/// scikit-learn DBSCAN labels and core sets on pyproj-projected coordinates, NNI from a scipy
/// KD-tree with the QGIS formulas, K/L from pointpats (bbox) rescaled to the parks / districts
/// union area of shapely, and the CSR envelope re-implemented in Python with SplitMix64.
final class ClusterAnalysisTests: XCTestCase {
    struct Case {
        var fixture: String
        var dataset: String
    }

    static let cases = [
        Case(fixture: "mianyang", dataset: "mianyang"),
        Case(fixture: "mianyang_eps300_min8_level3", dataset: "mianyang"),
        Case(fixture: "synth_s7_sichuan", dataset: "synth_s7_sichuan"),
        Case(fixture: "synth_s11_berlin", dataset: "synth_s11_berlin"),
    ]

    private func options(_ ref: [String: Any], area: StudyAreaKind, simulations: Int = 0, seed: UInt64 = 1, threads: Int = 2) -> ClusterOptions {
        let level = IndustryLevel(rawValue: ref["level"] as? Int ?? 2)
        return ClusterOptions(
            grouping: IndustryGrouping(level: level), eps: ref.double("eps"), minPoints: ref["min_points"] as? Int ?? 5,
            radii: ref.doubles("radii"), studyArea: area, simulations: simulations, seed: seed, threads: threads)
    }

    private func assertClose(_ a: Double?, _ b: Double, relative: Double = 1e-9, _ message: String) {
        guard let a else { return XCTFail("\(message): nil, expected \(b)") }
        XCTAssertEqual(a, b, accuracy: max(abs(b) * relative, 1e-12), message)
    }

    func testDBSCANNNIAndKMatchReferenceOnEveryGroup() throws {
        for c in Self.cases {
            let ref = try ClusterFixtures.json("out/\(c.fixture).json")
            let dataset = try ClusterFixtures.dataset(c.dataset)
            let expectedGroups = try XCTUnwrap(ref["groups"] as? [[String: Any]])
            for area in StudyAreaKind.allCases {
                let before = GEOSLibrary.liveHandles
                let report = try ClusterAnalysis.run(dataset: dataset, options: options(ref, area: area))
                XCTAssertEqual(GEOSLibrary.liveHandles, before, "GEOS handles released")
                XCTAssertEqual(report.epsg, ref["epsg"] as? Int, c.fixture)
                XCTAssertTrue(report.crs.hasPrefix("EPSG:\(report.epsg) "))
                XCTAssertEqual(report.groups.map(\.industry), expectedGroups.map { $0["industry"] as? String ?? "" }, c.fixture)
                for (group, e) in zip(report.groups, expectedGroups) {
                    let label = "\(c.fixture) \(group.industry) \(area)"
                    XCTAssertEqual(group.ids, e["ids"] as? [String], label)
                    XCTAssertEqual(group.dbscan.labels.map(Int.init), e.ints("labels"), "\(label) labels")
                    XCTAssertEqual(group.dbscan.isCore, e.bools("core"), "\(label) core set")
                    guard group.n >= 2 else { continue }
                    let key = area.rawValue
                    let nni = try XCTUnwrap(e.object("nni_\(key)"))
                    let mine = try XCTUnwrap(group.nni)
                    assertClose(mine.meanObserved, nni.double("mean_observed"), "\(label) mean NN distance")
                    assertClose(mine.studyAreaM2, nni.double("study_area_m2"), "\(label) study area")
                    assertClose(mine.meanExpected, nni.double("mean_expected"), "\(label) expected")
                    assertClose(mine.nni, nni.double("nni"), "\(label) NNI")
                    assertClose(mine.z, nni.double("z"), "\(label) z")
                    assertClose(mine.p, nni.double("p"), relative: 1e-6, "\(label) p")
                    let ripley = try XCTUnwrap(group.ripley)
                    XCTAssertEqual(e.doubles("k_\(key)").count, ripley.radii.count, label)
                    for (r, (k, kRef)) in zip(ripley.radii, zip(ripley.k, e.doubles("k_\(key)"))) {
                        assertClose(k, kRef, "\(label) K(\(r))")
                    }
                    if area == .bbox {
                        for (l, lRef) in zip(ripley.l, e.doubles("l_bbox")) { assertClose(l, lRef, "\(label) L") }
                    }
                }
            }
        }
    }

    func testClusterSummariesMatchReference() throws {
        for c in Self.cases {
            let ref = try ClusterFixtures.json("out/\(c.fixture).json")
            let dataset = try ClusterFixtures.dataset(c.dataset)
            let report = try ClusterAnalysis.run(dataset: dataset, options: options(ref, area: .bbox))
            let expectedGroups = try XCTUnwrap(ref["groups"] as? [[String: Any]])
            var clustersSeen = 0
            for (group, e) in zip(report.groups, expectedGroups) {
                let expected = try XCTUnwrap(e["clusters"] as? [[String: Any]])
                XCTAssertEqual(group.clusters.count, expected.count)
                for (mine, ref) in zip(group.clusters, expected) {
                    let label = "\(c.fixture) \(group.industry) cluster \(mine.id)"
                    XCTAssertEqual(mine.size, ref["size"] as? Int, label)
                    XCTAssertEqual(mine.coreCount, ref["core_count"] as? Int, label)
                    XCTAssertEqual(mine.outputWan, ref.double("output_wan"), accuracy: 1e-6, label)
                    let centroid = ref.doubles("centroid")
                    XCTAssertEqual(mine.centroid.x, centroid[0], accuracy: 1e-9, label)
                    XCTAssertEqual(mine.centroid.y, centroid[1], accuracy: 1e-9, label)
                    // The hull holds every member.
                    let hull = try GeometryHandle(mine.hull)
                    let prepared = try PreparedGeometry(hull.buffer(distance: 1e-7))
                    for (k, i) in group.members.enumerated() where group.dbscan.labels[k] == Int32(mine.id) {
                        XCTAssertTrue(try prepared.covers(GeometryHandle(dataset.enterprises[i].geometry)), label)
                    }
                    XCTAssertFalse(mine.industries.isEmpty)
                    clustersSeen += 1
                }
            }
            XCTAssertGreaterThan(clustersSeen, 3, "\(c.fixture) has clusters to compare")
        }
    }

    func testEnvelopeMatchesPythonSimulation() throws {
        for c in Self.cases where c.fixture != "mianyang_eps300_min8_level3" {
            let ref = try ClusterFixtures.json("out/\(c.fixture).json")
            let dataset = try ClusterFixtures.dataset(c.dataset)
            let expectedGroups = try XCTUnwrap(ref["groups"] as? [[String: Any]])
            let (index, e) = try XCTUnwrap(expectedGroups.enumerated().first { $0.element["envelope"] != nil })
            let env = try XCTUnwrap(e.object("envelope"))
            let code = e["industry"] as? String ?? ""
            var opts = options(ref, area: .bbox, simulations: env["simulations"] as? Int ?? 0, seed: UInt64(env["seed"] as? Int ?? 0))
            opts.grouping = IndustryGrouping(prefixes: [IndustryCode(validating: code)!])
            for threads in [1, 3] {
                opts.threads = threads
                let report = try ClusterAnalysis.run(dataset: dataset, options: opts)
                let ripley = try XCTUnwrap(report.groups.first?.ripley)
                XCTAssertEqual(report.groups.first?.ids, expectedGroups[index]["ids"] as? [String])
                XCTAssertEqual(env.doubles("envelope_low").count, 4)
                XCTAssertEqual(env.doubles("envelope_high").count, 4)
                for (a, b) in zip(try XCTUnwrap(ripley.envelopeLow), env.doubles("envelope_low")) { assertClose(a, b, "\(code) low") }
                for (a, b) in zip(try XCTUnwrap(ripley.envelopeHigh), env.doubles("envelope_high")) { assertClose(a, b, "\(code) high") }
                XCTAssertEqual(try XCTUnwrap(ripley.p), env.doubles("p"), "\(c.fixture) \(code) p")
            }
        }
    }

    func testEnvelopeDependsOnSeedOnlyAndPolygonSamplingStaysInside() throws {
        let dataset = try ClusterFixtures.dataset("synth_s11_berlin")
        var opts = ClusterOptions(grouping: IndustryGrouping(prefixes: [IndustryCode(validating: "C13")!]), studyArea: .parks, simulations: 9, seed: 5, threads: 1)
        let a = try ClusterAnalysis.run(dataset: dataset, options: opts).groups[0].ripley
        opts.threads = 2
        let b = try ClusterAnalysis.run(dataset: dataset, options: opts).groups[0].ripley
        opts.seed = 6
        let c = try ClusterAnalysis.run(dataset: dataset, options: opts).groups[0].ripley
        XCTAssertEqual(a, b, "same seed, other thread count: same envelope")
        XCTAssertNotEqual(a?.envelopeHigh, c?.envelopeHigh, "another seed: another envelope")
        // Patterns drawn in the parks union land inside it.
        let frame = try MetricFrame(extent: try XCTUnwrap(dataset.boundingBox))
        let area = try StudyArea.union(of: dataset.parks.map(\.geometry), kind: .parks, frame: frame)
        let prepared = try PreparedGeometry(GeometryHandle(try XCTUnwrap(area.region)))
        var rng = SplitMix64(seed: 3)
        let pattern = try area.uniformPattern(count: 200, rng: &rng, prepared: prepared)
        for i in 0..<200 {
            XCTAssertTrue(try prepared.covers(GeometryHandle(.point(Position(x: pattern[2 * i], y: pattern[2 * i + 1])))))
        }
    }

    func testResultIndependentOfThreadCount() throws {
        let dataset = try ClusterFixtures.dataset("mianyang")
        var opts = ClusterOptions(simulations: 5, seed: 9, threads: 1)
        let one = try ClusterAnalysis.run(dataset: dataset, options: opts)
        opts.threads = 4
        let four = try ClusterAnalysis.run(dataset: dataset, options: opts)
        XCTAssertEqual(one.json(), four.json())
    }

    func testGroupingByPrefixAndLevel() throws {
        let dataset = try ClusterFixtures.dataset("mianyang")
        let c39 = IndustryGrouping(prefixes: [IndustryCode(validating: "C39")!]).groups(of: dataset.enterprises)
        XCTAssertEqual(c39.map(\.industry), ["C39"])
        XCTAssertEqual(c39[0].members.count, dataset.enterprises.filter { $0.industry.value.hasPrefix("C39") }.count)
        let split = IndustryGrouping(prefixes: [IndustryCode(validating: "C39")!], level: .group).groups(of: dataset.enterprises)
        XCTAssertTrue(split.allSatisfy { $0.industry.hasPrefix("C39") && $0.industry.count == 4 })
        XCTAssertEqual(split.map(\.members.count).reduce(0, +), c39[0].members.count)
        let sections = IndustryGrouping(level: .section).groups(of: dataset.enterprises)
        XCTAssertEqual(sections.map(\.members.count).reduce(0, +), dataset.enterprises.count)
    }
}
