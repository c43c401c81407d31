/// Ripley's K and L functions without edge correction, pointpats convention.
///
/// Units: radii in metres, K in m², L in metres; A = study area in m².
/// K(r) = A · 2·#{pairs i<j : dᵢⱼ < r} / n²  (strict <, n², no edge correction),
/// L(r) = √(K(r)/π). This is `pointpats.distance_statistics.k` / `l` with the area A
/// (pointpats takes A from the points' bounding box).
///
/// Pairs are counted with a `PointGridIndex` at the largest radius: each point looks only at
/// its grid neighbours with a higher index, and each pair distance (√ of the squared
/// distance, as scipy's `pdist`) falls into the bucket of the smallest radius it is below;
/// a prefix sum over buckets gives the count per radius. Workers count disjoint ranges
/// of i into their own buckets; integer sums make the result thread-independent.
public enum RipleyK {
    /// Pair counts #{i<j : dᵢⱼ < r} for each radius, in the order given.
    public static func pairCounts(coordinates xy: [Double], radii: [Double], threads: Int = 1) -> [Int] {
        let n = xy.count / 2
        guard n >= 2, let rMax = radii.max(), rMax > 0 else { return radii.map { _ in 0 } }
        let sorted = radii.indices.sorted { radii[$0] < radii[$1] }
        let sortedRadii = sorted.map { radii[$0] }
        // Slightly widened so no pair with √d² < rMax is lost to rounding of rMax².
        let index = PointGridIndex(coordinates: xy, radius: rMax * (1 + 1e-9))
        let buckets = sortedRadii.count
        let workers = max(1, min(threads, n / 512 + 1))
        let partial = UnsafeMutableBufferPointer<Int>.allocate(capacity: workers * (buckets + 1))
        partial.initialize(repeating: 0)
        defer { partial.deallocate() }
        nonisolated(unsafe) let counts = partial
        let chunk = (n + workers - 1) / workers
        ParallelChunks.run(count: workers, threads: workers, minimumChunk: 1) { workerRange in
            for w in workerRange {
                let base = w * (buckets + 1)
                for i in (w * chunk)..<min(n, (w + 1) * chunk) {
                    let x = xy[2 * i], y = xy[2 * i + 1]
                    index.forEachNeighbor(of: i) { j in
                        guard j > i else { return }
                        let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                        let d = (dx * dx + dy * dy).squareRoot()
                        var b = 0
                        while b < buckets && !(d < sortedRadii[b]) { b += 1 }
                        counts[base + b] += 1
                    }
                }
            }
        }
        var cumulative = [Int](repeating: 0, count: buckets)
        var running = 0
        for b in 0..<buckets {
            for w in 0..<workers { running += partial[w * (buckets + 1) + b] }
            cumulative[b] = running
        }
        var out = [Int](repeating: 0, count: radii.count)
        for (k, original) in sorted.enumerated() { out[original] = cumulative[k] }
        return out
    }

    /// K(r) = A·2·pairs/n² for each radius; nil entries when n < 2.
    public static func k(coordinates xy: [Double], radii: [Double], area: Double, threads: Int = 1) -> [Double]? {
        let n = xy.count / 2
        guard n >= 2 else { return nil }
        let nd = Double(n)
        return pairCounts(coordinates: xy, radii: radii, threads: threads).map { area * 2 * Double($0) / (nd * nd) }
    }

    /// L(r) = √(K(r)/π).
    public static func l(fromK k: [Double]) -> [Double] { k.map { ($0 / Double.pi).squareRoot() } }
}
