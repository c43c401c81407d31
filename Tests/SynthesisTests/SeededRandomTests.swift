import Synthesis
import XCTest

final class SeededRandomTests: XCTestCase {
    func testSameSeedSameSequenceDifferentSeedDifferent() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let sa = (0..<100).map { _ in a.next() }, sb = (0..<100).map { _ in b.next() }, sc = (0..<100).map { _ in c.next() }
        XCTAssertEqual(sa, sb)
        XCTAssertNotEqual(sa, sc)
        var s1 = SeededRandom(seed: 42, stream: 1, index: 7), s2 = SeededRandom(seed: 42, stream: 1, index: 8)
        XCTAssertNotEqual(s1.next(), s2.next())
    }

    func testUniformAndNormalMoments() {
        var r = SeededRandom(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let u = r.uniform()
            XCTAssertTrue(u >= 0 && u < 1)
            sum += u
        }
        // Uniform mean 1/2, standard error 1/√(12n) ≈ 0.00065.
        XCTAssertEqual(sum / Double(n), 0.5, accuracy: 0.004)
        sum = 0
        for _ in 0..<n {
            let z = r.normal()
            sum += z
            sumSq += z * z
        }
        XCTAssertEqual(sum / Double(n), 0, accuracy: 0.01)
        XCTAssertEqual(sumSq / Double(n), 1, accuracy: 0.015)
        // Log-normal median: half the draws below it.
        var below = 0
        for _ in 0..<n where r.logNormal(median: 100, sigma: 0.8) < 100 { below += 1 }
        XCTAssertEqual(Double(below) / Double(n), 0.5, accuracy: 0.005)
    }

    func testWeightedIndexFollowsWeights() {
        var r = SeededRandom(seed: 3)
        var counts = [0, 0, 0]
        for _ in 0..<100_000 { counts[r.weightedIndex([1, 0, 3])] += 1 }
        XCTAssertEqual(counts[1], 0)
        XCTAssertEqual(Double(counts[2]) / 100_000, 0.75, accuracy: 0.01)
    }
}
