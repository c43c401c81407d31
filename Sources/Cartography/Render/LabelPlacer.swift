/// Greedy label placement that avoids obvious overlaps.
///
/// Labels are placed in the order given (callers put the important ones
/// first); each tries positions around its anchor — centred, then above,
/// below, right, left and the diagonals at growing distances — and takes the first whose box overlaps no label placed
/// before and stays inside the map area. A label with no free position is
/// still drawn centred when `forceAll` (so every park keeps its name), else
/// skipped. This is the classic "first fit over candidate positions" scheme
/// (Christensen, Marks & Shieber 1995, the greedy baseline), enough for tens of labels.
struct LabelPlacer {
    struct Placed {
        var x: Double, y: Double
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
        var overlaps: Bool
        /// Whether the label sits away from its anchor (draw a leader line).
        var displaced: Bool
    }

    private(set) var boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
    let area: (minX: Double, minY: Double, maxX: Double, maxY: Double)

    init(area: (minX: Double, minY: Double, maxX: Double, maxY: Double)) { self.area = area }

    /// Marks a box no label may cover (e.g. a small park, which its own label would hide).
    mutating func addObstacle(_ box: (minX: Double, minY: Double, maxX: Double, maxY: Double)) { boxes.append(box) }

    /// Places a label of `width` × `height` pixels near (x, y); returns the text
    /// anchor (centre of the baseline's middle) and whether it overlaps.
    mutating func place(x: Double, y: Double, width: Double, height: Double, forceAll: Bool, rings: Int = 4) -> Placed? {
        // Rings of positions, nearest first: centred, then around the anchor at
        // growing distances (the far ones get a leader line).
        var candidates: [(Double, Double)] = [(0, 0)]
        for ring in 1...max(1, rings) {
            let r = Double(ring)
            let dy = height * 1.1 * r, dx = (width / 2 + 6) + (r - 1) * height * 1.5
            candidates += [(0, -dy), (0, dy), (dx, 0), (-dx, 0), (dx, -dy), (-dx, -dy), (dx, dy), (-dx, dy)]
        }
        for (ox, oy) in candidates {
            let cx = x + ox, cy = y + oy
            let box = (minX: cx - width / 2 - 1, minY: cy - height / 2 - 1, maxX: cx + width / 2 + 1, maxY: cy + height / 2 + 1)
            if box.minX < area.minX || box.maxX > area.maxX || box.minY < area.minY || box.maxY > area.maxY { continue }
            if !boxes.contains(where: { Self.intersects($0, box) }) {
                boxes.append(box)
                return Placed(x: cx, y: cy, box: box, overlaps: false, displaced: abs(ox) > width / 2 + 7 || abs(oy) > height * 1.2)
            }
        }
        guard forceAll else { return nil }
        let box = (minX: x - width / 2, minY: y - height / 2, maxX: x + width / 2, maxY: y + height / 2)
        boxes.append(box)
        return Placed(x: x, y: y, box: box, overlaps: true, displaced: false)
    }

    static func intersects(
        _ a: (minX: Double, minY: Double, maxX: Double, maxY: Double), _ b: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    ) -> Bool {
        !(a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY)
    }
}
