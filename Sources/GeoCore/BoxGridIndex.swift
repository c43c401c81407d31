/// Boxes (any unit) in a uniform grid, for the items whose box touches a view or holds a point,
/// without a pass over all of them: the parcels a park map's view touches (built once for all
/// park pages), the districts or parks that may cover an enterprise (`PointLocator`).
///
/// Why, for the park pages: each park page (two maps: the page's and the printed one) used to test every parcel's
/// box against its view, and a box is computed from the geometry's coordinates each time: at a
/// province of 1,500,000 parcels and 823 parks that was 2.5·10⁹ box computations, the pages
/// growing with parks × parcels. With the grid a query costs the parcels near the view.
///
/// Answers are the indices `intersecting(_:)` returns, ascending: the same parcels, in the same
/// order, as the filter over all parcels (byte-identical pages).
public struct BoxGridIndex: Sendable {
    private let boxes: [BoundingBox]
    private let origin: (x: Double, y: Double)
    private let cell: (width: Double, height: Double)
    private let columns: Int, rows: Int
    /// CSR layout: the items of cell k are `items[cellStart[k]..<cellStart[k + 1]]`.
    private let cellStart: [Int32]
    private let items: [Int32]

    /// - Parameter boxes: one box per item (empty for an item without geometry), any unit.
    public init(boxes: [BoundingBox]) {
        self.boxes = boxes
        var extent = BoundingBox.empty
        for b in boxes where !b.isEmpty { extent.extend(with: b) }
        let side = max(1, Int(Double(max(1, boxes.count)).squareRoot() / 2))
        origin = extent.isEmpty ? (0, 0) : (extent.minX, extent.minY)
        columns = side
        rows = side
        cell = extent.isEmpty ? (1, 1)
            : (max((extent.maxX - extent.minX) / Double(side), 1e-12), max((extent.maxY - extent.minY) / Double(side), 1e-12))
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        for b in boxes where !b.isEmpty {
            let (c0, c1, r0, r1) = Self.span(b, origin: origin, cell: cell, columns: columns, rows: rows)
            for r in r0...r1 { for c in c0...c1 { counts[r * columns + c + 1] += 1 } }
        }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        var fill = counts
        var items = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        for (i, b) in boxes.enumerated() where !b.isEmpty {
            let (c0, c1, r0, r1) = Self.span(b, origin: origin, cell: cell, columns: columns, rows: rows)
            for r in r0...r1 {
                for c in c0...c1 {
                    items[Int(fill[r * columns + c])] = Int32(i)
                    fill[r * columns + c] += 1
                }
            }
        }
        cellStart = counts
        self.items = items
    }

    /// Cells a box covers (clamped to the grid).
    private static func span(
        _ b: BoundingBox, origin: (x: Double, y: Double), cell: (width: Double, height: Double), columns: Int, rows: Int
    ) -> (Int, Int, Int, Int) {
        func clamp(_ v: Double, _ n: Int) -> Int { v.isNaN ? 0 : Int(min(max(v.rounded(.down), 0), Double(n - 1))) }
        return (clamp((b.minX - origin.x) / cell.width, columns), clamp((b.maxX - origin.x) / cell.width, columns),
                clamp((b.minY - origin.y) / cell.height, rows), clamp((b.maxY - origin.y) / cell.height, rows))
    }

    /// The items whose box may hold the point (x, y): those listed in its cell, ascending; a
    /// caller still tests each box. Empty for a point outside every box's cell.
    public func candidates(x: Double, y: Double) -> ArraySlice<Int32> {
        guard !items.isEmpty, x.isFinite, y.isFinite else { return [] }
        let (c, _, r, _) = Self.span(BoundingBox(minX: x, minY: y, maxX: x, maxY: y), origin: origin, cell: cell, columns: columns, rows: rows)
        return items[Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1])]
    }

    /// Indices of the items whose box intersects `view` (closed boxes), ascending.
    public func intersecting(_ view: BoundingBox) -> [Int] {
        guard !view.isEmpty, !items.isEmpty else { return [] }
        let (c0, c1, r0, r1) = Self.span(view, origin: origin, cell: cell, columns: columns, rows: rows)
        var found: [Int] = []
        for r in r0...r1 {
            for c in c0...c1 {
                for k in Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1]) {
                    let i = Int(items[k])
                    if boxes[i].intersects(view) { found.append(i) }
                }
            }
        }
        found.sort()
        // An item spanning several cells is found once per cell.
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for i in found where unique.last != i { unique.append(i) }
        return unique
    }
}
