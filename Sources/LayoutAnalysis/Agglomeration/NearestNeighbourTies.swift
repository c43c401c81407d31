import GeoCore
/// Every nearest other point of each point, ties kept (for co-location quotients).
///
/// Neighbours of i are all j ≠ i at the minimum distance (exact equality of
/// squared Euclidean distances; coincident points are at distance 0 and so are
/// each other's nearest). Search: rings of cells of a `PointGridIndex` grid
/// around the point until the best distance is below the ring's reach, so a
/// query costs O(local density), not O(n).
struct NearestNeighbourTies: Sendable {
    /// CSR offsets: neighbours of i are `neighbours[offsets[i] ..< offsets[i + 1]]`, ascending.
    let offsets: [Int]
    let neighbours: [Int32]

    init(xy: [Double], threads: Int) {
        let n = xy.count / 2
        guard n > 1 else {
            offsets = [Int](repeating: 0, count: n + 1)
            neighbours = []
            return
        }
        // Cell side for about two points per cell over the bounding box.
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, xy[2 * i]); maxX = max(maxX, xy[2 * i])
            minY = min(minY, xy[2 * i + 1]); maxY = max(maxY, xy[2 * i + 1])
        }
        let area = max((maxX - minX) * (maxY - minY), 1e-9)
        var side = (2 * area / Double(n)).squareRoot()
        if !(side > 0) || !side.isFinite { side = 1 }
        side = max(side, max(maxX - minX, maxY - minY) / 4096, 1e-6)
        let grid = PointGridIndex(coordinates: xy, radius: side)
        let lists = HotspotBuffer<[Int32]>(repeating: [], count: n)
        ParallelRanges.forEach(count: n, threads: threads) { range in
            for i in range { lists[i] = Self.nearest(of: i, grid: grid) }
        }
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        var all: [Int32] = []
        for i in 0..<n {
            all += lists[i]
            offsets.append(all.count)
        }
        self.offsets = offsets
        neighbours = all
    }

    /// Every nearest other point of i, ascending (`PointGridIndex.ringSearch`, kept going
    /// while a point at exactly the ring's reach could still tie).
    static func nearest(of i: Int, grid: PointGridIndex) -> [Int32] {
        var best = Double.infinity
        var found: [Int32] = []
        grid.ringSearch(
            around: i,
            visit: { j, d2 in
                if d2 < best {
                    best = d2
                    found = [Int32(j)]
                } else if d2 == best {
                    found.append(Int32(j))
                }
            },
            isDone: { best < $0 })
        return found.sorted()
    }
}
