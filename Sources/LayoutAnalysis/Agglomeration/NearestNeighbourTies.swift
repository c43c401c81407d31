import GeoCore
/// Every nearest other point of each point, ties kept (for co-location quotients).
///
/// Neighbours of i are all j ≠ i at the minimum distance (exact equality of
/// squared Euclidean distances; coincident points are at distance 0 and so are
/// each other's nearest). Search: rings of cells of a `PointGridIndex` grid
/// around the point until the best distance is below the ring's reach, so a
/// query costs O(local density), not O(n).
///
/// Memory order (issue 19): queries run in cell order over the coordinates stored in cell
/// order (`PointGridIndex.ringSearch(aroundSlot:)`), so a ring reads contiguous memory and
/// consecutive queries reuse the same cells. Run in input order, reading each candidate through
/// its index, nearly every candidate was a cache miss once the coordinates outgrew the cache
/// (160 MB at 10 M points): the search grew as n^1.11 from the 1 M city to the 10 M province
/// although a query scanned no more points there (point-weighted mean 34.5 points per cell in
/// the city, 27.0 in the province). Most points have a single nearest neighbour, so the first
/// pass keeps only each point's count and smallest nearest index, and a second pass lists the
/// tied points again: no array per point.
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
        let ordered = grid.coordinatesInCellOrder
        // Pass 1: per point, how many nearest neighbours tie and the smallest of their indices.
        let counts = HotspotBuffer<Int32>(repeating: 0, count: n)
        let firsts = HotspotBuffer<Int32>(repeating: 0, count: n)
        ParallelRanges.forEach(count: n, threads: threads) { range in
            ordered.withUnsafeBufferPointer { ordered in
                for s in range {
                    var best = Double.infinity, count: Int32 = 0, first = Int32.max
                    grid.ringSearch(
                        aroundSlot: s, ordered: ordered,
                        visit: { k, d2 in
                            if d2 < best {
                                best = d2; count = 1; first = grid.sortedPoints[k]
                            } else if d2 == best {
                                count += 1; first = min(first, grid.sortedPoints[k])
                            }
                        },
                        isDone: { best < $0 })
                    let i = Int(grid.sortedPoints[s])
                    counts[i] = count
                    firsts[i] = first
                }
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { offsets[i + 1] = offsets[i] + Int(counts[i]) }
        let all = HotspotBuffer<Int32>(repeating: 0, count: offsets[n])
        for i in 0..<n where counts[i] == 1 { all[offsets[i]] = firsts[i] }
        // Pass 2: the same search again for the points whose nearest neighbours tie, listing them.
        let starts = offsets
        ParallelRanges.forEach(count: n, threads: threads) { range in
            ordered.withUnsafeBufferPointer { ordered in
                var found: [Int32] = []
                for s in range where counts[Int(grid.sortedPoints[s])] > 1 {
                    var best = Double.infinity
                    found.removeAll(keepingCapacity: true)
                    grid.ringSearch(
                        aroundSlot: s, ordered: ordered,
                        visit: { k, d2 in
                            if d2 < best {
                                best = d2
                                found.removeAll(keepingCapacity: true)
                                found.append(grid.sortedPoints[k])
                            } else if d2 == best {
                                found.append(grid.sortedPoints[k])
                            }
                        },
                        isDone: { best < $0 })
                    found.sort()
                    let i = Int(grid.sortedPoints[s])
                    for (m, j) in found.enumerated() { all[starts[i] + m] = j }
                }
            }
        }
        self.offsets = offsets
        neighbours = all.array
    }
}
