import GeoCore
import XCTest

@testable import LayoutAnalysis

/// Gi* and Moran's I on planar points, against esda.
///
/// Reference values: `python3 Tests/Reference/hotspots_esda.py planar` (esda 2.9.0, libpysal 4.14.1:
/// `G_Local(y, w, star=True, transform="B")` on `DistanceBand(binary=True)`, and `Moran(y, w)` with
/// w row-standardised), written to Tests/Fixtures/hotspots/{in,out}/planar_*.json.
final class GetisOrdGiStarTests: XCTestCase {
    /// The reference case printed in docs/analyses.md §3.
    func testSpecSixPointCase() throws {
        let xy: [Double] = [10, 10, 20, 10, 40, 10, 15, 20, 30, 20, 30, 30]
        let gi = try GetisOrdGiStar(xy: xy, values: [2, 3, 3.2, 5, 8, 7], band: 15)
        let expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]
        for (k, z) in expected.enumerated() {
            XCTAssertEqual(try XCTUnwrap(gi.z[k]), z, accuracy: 5e-9, "point \(k)")
        }
        // By hand: (10,10) holds itself, (20,10) and (15,20) at 11.18 → 3; (30,20) holds (20,10) and
        // (40,10) at 14.14, (30,30) at 10 and (15,20) at exactly 15 (inclusive) → 5.
        XCTAssertEqual(gi.neighbourCounts, [3, 4, 2, 4, 5, 2])
        XCTAssertEqual(try XCTUnwrap(gi.p[5]), 0.042_945_12, accuracy: 1e-8)  // scipy: 2 * norm.sf(2.02424331)
    }

    func testPlanarCasesMatchEsda() throws {
        for name in ["six", "random500", "lattice"] {
            let input = try AnalysisFixtures.object("hotspots/in/planar_\(name).json")
            let expected = try AnalysisFixtures.object("hotspots/out/planar_\(name).json")
            let xy = try XCTUnwrap(input["xy"]?.arrayValue).flatMap { try AnalysisFixtures.doubles($0) }
            let y = try AnalysisFixtures.doubles(input["y"])
            let band = try XCTUnwrap(input["band"]?.doubleValue)
            let gi = try GetisOrdGiStar(xy: xy, values: y, band: band, threads: 2)
            let z = try AnalysisFixtures.doubles(expected["gi_star_z"])
            XCTAssertEqual(gi.z.count, z.count)
            for k in z.indices { XCTAssertEqual(try XCTUnwrap(gi.z[k]), z[k], accuracy: 1e-8, "\(name) point \(k)") }
            let m = try GlobalMoran(xy: xy, values: y, band: band, threads: 2)
            let em = try XCTUnwrap(expected["moran"]?.objectValue)
            XCTAssertEqual(try XCTUnwrap(m.i), try XCTUnwrap(em["i"]?.doubleValue), accuracy: 1e-10, name)
            XCTAssertEqual(try XCTUnwrap(m.expectedI), try XCTUnwrap(em["expected_i"]?.doubleValue), accuracy: 1e-12, name)
            XCTAssertEqual(try XCTUnwrap(m.variance), try XCTUnwrap(em["variance"]?.doubleValue), accuracy: 1e-12, name)
            XCTAssertEqual(try XCTUnwrap(m.z), try XCTUnwrap(em["z"]?.doubleValue), accuracy: 1e-10, name)
            XCTAssertEqual(try XCTUnwrap(m.p), try XCTUnwrap(em["p"]?.doubleValue), accuracy: 1e-10, name)
            XCTAssertEqual(m.islands, Int(try XCTUnwrap(expected["islands"]?.integerValue)), name)
        }
    }

    /// Coincident points are neighbours (libpysal would drop them): check against the formula by hand.
    func testCoincidentPointsAreNeighbours() throws {
        // Points 0 and 1 coincide; point 2 is 5 away; point 3 far.
        let xy: [Double] = [0, 0, 0, 0, 5, 0, 100, 0]
        let y: [Double] = [1, 2, 3, 10]
        let gi = try GetisOrdGiStar(xy: xy, values: y, band: 5)
        XCTAssertEqual(gi.neighbourCounts, [3, 3, 3, 1])
        let n = 4.0, mean = 4.0
        let s = ((9 + 4 + 1 + 36) / n).squareRoot()
        let w = 3.0
        let z0 = (6 - mean * w) / (s * ((n * w - w * w) / (n - 1)).squareRoot())
        XCTAssertEqual(try XCTUnwrap(gi.z[0]), z0, accuracy: 1e-12)
        XCTAssertEqual(gi.z[0], gi.z[1])
        // Moran: point 3 is an island; points 0,1,2 each have two neighbours.
        let m = try GlobalMoran(xy: xy, values: y, band: 5)
        XCTAssertEqual(m.islands, 1)
        XCTAssertEqual(m.s0, 3)
        // I = (n/S0) Σ zᵢ lagᵢ / Σ zᵢ², z = y − 4 = (−3, −2, −1, 6); lags = (−1.5, −2, −2.5, 0).
        let expectedI = (4.0 / 3) * (4.5 + 4 + 2.5) / 50
        XCTAssertEqual(try XCTUnwrap(m.i), expectedI, accuracy: 1e-14)
    }

    /// The band is inclusive: a point exactly `band` away is a neighbour.
    func testBandIsInclusive() throws {
        let gi = try GetisOrdGiStar(xy: [0, 0, 3, 4, 20, 0], values: [1, 2, 3], band: 5)
        XCTAssertEqual(gi.neighbourCounts, [2, 2, 1])
        let narrower = try GetisOrdGiStar(xy: [0, 0, 3, 4, 20, 0], values: [1, 2, 3], band: 4.999_999)
        XCTAssertEqual(narrower.neighbourCounts, [1, 1, 1])
    }

    func testUndefinedCasesAreNilNotNaN() throws {
        // Constant values: s = 0.
        let constant = try GetisOrdGiStar(xy: [0, 0, 1, 0, 2, 0], values: [5, 5, 5], band: 1.5)
        XCTAssertTrue(constant.z.allSatisfy { $0 == nil })
        XCTAssertNil(try GlobalMoran(xy: [0, 0, 1, 0, 2, 0], values: [5, 5, 5], band: 1.5).i)
        // A band holding every point: n·W − W² = 0.
        let all = try GetisOrdGiStar(xy: [0, 0, 1, 0, 2, 0], values: [1, 2, 4], band: 10)
        XCTAssertTrue(all.z.allSatisfy { $0 == nil })
        // Only islands: S0 = 0.
        let islands = try GlobalMoran(xy: [0, 0, 10, 0, 20, 0], values: [1, 2, 4], band: 1)
        XCTAssertNil(islands.i)
        XCTAssertNil(islands.z)
        XCTAssertEqual(islands.islands, 3)
    }

    func testRejectsBadParameters() {
        XCTAssertThrowsError(try GetisOrdGiStar(xy: [0, 0], values: [1], band: 0))
        XCTAssertThrowsError(try GetisOrdGiStar(xy: [0, 0], values: [1], band: .nan))
        XCTAssertThrowsError(try GetisOrdGiStar(xy: [0, 0, 1, 1], values: [1], band: 1))
        XCTAssertThrowsError(try GlobalMoran(xy: [0, 0], values: [.infinity], band: 1))
    }

    /// Same bits for any thread count (enough points to split into many chunks).
    func testIdenticalForAnyThreadCount() throws {
        var rng = CommonTests.Rng(state: 99)
        var xy: [Double] = [], y: [Double] = []
        for _ in 0..<20_000 {
            xy += [rng.next() * 20_000, rng.next() * 20_000]
            y.append(rng.next() * 1000)
        }
        let one = try GetisOrdGiStar(xy: xy, values: y, band: 300, threads: 1)
        let two = try GetisOrdGiStar(xy: xy, values: y, band: 300, threads: 2)
        let many = try GetisOrdGiStar(xy: xy, values: y, band: 300, threads: 7)
        XCTAssertEqual(one.z, two.z)
        XCTAssertEqual(one.z, many.z)
        let m1 = try GlobalMoran(xy: xy, values: y, band: 300, threads: 1)
        let m7 = try GlobalMoran(xy: xy, values: y, band: 300, threads: 7)
        XCTAssertEqual(m1.i, m7.i)
        XCTAssertEqual(m1.variance, m7.variance)
    }

    /// Dense bands take whole cells at once (`DiscSumGrid`); compare with a point-by-point computation
    /// over `PointGridIndex` (Gi*'s formula and Moran's sums written out directly).
    func testDenseBandEqualsPointByPointSums() throws {
        var rng = CommonTests.Rng(state: 2024)
        var xy: [Double] = [], y: [Double] = []
        for k in 0..<12_000 {
            // A dense core, a sparse fringe, points on a 10 m lattice (exact band distances) and far islands.
            if k % 3 == 0 {
                xy += [(rng.next() * 150).rounded() * 10, (rng.next() * 150).rounded() * 10]
            } else if k % 3 == 1 {
                xy += [rng.next() * 1500, rng.next() * 1500]
            } else {
                xy += [rng.next() * 30_000, rng.next() * 30_000]
            }
            y.append(rng.next() * 100 + (xy[xy.count - 2] < 700 ? 40 : 0))
        }
        let band = 250.0
        XCTAssertGreaterThan(DiscSumGrid.subdivisions(xy: xy, radius: band), 2)
        XCTAssertLessThan(DiscSumGrid(xy: xy, radius: band).side, band, "cells finer than the band, so whole runs are summed")
        let gi = try GetisOrdGiStar(xy: xy, values: y, band: band, threads: 2)
        let m = try GlobalMoran(xy: xy, values: y, band: band, threads: 2)
        let index = PointGridIndex(coordinates: xy, radius: band)
        let n = Double(y.count), mean = y.reduce(0, +) / n
        let s = (y.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        var counts = [Int](repeating: 0, count: y.count)
        for i in y.indices {
            var w = 0.0, sum = 0.0
            index.forEachNeighbor(of: i) { j in w += 1; sum += y[j] }
            counts[i] = Int(w)
            let z = (sum - mean * w) / (s * ((n * w - w * w) / (n - 1)).squareRoot())
            XCTAssertEqual(gi.neighbourCounts[i], Int(w), "point \(i)")
            XCTAssertEqual(try XCTUnwrap(gi.z[i]), z, accuracy: 1e-9, "point \(i)")
        }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, cross = 0.0, z2 = 0.0
        for i in y.indices {
            z2 += (y[i] - mean) * (y[i] - mean)
            let ki = Double(counts[i] - 1)
            guard ki > 0 else { continue }
            var lag = 0.0, column = 0.0
            index.forEachNeighbor(of: i) { j in
                guard j != i else { return }
                let wj = 1 / Double(counts[j] - 1)
                lag += (y[j] - mean) / ki
                s1 += (1 / ki + wj) * (1 / ki + wj)
                column += wj
            }
            s0 += 1
            s2 += (1 + column) * (1 + column)
            cross += (y[i] - mean) * lag
        }
        XCTAssertEqual(m.s0, s0)
        XCTAssertEqual(m.s1, s1 / 2, accuracy: 1e-9 * s1)
        XCTAssertEqual(m.s2, s2, accuracy: 1e-9 * s2)
        XCTAssertEqual(try XCTUnwrap(m.i), n / s0 * cross / z2, accuracy: 1e-12)
    }

    /// Cells are 2·radius / m wide (radius when m = 1), and wherever the cap doubled the old
    /// rule's radius / m at least once the grid gets the very same side, so its sums keep their
    /// bits (issue 19: Mianyang and the synth city unchanged).
    func testCellSideIsTwiceRadiusOverMAndKeepsCellsTheCapHadDoubled() {
        var rng = CommonTests.Rng(state: 19)
        let radius = 100.0
        // A dense cluster, 300 m square: many neighbours, so m is well above 2.
        var cluster: [Double] = []
        for _ in 0..<2_000 { cluster += [rng.next() * 300, rng.next() * 300] }
        let m = DiscSumGrid.subdivisions(xy: cluster, radius: radius)
        XCTAssertGreaterThan(m, 4)
        XCTAssertEqual(DiscSumGrid(xy: cluster, radius: radius).side, radius / Double(m) * 2, "no cap on 300 m")
        // The same cluster in a 20 km extent: the old rule's cells would be far more than the cap.
        let wide = cluster + [-10_000, -10_000, 10_000, 10_000]
        let mWide = DiscSumGrid.subdivisions(xy: wide, radius: radius)
        let cap = max(8 * wide.count / 2, 1 << 16)
        let old = PointGridIndex(coordinates: wide, radius: radius, cellSide: radius / Double(mWide), maxCells: cap).cellSide
        XCTAssertGreaterThanOrEqual(old, 4 * radius / Double(mWide), "the cap doubled the old side at least twice")
        XCTAssertEqual(DiscSumGrid(xy: wide, radius: radius).side, old)
        // Scattered points, about one neighbour each: m = 1 and cells as wide as the band.
        var sparse: [Double] = []
        for _ in 0..<500 { sparse += [rng.next() * 5_000, rng.next() * 5_000] }
        XCTAssertEqual(DiscSumGrid.subdivisions(xy: sparse, radius: radius), 1)
        XCTAssertEqual(DiscSumGrid(xy: sparse, radius: radius).side, radius)
    }

    /// The row prefix sums `DiscSumGrid.RowPrefixes` makes on demand (a ring of 2·reach + 1 rows)
    /// equal, row by row, the prefix sums of per-cell totals counted here from each point's cell
    /// (integer values: exact whatever the order), for rows asked in any order, so a row that fell
    /// out of the ring is made again correctly.
    func testRowPrefixesEqualCellTotalsCountedByHand() {
        var rng = CommonTests.Rng(state: 7)
        var xy: [Double] = [], values: [Double] = []
        for k in 0..<5_000 {
            // Clustered and scattered points over an extent many rows high.
            let cluster = k % 2 == 0
            xy += cluster ? [500 + rng.next() * 300, 4_000 + rng.next() * 600] : [rng.next() * 9_000, rng.next() * 9_000]
            values += [1, (rng.next() * 50).rounded(), -(rng.next() * 7).rounded()]
        }
        let grid = DiscSumGrid(xy: xy, radius: 120)
        XCTAssertGreaterThan(grid.rows, 2 * grid.reach + 1, "the ring must be smaller than the grid for this test")
        let k = 3, width = (grid.columns + 1) * k
        var expected = [Double](repeating: 0, count: grid.rows * width)
        for i in 0..<(xy.count / 2) {
            let gx = Int((xy[2 * i] - grid.originX) / grid.side), gy = Int((xy[2 * i + 1] - grid.originY) / grid.side)
            for q in 0..<k { expected[gy * width + (gx + 1) * k + q] += values[i * k + q] }
        }
        for gy in 0..<grid.rows {
            for c in 0..<grid.columns { for q in 0..<k { expected[gy * width + (c + 1) * k + q] += expected[gy * width + c * k + q] } }
        }
        let sorted = grid.sortedValues(values, channels: k)
        sorted.withUnsafeBufferPointer { buffer in
            let prefixes = DiscSumGrid.RowPrefixes(grid: grid, sorted: buffer, channels: k)
            // Up, then down, then random rows: hits, misses and rows made again.
            var order = Array(0..<grid.rows) + Array((0..<grid.rows).reversed())
            for _ in 0..<200 { order.append(Int(rng.next() * Double(grid.rows)) % grid.rows) }
            for gy in order {
                let row = prefixes.row(gy)
                for j in 0..<width where row[j] != expected[gy * width + j] {
                    XCTFail("row \(gy), slot \(j): \(row[j]) ≠ \(expected[gy * width + j])")
                    return
                }
            }
        }
    }
}
