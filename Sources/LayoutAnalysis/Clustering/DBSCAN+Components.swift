import Dispatch
import GeoCore

/// DBSCAN's clusters as connected components of core points, on all workers.
///
/// Grid: cells of side s = eps/√2·(1 − 10⁻⁹), so any two points of one cell are closer than eps
/// (the diagonal is eps·(1 − 10⁻⁹); the margin, 0.5 µm at eps = 500 m, is far above the rounding
/// of the cell arithmetic, ~10⁻¹⁰ m) and every point within eps of a point lies in the 5 × 5 cells
/// around it (⌈eps/s⌉ = 2). Only non-empty cells are kept, as sorted 64-bit keys (row, column), so
/// memory is O(n) for any eps and extent.
///
/// 1. Each worker takes a contiguous range of core cells (balanced by core count) and, for each
///    cell and each later neighbour cell, unions the two when some pair of their cores is within
///    eps (test d² ≤ eps², as everywhere in DBSCAN), stopping at the first such pair and skipping
///    pairs its own union–find already joined. It returns the unions it made.
/// 2. The unions are replayed into one union–find; connected components do not depend on how
///    the cells were split, so neither does anything below.
/// 3. Labels: cores in input order, a component's label being the next free one when its first
///    (lowest-index) core is met: scikit-learn's numbering.
/// 4. Each non-core point (split across workers) takes the lowest label of the cores within eps
///    of it, or −1.
extension DBSCAN {
    static func componentLabels(coordinates xy: [Double], eps: Double, core: [Bool], threads: Int) -> (labels: [Int32], count: Int32)? {
        componentLabels(coordinates: xy, threshold: DistanceThreshold(planar: eps), core: core, threads: threads)
    }

    static func componentLabels(
        coordinates xy: [Double], threshold: DistanceThreshold, core: [Bool], threads: Int
    ) -> (labels: [Int32], count: Int32)? {
        let n = core.count
        guard n > 0 else { return ([], 0) }
        guard let grid = CoreCellGrid(coordinates: xy, threshold: threshold, core: core) else { return nil }
        guard grid.cells > 0 else { return ([Int32](repeating: -1, count: n), 0) }
        let cells = grid.cells

        // 1. Unions per worker over contiguous cell ranges of about equal core counts.
        let workers = max(1, min(threads, cells / 64 + 1))
        var bounds = [0]
        for w in 1..<workers {
            let target = Int32(Int(grid.cellStart[cells]) * w / workers)
            var c = bounds.last!
            while c < cells && grid.cellStart[c] < target { c += 1 }
            bounds.append(c)
        }
        bounds.append(cells)
        let found = UnsafeMutableBufferPointer<[(Int32, Int32)]>.allocate(capacity: workers)
        found.initialize(repeating: [])
        defer { found.deinitialize(); found.deallocate() }
        nonisolated(unsafe) let unionsOut = found
        let ranges = bounds
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var local = UnionFind(count: cells)
            var unions: [(Int32, Int32)] = []
            for c in ranges[w]..<ranges[w + 1] {
                let cy = Int(grid.cellKeys[c] >> 32), cx = Int(grid.cellKeys[c] & 0xFFFF_FFFF)
                for dy in 0...2 {
                    // Same row: only the cells after c; later rows: columns cx − 2 … cx + 2.
                    var d = dy == 0 ? c + 1 : grid.lowerBound(CoreCellGrid.key(cy + dy, max(0, cx - 2)))
                    let last = CoreCellGrid.key(cy + dy, cx + 2)
                    while d < cells && grid.cellKeys[d] <= last {
                        if local.find(c) != local.find(d) && grid.connected(c, d) {
                            local.union(c, d)
                            unions.append((Int32(c), Int32(d)))
                        }
                        d += 1
                    }
                }
            }
            unionsOut[w] = unions
        }

        // 2. One union–find from every worker's unions.
        var global = UnionFind(count: cells)
        for w in 0..<workers { for (a, b) in found[w] { global.union(Int(a), Int(b)) } }

        // 3. Core labels in input order.
        var label = [Int32](repeating: -1, count: n)
        var componentLabel = [Int32](repeating: -1, count: cells)
        var cellLabel = [Int32](repeating: -1, count: cells)
        var next: Int32 = 0
        for i in 0..<n where core[i] {
            let c = grid.lowerBound(CoreCellGrid.key(grid.row(i), grid.column(i)))
            let root = global.find(c)
            if componentLabel[root] < 0 { componentLabel[root] = next; next += 1 }
            label[i] = componentLabel[root]
            cellLabel[c] = componentLabel[root]
        }

        // 4. Border points: the lowest label among the cores within eps (all cores of a cell share one).
        let labelOfCell = cellLabel
        let borderLabels = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        borderLabels.initialize(repeating: -1)
        defer { borderLabels.deallocate() }
        nonisolated(unsafe) let borderOut = borderLabels
        ParallelRanges.forEach(count: n, threads: threads, minimumChunk: 1024) { range in
            for i in range where !core[i] {
                let cx = grid.column(i), cy = grid.row(i)
                var best = Int32.max
                for gy in max(0, cy - 2)...(cy + 2) {
                    var c = grid.lowerBound(CoreCellGrid.key(gy, max(0, cx - 2)))
                    let last = CoreCellGrid.key(gy, cx + 2)
                    while c < cells && grid.cellKeys[c] <= last {
                        if labelOfCell[c] < best && grid.reaches(cell: c, point: i) { best = labelOfCell[c] }
                        c += 1
                    }
                }
                if best != Int32.max { borderOut[i] = best }
            }
        }
        for i in 0..<n where !core[i] { label[i] = borderLabels[i] }
        return (label, next)
    }
}

/// The core points bucketed in cells of side eps/√2·(1 − 10⁻⁹), non-empty cells only, keyed by
/// (row << 32 | column) in ascending order. With a geodesic threshold, eps here is its inner
/// radius (k₀·eps − τ: any pair closer in the plane is within eps on the ellipsoid), and the
/// ±2-cell reach must cover its search radius.
struct CoreCellGrid: Sendable {
    let xy: [Double]
    let threshold: DistanceThreshold
    let side: Double
    let minX: Double
    let minY: Double
    /// Keys of the cells holding cores, ascending.
    let cellKeys: [UInt64]
    /// `sortedCores[cellStart[c] ..< cellStart[c + 1]]` are cell c's cores (ascending index).
    let cellStart: [Int32]
    let sortedCores: [Int32]
    var cells: Int { cellKeys.count }

    /// Nil when the extent over the cell side does not fit 32-bit rows and columns.
    init?(coordinates xy: [Double], threshold: DistanceThreshold, core: [Bool]) {
        let n = core.count
        self.xy = xy
        self.threshold = threshold
        side = threshold.innerRadius / 2.0.squareRoot() * (1 - 1e-9)
        // Two cells must reach every neighbour (true unless the frame's scale spread exceeds √2).
        guard side > 0, 2 * side >= threshold.searchRadius else { return nil }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, xy[2 * i]); maxX = max(maxX, xy[2 * i])
            minY = min(minY, xy[2 * i + 1]); maxY = max(maxY, xy[2 * i + 1])
        }
        self.minX = minX
        self.minY = minY
        // Room for the ±2 reach inside the 32-bit halves of a key.
        let limit = Double(Int32.max - 8)
        guard (maxX - minX) / side < limit, (maxY - minY) / side < limit else { return nil }
        var entries: [(key: UInt64, index: Int32)] = []
        entries.reserveCapacity(n)
        for i in 0..<n where core[i] {
            let column = Int((xy[2 * i] - minX) / side), row = Int((xy[2 * i + 1] - minY) / side)
            entries.append((Self.key(row, column), Int32(i)))
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var keys: [UInt64] = [], start: [Int32] = []
        for (k, e) in entries.enumerated() where k == 0 || e.key != entries[k - 1].key {
            keys.append(e.key)
            start.append(Int32(k))
        }
        start.append(Int32(entries.count))
        cellKeys = keys
        cellStart = start
        sortedCores = entries.map(\.index)
    }

    static func key(_ row: Int, _ column: Int) -> UInt64 { UInt64(row) << 32 | UInt64(column) }
    func column(_ i: Int) -> Int { Int((xy[2 * i] - minX) / side) }
    func row(_ i: Int) -> Int { Int((xy[2 * i + 1] - minY) / side) }

    /// The first cell with key ≥ `target`.
    func lowerBound(_ target: UInt64) -> Int {
        var lo = 0, hi = cellKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cellKeys[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether some core of cell a is within eps of some core of cell b (stops at the first).
    func connected(_ a: Int, _ b: Int) -> Bool {
        for p in Int(cellStart[a])..<Int(cellStart[a + 1]) where reaches(cell: b, point: Int(sortedCores[p])) { return true }
        return false
    }

    /// Whether some core of `cell` is within eps of point i (the threshold's test: d² ≤ eps² in the
    /// plane, the geodesic in the ring around eps).
    func reaches(cell: Int, point i: Int) -> Bool {
        let x = xy[2 * i], y = xy[2 * i + 1]
        for q in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
            let j = Int(sortedCores[q])
            let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
            if threshold.contains(i, j, squared: dx * dx + dy * dy, xi: x, xj: xy[2 * j]) { return true }
        }
        return false
    }
}

/// Union–find with path halving and union by index (the lower root wins), over 0 ..< count.
struct UnionFind {
    private var parent: [Int32]

    init(count: Int) { parent = (0..<count).map { Int32($0) } }

    mutating func find(_ i: Int) -> Int {
        var i = i
        while Int(parent[i]) != i {
            parent[i] = parent[Int(parent[i])]
            i = Int(parent[i])
        }
        return i
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra < rb { parent[rb] = Int32(ra) } else if rb < ra { parent[ra] = Int32(rb) }
    }
}
