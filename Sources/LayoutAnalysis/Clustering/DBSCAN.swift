import GeoCore
import Dispatch

/// DBSCAN (Ester et al. 1996) on projected points, with scikit-learn's labels.
///
/// Units: coordinates in metres of the metric frame, `eps` in metres (docs/analyses.md §1, §3);
/// with a `DistanceThreshold` from the frame, "within eps" is the ellipsoidal geodesic distance
/// (pairs far from eps are decided in the plane, the thin ring around it by `geod_inverse`).
///
/// Conventions (scikit-learn `DBSCAN(eps, min_samples)`, PostGIS `ST_ClusterDBSCAN`):
/// - neighbours of a point are the points at distance ≤ eps (inclusive, tested as
///   d² ≤ eps², the reduced distance scikit-learn's trees use), the point itself included;
/// - a point is core when it has at least `minPoints` neighbours (itself counted);
/// - clusters are numbered 0, 1, … in the order of their lowest-index core point;
/// - a border point (not core, within eps of a core) joins the first cluster whose
///   expansion reaches it when cores are taken in input order; other points are noise (−1).
///
/// Cost: one pass of neighbour counts (split across `threads`, each point's count is
/// independent; the counts stop at `minPoints`), then the clusters as connected components of
/// the core points on a grid of cells eps/√2 wide (`componentLabels`: every core of a cell is
/// in one cluster, so only pairs of nearby cells are tested, each stopping at its first pair
/// within eps; the cells are split across `threads` and the components merged), then each
/// border point's lowest adjacent cluster (split across `threads`). Memory is O(n): the grids,
/// the labels, the core flags and a union–find over the cells; neighbourhoods are never
/// stored. The result does not depend on `threads`.
public struct DBSCAN: Sendable {
    /// Cluster label per point; −1 = noise.
    public let labels: [Int32]
    /// Whether each point is a core point.
    public let isCore: [Bool]
    /// Number of clusters (labels run 0 ..< clusterCount).
    public let clusterCount: Int

    /// The role of a point in the clustering.
    public enum Role: String, Sendable, Hashable {
        case core, border, noise
    }

    /// Clusters interleaved metric coordinates `x0, y0, x1, y1, …`.
    /// - Parameters:
    ///   - eps: neighbourhood radius in metres, > 0.
    ///   - minPoints: neighbours (self included) that make a core point, ≥ 1.
    ///   - threads: workers; the result does not depend on it.
    public init(coordinates: [Double], eps: Double, minPoints: Int, threads: Int = 1) throws {
        try AnalysisError.requireDistance(eps, name: "eps")
        try self.init(coordinates: coordinates, threshold: DistanceThreshold(planar: eps), minPoints: minPoints, threads: threads)
    }

    /// Clusters projected points with neighbours decided by `threshold` (eps = its `distance`):
    /// the true geodesic distance for a threshold made from a `MetricFrame`
    /// (`DistanceThreshold`), so that eps means the same metres across a wide dataset.
    /// - Parameters:
    ///   - coordinates: interleaved metric coordinates, in the threshold's point order.
    ///   - minPoints: neighbours (self included) that make a core point, ≥ 1.
    ///   - threads: workers; the result does not depend on it.
    public init(coordinates: [Double], threshold: DistanceThreshold, minPoints: Int, threads: Int = 1) throws {
        try AnalysisError.requireDistance(threshold.distance, name: "eps")
        try AnalysisError.requireFinite(coordinates, what: "DBSCAN")
        guard minPoints >= 1 else { throw AnalysisError.invalidParameter("min_points must be at least 1, got \(minPoints)") }
        let n = coordinates.count / 2
        guard n > 0 else {
            labels = []; isCore = []; clusterCount = 0
            return
        }
        // The grid's radius is the threshold's search radius: every geodesic neighbour lies within it.
        let index = PointGridIndex(coordinates: coordinates, radius: threshold.searchRadius)

        // Pass 1: core flags. Each count is independent, so workers may share the output buffer.
        let flags = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        flags.initialize(repeating: false)
        defer { flags.deallocate() }
        nonisolated(unsafe) let coreOut = flags
        ParallelRanges.forEach(count: n, threads: threads, minimumChunk: 512) { range in
            for i in range { coreOut[i] = index.countNeighbors(of: i, upTo: minPoints, threshold: threshold) >= minPoints }
        }
        let core = Array(flags)

        // Pass 2: clusters are the connected components of the core points under "within eps";
        // a border point takes the lowest label among the cores within eps of it. That is exactly
        // what the input-order expansion below produces (each cluster is expanded to completion
        // before the next starts, so the first cluster to reach a border point is the one with
        // the lowest label), and, unlike the expansion, it splits into independent pieces.
        let label: [Int32]
        let next: Int32
        if let parallel = Self.componentLabels(coordinates: coordinates, threshold: threshold, core: core, threads: threads) {
            (label, next) = parallel
        } else {
            (label, next) = Self.expansionLabels(index: index, core: core, threshold: threshold)
        }
        labels = label
        isCore = core
        clusterCount = Int(next)
    }

    /// Labels by breadth-first expansion from each unlabelled core in input order, on one thread.
    /// A point's label is set when it is first reached, which is exactly when scikit-learn's
    /// depth-first stack would label it: clusters are expanded one at a time to completion, so
    /// the first cluster to reach a border point wins. Labels never change once set, so a cell
    /// whose points are all labelled can be skipped by every later scan: in dense clusters most
    /// cells fill up early, which turns the expansion from O(Σ neighbourhood sizes) into little
    /// more than O(n · 9 cells). Used when the grid of `componentLabels` would not fit, and by
    /// the tests as the reference for it.
    static func expansionLabels(index: PointGridIndex, core: [Bool], threshold: DistanceThreshold? = nil) -> (labels: [Int32], count: Int32) {
        let threshold = threshold ?? DistanceThreshold(planar: index.radius)
        let n = core.count
        var label = [Int32](repeating: -1, count: n)
        var unlabelled = [Int32](repeating: 0, count: index.cellCount)
        for i in 0..<n { unlabelled[index.cell(of: i)] += 1 }
        var queue = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        for seed in 0..<n where core[seed] && label[seed] == -1 {
            label[seed] = next
            unlabelled[index.cell(of: seed)] -= 1
            var head = 0, tail = 0
            queue[tail] = Int32(seed); tail += 1
            while head < tail {
                let p = Int(queue[head]); head += 1
                index.forEachNeighbor(of: p, threshold: threshold, skippingCells: { unlabelled[$0] == 0 }) { q in
                    guard label[q] == -1 else { return }
                    label[q] = next
                    unlabelled[index.cell(of: q)] -= 1
                    if core[q] { queue[tail] = Int32(q); tail += 1 }
                }
            }
            next += 1
        }
        return (label, next)
    }

    /// Core, border or noise for point `i`.
    public func role(of i: Int) -> Role {
        if isCore[i] { return .core }
        return labels[i] >= 0 ? .border : .noise
    }
}

