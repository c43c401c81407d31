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

    static func nearest(of i: Int, grid: PointGridIndex) -> [Int32] {
        let xy = grid.coordinates
        let x = xy[2 * i], y = xy[2 * i + 1]
        let side = grid.cellSide
        let cx = Int(((x - grid.originX) / side).rounded(.down))
        let cy = Int(((y - grid.originY) / side).rounded(.down))
        var best = Double.infinity
        var found: [Int32] = []
        let maxRing = max(grid.columns, grid.rows)
        var r = 0
        while r <= maxRing {
            func visit(_ gx: Int, _ gy: Int) {
                guard gx >= 0, gx < grid.columns, gy >= 0, gy < grid.rows else { return }
                let c = gy * grid.columns + gx
                for k in Int(grid.cellStart[c])..<Int(grid.cellStart[c + 1]) {
                    let j = Int(grid.sortedPoints[k])
                    guard j != i else { continue }
                    let dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y
                    let d2 = dx * dx + dy * dy
                    if d2 < best {
                        best = d2
                        found = [Int32(j)]
                    } else if d2 == best {
                        found.append(Int32(j))
                    }
                }
            }
            if r == 0 {
                visit(cx, cy)
            } else {
                for gx in (cx - r)...(cx + r) {
                    visit(gx, cy - r)
                    visit(gx, cy + r)
                }
                for gy in (cy - r + 1)...(cy + r - 1) {
                    visit(cx - r, gy)
                    visit(cx + r, gy)
                }
            }
            // Unvisited points lie at least r cells away; stop when the best is strictly closer.
            let reach = Double(r) * side
            if best < reach * reach { break }
            r += 1
        }
        return found.sorted()
    }
}
