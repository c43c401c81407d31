import GEOS
import GeoCore
@testable import LayoutAnalysis
import LayoutModel
import TestSupport
import XCTest

/// `NearestParkSearch` (the tree-ordered search of issue 19) against a brute-force pass: every
/// candidate's GEOS prepared distance, the smallest kept, ties to the lower park index.
final class NearestParkSearchTests: CheckRuleTestCase {
    /// 120 seeded random rectangular parks on a 0.001° lattice (repeats of the same rectangle,
    /// parks sharing edges, parks inside parks), five candidate sets (all, none, a single park,
    /// random halves), 1,500 points on the lattice (so on edges and corners, often at distance 0
    /// from two parks) and off it, with 1 and 3 threads.
    func testSearchAgreesWithTheBruteForcePassIncludingTies() throws {
        var random = SplitMix64(seed: 0x19_19_19)
        func int(_ n: Int) -> Int { Int(random.nextUnit() * Double(n)) }
        var parks: [Park] = []
        for k in 0..<120 {
            if k % 7 == 3 {  // the same rectangle again: equal distances everywhere
                parks.append(F.park("P\(k)", parks[k - 1].geometry))
                continue
            }
            let x = 104 + Double(int(150)) * 0.001, y = 31 + Double(int(150)) * 0.001
            let w = Double(1 + int(8)) * 0.001, h = Double(1 + int(8)) * 0.001
            parks.append(F.park("P\(k)", F.rect(x, y, x + w, y + h)))
        }
        let dataset = F.dataset(parks: parks, hasParcels: false, hasEnterprises: false)
        let points = (0..<1500).map { q -> Position in
            q % 2 == 0 ? Position(x: 103.99 + Double(int(180)) * 0.001, y: 30.99 + Double(int(180)) * 0.001)
                : Position(x: 103.99 + random.nextUnit() * 0.18, y: 30.99 + random.nextUnit() * 0.18)
        }
        let sets = [Array(parks.indices), [], [57], parks.indices.filter { $0 % 2 == 0 }, parks.indices.filter { $0 % 3 != 0 }]
        let setOfPoint = points.indices.map { _ in int(sets.count) }
        for threads in [1, 3] {
            let context = try CheckContext(dataset: dataset, thresholds: dataset.policy.checks, threads: threads)
            let found = try NearestParkSearch(context: context).nearest(points: points, candidateSets: sets, setOfPoint: setOfPoint)
            let xy = try context.frame.project(points: points)
            let prepared = try context.parkMetric.map { try PreparedGeometry(GeometryHandle($0)) }
            var ties = 0
            for (k, hit) in found.enumerated() {
                let point = try GeometryHandle(.point(Position(x: xy[2 * k], y: xy[2 * k + 1])))
                var best: (park: Int, distance: Double)?
                for p in sets[setOfPoint[k]] {
                    let d = try prepared[p].distance(to: point)
                    if let b = best, d == b.distance { ties += 1 }
                    if best == nil || d < best!.distance { best = (p, d) }
                }
                XCTAssertEqual(hit?.park, best?.park, "point \(k) \(points[k])")
                XCTAssertEqual(hit?.distance, best?.distance, "point \(k) \(points[k])")
            }
            XCTAssertGreaterThan(ties, 100, "the data must exercise the tie rule")
        }
    }
}
