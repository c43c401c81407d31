import Glibc

/// Clark–Evans nearest-neighbour index (Clark & Evans 1954), QGIS convention.
///
/// Units: distances in metres, area in m² of the metric frame.
/// - d̄o = mean distance from each point to its nearest other point;
/// - d̄e = 0.5 / √(n/A);  NNI = d̄o / d̄e  (< 1 clustered, ≈ 1 random, > 1 dispersed);
/// - SE = 0.26136 / √(n²/A);  z = (d̄o − d̄e) / SE;  p = two-sided normal, erfc(|z|/√2).
/// This is QGIS "Nearest neighbour analysis" with A = the study area (QGIS uses the
/// layer extent, i.e. our `bbox` study area).
public struct NearestNeighbourIndex: Sendable, Hashable {
    public let n: Int
    /// A, m².
    public let studyAreaM2: Double
    /// d̄o, m.
    public let meanObserved: Double
    /// d̄e, m; nil when A = 0.
    public let meanExpected: Double?
    public let nni: Double?
    public let standardError: Double?
    public let z: Double?
    public let p: Double?

    /// Computes the index for ≥ 2 points; nil for fewer (no nearest neighbour exists).
    public init?(coordinates: [Double], studyAreaM2 area: Double, threads: Int = 1) {
        let n = coordinates.count / 2
        guard n >= 2 else { return nil }
        let distances = NearestNeighbourDistances.compute(coordinates: coordinates, threads: threads)
        // Summed in index order, so the result does not depend on the thread count.
        var sum = 0.0
        for d in distances { sum += d }
        self.n = n
        studyAreaM2 = area
        meanObserved = sum / Double(n)
        guard area > 0, area.isFinite else {
            meanExpected = nil; nni = nil; standardError = nil; z = nil; p = nil
            return
        }
        let nd = Double(n)
        let expected = 0.5 / (nd / area).squareRoot()
        let se = 0.26136 / (nd * nd / area).squareRoot()
        let zScore = (meanObserved - expected) / se
        meanExpected = expected
        nni = meanObserved / expected
        standardError = se
        z = zScore
        p = erfc(abs(zScore) / 2.0.squareRoot())
    }
}
