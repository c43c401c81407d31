import GeoCore
import LayoutModel
import PROJ
import TestSupport
import XCTest

@testable import LayoutAnalysis

/// The scale bounds behind `DistanceThreshold` and its use by both DBSCAN label paths.
final class DistanceThresholdTests: LeakCheckedTestCase {
    /// k₀·g ≤ d ≤ k_max·g for pairs all over a 9° wide extent (and a UTM frame), with d the distance
    /// in the frame (PROJ) and g the geodesic (`geod_inverse`, the code pyproj's `Geod.inv` wraps);
    /// and the bound is not loose by more than the 5 % allowance plus the widening.
    func testScaleBoundsHoldAcrossTheZone() throws {
        let cases: [(BoundingBox, Int)] = [
            (BoundingBox(minX: 97.5, minY: 26, maxX: 106.5, maxY: 34), 4543),
            (BoundingBox(minX: 9, minY: 50, maxX: 18, maxY: 55), 32633),
        ]
        for (box, epsg) in cases {
            let frame = try MetricFrame(extent: box)
            XCTAssertEqual(frame.epsg, epsg)
            var rng = SplitMix64(seed: 19)
            var lonLat: [Double] = []
            for _ in 0..<4000 {
                let lon = box.minX + rng.nextUnit() * (box.maxX - box.minX)
                let lat = box.minY + rng.nextUnit() * (box.maxY - box.minY)
                let reach = 0.001 + rng.nextUnit() * 0.02  // ≈ 100 m … 2 km
                let angle = rng.nextUnit() * 2 * Double.pi
                lonLat += [lon, lat, lon + reach * cos(angle), lat + reach * sin(angle)]
            }
            let xy = try frame.project(CoordinateSequence(storage: lonLat))
            var tightest = 0.0
            for k in stride(from: 0, to: xy.count, by: 4) {
                let g = Geodesic.grs80.distance(from: Position(x: lonLat[k], y: lonLat[k + 1]), to: Position(x: lonLat[k + 2], y: lonLat[k + 3]))
                let d = ((xy[k] - xy[k + 2]) * (xy[k] - xy[k + 2]) + (xy[k + 1] - xy[k + 3]) * (xy[k + 1] - xy[k + 3])).squareRoot()
                let offset = max(abs(xy[k] - frame.falseEasting), abs(xy[k + 2] - frame.falseEasting))
                let kMax = DistanceThreshold.maximumScale(offset: offset + 2 * g, centralScale: frame.centralScale)
                XCTAssertLessThanOrEqual(frame.centralScale * g, d + DistanceThreshold.projectionTolerance, "EPSG:\(epsg) pair \(k / 4)")
                XCTAssertLessThanOrEqual(d, kMax * g + DistanceThreshold.projectionTolerance, "EPSG:\(epsg) pair \(k / 4)")
                tightest = max(tightest, (d / g - frame.centralScale) / (kMax - frame.centralScale))
            }
            XCTAssertGreaterThan(tightest, 0.9, "EPSG:\(epsg): the bound is close to the largest stretch seen")
        }
    }

    /// The parallel component labels and the sequential expansion agree under a geodesic threshold,
    /// and a planar threshold is the plain d ≤ eps.
    func testBothLabelPathsAgreeUnderAGeodesicThreshold() throws {
        let o = try AnalysisFixtures.object("geodesic/wide_9deg.json")
        let lon = try AnalysisFixtures.doubles(o["lon"]), lat = try AnalysisFixtures.doubles(o["lat"])
        let lonLat = zip(lon, lat).flatMap { [$0, $1] }
        let frame = try MetricFrame(extent: BoundingBox(minX: lon.min()!, minY: lat.min()!, maxX: lon.max()!, maxY: lat.max()!))
        let xy = try frame.project(CoordinateSequence(storage: lonLat))
        let threshold = DistanceThreshold(distance: 500, frame: frame, xy: xy, lonLat: lonLat)
        XCTAssertTrue(threshold.isGeodesic)
        XCTAssertGreaterThan(threshold.searchRadius, 501, "the edges stretch 500 m by more than a metre")
        let index = PointGridIndex(coordinates: xy, radius: threshold.searchRadius)
        for minPoints in [2, 3] {
            let core = xy.indices.filter { $0 % 2 == 0 }.map { index.countNeighbors(of: $0 / 2, upTo: minPoints, threshold: threshold) >= minPoints }
            let expansion = DBSCAN.expansionLabels(index: index, core: core, threshold: threshold)
            for threads in [1, 3] {
                let components = try XCTUnwrap(DBSCAN.componentLabels(coordinates: xy, threshold: threshold, core: core, threads: threads))
                XCTAssertEqual(components.labels, expansion.labels)
                XCTAssertEqual(components.count, expansion.count)
            }
        }
        let planar = DistanceThreshold(planar: 5)
        XCTAssertFalse(planar.isGeodesic)
        XCTAssertTrue(planar.contains(0, 1, squared: 25, xi: 0, xj: 0))
        XCTAssertFalse(planar.contains(0, 1, squared: 25.000_001, xi: 0, xj: 0))
    }
}
