import GeoCore
import XCTest

@testable import LayoutAnalysis

/// NNI, K and SplitMix64 on cases small enough to check by hand.
final class PointPatternStatisticsTests: XCTestCase {
    /// Vigna's splitmix64.c from seed 0: `python3 Tests/Reference/splitmix64.py`.
    func testSplitMix64KnownOutputs() {
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xe220_a839_7b1d_cdaf)
        XCTAssertEqual(rng.next(), 0x6e78_9e6a_a1b9_65f4)
    }

    /// Unit square corners in a 10×10 box: each NN distance is 1, so d̄o = 1;
    /// d̄e = 0.5/√(4/100) = 2.5; NNI = 0.4; SE = 0.26136/√(16/100) = 0.6534;
    /// z = (1 − 2.5)/0.6534 = −2.29568…; p = erfc(|z|/√2).
    func testClarkEvansByHand() throws {
        let nni = try XCTUnwrap(NearestNeighbourIndex(coordinates: [0, 0, 1, 0, 0, 1, 1, 1], studyAreaM2: 100))
        XCTAssertEqual(nni.meanObserved, 1, accuracy: 1e-12)
        XCTAssertEqual(nni.meanExpected!, 2.5, accuracy: 1e-12)
        XCTAssertEqual(nni.nni!, 0.4, accuracy: 1e-12)
        XCTAssertEqual(nni.standardError!, 0.6534, accuracy: 1e-12)
        XCTAssertEqual(nni.z!, -1.5 / 0.6534, accuracy: 1e-12)
        XCTAssertEqual(nni.p!, 0.021698, accuracy: 1e-5)  // scipy: 2*norm.sf(1.5/0.6534) = 0.0216985…
        XCTAssertNil(NearestNeighbourIndex(coordinates: [0, 0], studyAreaM2: 100))
        XCTAssertNil(try XCTUnwrap(NearestNeighbourIndex(coordinates: [0, 0, 0, 0], studyAreaM2: 0)).nni, "ratio over zero is nil")
    }

    /// Nearest-neighbour ring search equals brute force, including duplicates and far outliers.
    func testNearestNeighbourEqualsBruteForce() {
        var rng = SplitMix64(seed: 11)
        var xy: [Double] = []
        for _ in 0..<700 { xy += [rng.nextUnit() * 9000, rng.nextUnit() * 300] }
        xy += [5, 5, 5, 5, 1e6, 1e6]
        let n = xy.count / 2
        let fast = NearestNeighbourDistances.compute(coordinates: xy, threads: 3)
        for i in 0..<n {
            var best = Double.infinity
            for j in 0..<n where j != i {
                best = min(best, ((xy[2 * i] - xy[2 * j]) * (xy[2 * i] - xy[2 * j]) + (xy[2 * i + 1] - xy[2 * j + 1]) * (xy[2 * i + 1] - xy[2 * j + 1])).squareRoot())
            }
            XCTAssertEqual(fast[i], best, "point \(i)")
        }
    }

    /// Pairs on a 3-4-5 triangle: distances 3, 4, 5. Strict <: at r = 5 two pairs count, at 5.0001 three.
    func testPairCountsStrictAndInOrderGiven() {
        let xy: [Double] = [0, 0, 3, 0, 3, 4]
        XCTAssertEqual(try RipleyK.pairCounts(coordinates: xy, radii: [5, 3, 5.0001, 4.5, 1], threads: 2), [2, 0, 3, 2, 0])
        // K = A·2·pairs/n² with A = 12, n = 3.
        XCTAssertEqual(try RipleyK.k(coordinates: xy, radii: [5.0001], area: 12)!, [12 * 2 * 3 / 9.0])
    }

    /// The whole-cell shortcut equals brute force (√ of squared distance, strict <), on a
    /// lattice where many pairs lie exactly at a radius, on clustered random points, and with
    /// duplicates, for several thread counts.
    func testPairCountsEqualBruteForce() {
        var lattice: [Double] = []
        for i in 0..<30 { for j in 0..<20 { lattice += [Double(i) * 3, Double(j) * 4] } }
        var rng = SplitMix64(seed: 5)
        var random: [Double] = []
        for _ in 0..<1500 {
            let cx = Double(Int(rng.nextUnit() * 4)) * 700, cy = Double(Int(rng.nextUnit() * 3)) * 900
            random += [400_000 + cx + rng.nextUnit() * 300, 3_400_000 + cy + rng.nextUnit() * 300]
        }
        random += Array(random[0..<20])  // duplicates
        for (xy, radii) in [(lattice, [5.0, 3, 4, 12, 25, 1]), (random, [1.0, 10, 37.5, 100, 250, 1000, 5000])] {
            let n = xy.count / 2
            var brute = [Int](repeating: 0, count: radii.count)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1]
                    let d = (dx * dx + dy * dy).squareRoot()
                    for (k, r) in radii.enumerated() where d < r { brute[k] += 1 }
                }
            }
            for threads in [1, 2, 5] {
                XCTAssertEqual(try RipleyK.pairCounts(coordinates: xy, radii: radii, threads: threads), brute, "\(n) points, \(threads) threads")
            }
        }
    }
}
