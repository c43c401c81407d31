import Foundation
import GeoCore
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// DBSCAN against scikit-learn `DBSCAN(eps, min_samples)` on the same metric coordinates.
/// Expected labels: `python3 Tests/Reference/cluster_reference.py` → Tests/Fixtures/cluster/out/{hand_cases,random_sets}.json.
final class DBSCANTests: XCTestCase {
    private func check(input: String, output: String, listKey: String) throws {
        let cases = try XCTUnwrap(ClusterFixtures.json(input)[listKey] as? [[String: Any]])
        let expected = try XCTUnwrap(ClusterFixtures.json(output)[listKey] as? [[String: Any]])
        XCTAssertEqual(cases.count, expected.count)
        XCTAssertFalse(cases.isEmpty)
        for (c, e) in zip(cases, expected) {
            let name = c["name"] as? String ?? "?"
            let xy = ClusterFixtures.flat(c["xy"])
            let labels = e.ints("labels"), core = e.bools("core")
            for threads in [1, 2, 3] {
                let result = try DBSCAN(coordinates: xy, eps: c.double("eps"), minPoints: c["min_points"] as? Int ?? 0, threads: threads)
                XCTAssertEqual(result.labels.map(Int.init), labels, "\(name) labels, \(threads) threads")
                XCTAssertEqual(result.isCore, core, "\(name) core set, \(threads) threads")
                XCTAssertEqual(result.clusterCount, (labels.max() ?? -1) + 1, name)
            }
        }
    }

    func testHandCasesMatchScikitLearn() throws {
        try check(input: "in/hand_cases.json", output: "out/hand_cases.json", listKey: "cases")
    }

    func testRandomBlobSetsMatchScikitLearn() throws {
        try check(input: "in/random_sets.json", output: "out/random_sets.json", listKey: "sets")
    }

    /// Hand-checked: (0,0) and (300,400) are exactly 500 m apart (3-4-5), so with eps 500 each
    /// has 2 neighbours (itself and the other); at eps 499.999 each has 1.
    func testDistanceExactlyEpsIsANeighbour() throws {
        let xy: [Double] = [0, 0, 300, 400]
        XCTAssertEqual(try DBSCAN(coordinates: xy, eps: 500, minPoints: 2).labels, [0, 0])
        XCTAssertEqual(try DBSCAN(coordinates: xy, eps: 499.999, minPoints: 2).labels, [-1, -1])
    }

    func testRoles() throws {
        // Three cores on a line 1 m apart, a border 1 m beyond, one far point.
        let result = try DBSCAN(coordinates: [0, 0, 1, 0, 2, 0, 3, 0, 100, 0], eps: 1, minPoints: 3)
        XCTAssertEqual((0..<5).map { result.role(of: $0) }, [.border, .core, .core, .border, .noise])
    }

    func testRejectsBadParameters() {
        XCTAssertThrowsError(try DBSCAN(coordinates: [0, 0], eps: 0, minPoints: 5))
        XCTAssertThrowsError(try DBSCAN(coordinates: [0, 0], eps: .infinity, minPoints: 5))
        XCTAssertThrowsError(try DBSCAN(coordinates: [0, 0], eps: 5, minPoints: 0))
    }

    /// The parallel labelling (components of cores on a grid of eps/√2 cells, then each border
    /// point's lowest adjacent cluster) equals the one-thread breadth-first expansion in input
    /// order, which the scikit-learn fixtures above pin, for 1, 2 and 3 threads, on 60 seeded
    /// patterns: integer coordinates (so many distances equal eps exactly), blobs and uniform
    /// noise, several eps and min_points, and points in shuffled order.
    func testComponentLabelsEqualTheInputOrderExpansion() throws {
        var rng = SplitMix64(seed: 19)
        for round in 0..<60 {
            let n = rng.int(1...3000)
            let eps = rng.pick([1.0, 3.0, 5.0, 10.0, 25.0])
            let minPoints = rng.int(1...8)
            var xy: [Double] = []
            let blobs = (0..<rng.int(1...6)).map { _ in (Double(rng.int(0...400)), Double(rng.int(0...400)), Double(rng.int(2...30))) }
            for _ in 0..<n {
                if rng.chance(0.3) {
                    xy += [Double(rng.int(0...400)), Double(rng.int(0...400))]
                } else {
                    let (cx, cy, spread) = rng.pick(blobs)
                    xy += [(cx + Double(rng.int(-Int(spread)...Int(spread)))), (cy + Double(rng.int(-Int(spread)...Int(spread))))]
                }
            }
            let index = PointGridIndex(coordinates: xy, radius: eps)
            let core = (0..<n).map { index.countNeighbors(of: $0, upTo: minPoints) >= minPoints }
            let expected = DBSCAN.expansionLabels(index: index, core: core)
            for threads in [1, 2, 3] {
                let got = try XCTUnwrap(DBSCAN.componentLabels(coordinates: xy, eps: eps, core: core, threads: threads))
                XCTAssertEqual(got.count, expected.count, "round \(round), \(threads) threads")
                XCTAssertEqual(got.labels, expected.labels, "round \(round): n \(n), eps \(eps), min_points \(minPoints), \(threads) threads")
            }
        }
    }

    /// An extent too wide for 32-bit cell numbers falls back to the expansion, with the same labels.
    func testHugeExtentFallsBackToTheExpansion() throws {
        let xy: [Double] = [0, 0, 0.0005, 0, 1e7, 0, 1e7 + 0.0005, 0, 5e6, 0]
        XCTAssertNil(DBSCAN.componentLabels(coordinates: xy, eps: 0.001, core: [true, true, true, true, false], threads: 2))
        XCTAssertEqual(try DBSCAN(coordinates: xy, eps: 0.001, minPoints: 2, threads: 2).labels, [0, 0, 1, 1, -1])
    }
}
