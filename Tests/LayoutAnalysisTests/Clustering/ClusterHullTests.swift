import GEOS
import GeoCore
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// The hull of a big cluster, built from the hulls of 65 536-point chunks on several workers.
final class ClusterHullTests: LeakCheckedTestCase {
    /// 300 000 seeded points (a disc, a square and a thin tail, so the hull has long and short
    /// edges and its vertices lie in several chunks): the chunked hull is GEOS's convex hull of
    /// all points (the unchunked computation), vertex for vertex, for 1, 2 and 3 threads; its
    /// area is the planar area of that hull.
    func testChunkedConvexHullEqualsTheHullOfAllPoints() throws {
        var rng = SplitMix64(seed: 41)
        var xy: [Double] = []
        for k in 0..<300_000 {
            let u = rng.nextUnit(), v = rng.nextUnit()
            switch k % 3 {
            case 0:
                let angle = 2 * Double.pi * u, radius = 5000 * v.squareRoot()
                xy += [20_000 + radius * cos(angle), 30_000 + radius * sin(angle)]
            case 1: xy += [26_000 + 3000 * u, 27_000 + 3000 * v]
            default: xy += [14_000 - 9000 * u, 30_000 + 40 * v + 200 * u]
            }
        }
        let whole = try GeometryHandle(.multiPoint(CoordinateSequence(storage: xy))).convexHull()
        let expected = try whole.geometry(), expectedArea = try whole.planarArea()
        for threads in [1, 2, 3] {
            let (hull, kind, area) = try ClusterSummary.convexHull(ofMetric: xy, threads: threads)
            XCTAssertEqual(kind, .convex)
            XCTAssertEqual(hull, expected, "\(threads) threads")
            XCTAssertEqual(area, expectedArea, "\(threads) threads")
        }
    }
}
