import XCTest

@testable import LayoutAnalysis

/// Co-location quotients against an independent brute-force implementation with ties.
///
/// Reference: `python3 Tests/Reference/agglomeration_reference.py planar` →
/// Tests/Fixtures/agglomeration/{in,out}/planar_clq.json (300 lattice sites 10 m apart, so nearest
/// neighbours tie up to four ways, plus three coincident pairs; 4 categories).
final class ColocationQuotientTests: XCTestCase {
    func testLatticeWithTiesMatchesReference() throws {
        let input = try AnalysisFixtures.object("agglomeration/in/planar_clq.json")
        let want = try AnalysisFixtures.optionalDoubles(try AnalysisFixtures.object("agglomeration/out/planar_clq.json")["clq"])
        let k = Int(try XCTUnwrap(input["category_count"]?.integerValue))
        let c = try ColocationQuotient(
            xy: try AnalysisFixtures.doubles(input["xy"]), labels: try AnalysisFixtures.ints(input["labels"]), categoryCount: k, threads: 2)
        XCTAssertEqual(c.quotients.count, want.count)
        for (pair, (g, w)) in zip(c.quotients, want).enumerated() {
            if let w { XCTAssertEqual(try XCTUnwrap(g), w, accuracy: 1e-12, "pair \(pair)") } else { XCTAssertNil(g) }
        }
    }

    /// By hand: A at x = 0 and 2, B at x = 1 (both A tie between… no: each A's only nearest is B at 1;
    /// B's nearest are both A, tied, sharing ½ each).
    func testHandExampleWithTie() throws {
        let c = try ColocationQuotient(xy: [0, 0, 2, 0, 1, 0], labels: [0, 0, 1], categoryCount: 2)
        // C_AB = 2, C_BA = ½ + ½ = 1, C_AA = C_BB = 0. N = 3.
        XCTAssertEqual(c.colocations, [0, 2, 1, 0])
        // CLQ(A→B) = (2/2)/(1/2) = 2; CLQ(B→A) = (1/1)/(2/2) = 1; CLQ(A→A) = 0/(1/2) = 0; CLQ(B→B): N'_B = 0 → nil.
        XCTAssertEqual(c.quotient(0, 1), 2)
        XCTAssertEqual(c.quotient(1, 0), 1)
        XCTAssertEqual(c.quotient(0, 0), 0)
        XCTAssertNil(c.quotient(1, 1))
    }

    func testNearestNeighboursEqualBruteForce() throws {
        var rng = CommonTests.Rng(state: 5)
        var xy: [Double] = []
        for _ in 0..<3000 { xy += [(rng.next() * 200).rounded() * 5, (rng.next() * 100).rounded() * 5] }
        xy += [1e5, 1e5]  // a far outlier: its search must expand many rings
        let nn = NearestNeighbourTies(xy: xy, threads: 2)
        let n = xy.count / 2
        for i in stride(from: 0, to: n, by: 13) + [n - 1] {
            var best = Double.infinity
            var brute: [Int32] = []
            for j in 0..<n where j != i {
                let dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1]
                let d2 = dx * dx + dy * dy
                if d2 < best { best = d2; brute = [Int32(j)] } else if d2 == best { brute.append(Int32(j)) }
            }
            XCTAssertEqual(Array(nn.neighbours[nn.offsets[i]..<nn.offsets[i + 1]]), brute, "point \(i)")
        }
    }

    /// Seeded, thread-count independent, and a planted attraction is significant.
    func testPermutationTest() throws {
        var rng = CommonTests.Rng(state: 11)
        var xy: [Double] = [], labels: [Int] = []
        for _ in 0..<300 {
            // Category 0 and 1 come in pairs 1 m apart; category 2 is scattered.
            let x = rng.next() * 10_000, y = rng.next() * 10_000
            xy += [x, y, x + 1, y]
            labels += [0, 1]
            xy += [rng.next() * 10_000, rng.next() * 10_000]
            labels.append(2)
        }
        let a = try ColocationQuotient(xy: xy, labels: labels, categoryCount: 3, permutations: 99, seed: 42, threads: 1)
        let b = try ColocationQuotient(xy: xy, labels: labels, categoryCount: 3, permutations: 99, seed: 42, threads: 2)
        let c = try ColocationQuotient(xy: xy, labels: labels, categoryCount: 3, permutations: 99, seed: 43, threads: 2)
        XCTAssertEqual(a.pValues, b.pValues)
        XCTAssertNotEqual(a.pValues, c.pValues)
        XCTAssertGreaterThan(try XCTUnwrap(a.quotient(0, 1)), 2)
        XCTAssertEqual(try XCTUnwrap(a.p(0, 1)), 0.01, accuracy: 1e-15)  // no shuffle reaches it: (0 + 1)/(99 + 1)
        XCTAssertGreaterThan(try XCTUnwrap(a.p(0, 0)), 0.5)  // 0 avoids 0: no attraction
        XCTAssertTrue(a.pValues.allSatisfy { $0 == nil || ($0! > 0 && $0! <= 1) })
        let none = try ColocationQuotient(xy: xy, labels: labels, categoryCount: 3)
        XCTAssertTrue(none.pValues.allSatisfy { $0 == nil })
    }
}
