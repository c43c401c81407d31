/// Boxes (any unit) in a static bounding-box tree that hands out its items one at a time in order of
/// their box's distance from a query point, nearest first, without computing or sorting the
/// distance of every box: the nearest-park search of `check` (`NearestParkSearch`), where a
/// province's 823 parks times a million misfit enterprises made the full sort the costliest step.
///
/// Order: items come in ascending (`boxDistance`, item index), exactly the order of sorting all
/// items by that key, so a caller that stops once the bound exceeds its best distance sees the
/// same items and takes the same decisions as one that sorted everything. Why it is exact: the
/// query is a best-first walk with a min-heap keyed by (bound, tag); a node's bound (distance to
/// the union of its items' boxes) is never above any item's below it, also in floating point
/// (every step of `boxDistance` is monotone under rounding), and nodes carry negative tags, so they
/// leave the heap before any item of equal bound. The popped item is therefore never preceded, in
/// the full sort, by an item still hidden in the heap.
///
/// Design: a binary tree built by median splits along the longer axis of the box centres (ties by
/// item index, so the tree is deterministic), leaves of up to `leafSize` items; a box-grid ring
/// search (`BoxGridIndex`) was the other choice, but producing the exact sorted order across rings
/// of cells with multi-cell boxes needs the same heap and more bookkeeping. Items with an empty box
/// (no geometry) have distance +∞ and come last, by index, as in the full sort. Scratch space lives
/// in a caller-owned `Queue`, one per thread, so a query allocates nothing once warmed up.
///
/// Cost: building O(n log n); a query O((v + 1) log n) for the v items handed out.
public struct BoxDistanceTree: Sendable {
    private let boxes: [BoundingBox]
    /// Items of non-empty box, in leaf order: leaf `k` holds `order[nodeFirst[k]..<nodeEnd[k]]`.
    private let order: [Int32]
    /// Per node: its box; for a leaf the range of `order`, for an inner node its two children
    /// (`nodeFirst`, `nodeEnd`) with `isLeaf` false.
    private let nodeBoxes: [BoundingBox]
    private let nodeFirst: [Int32], nodeEnd: [Int32]
    private let isLeaf: [Bool]
    /// Items whose box is empty, ascending.
    private let emptyItems: [Int32]
    static let leafSize = 8

    /// - Parameter boxes: one box per item (empty for an item without geometry).
    public init(boxes: [BoundingBox]) {
        self.boxes = boxes
        var items = boxes.indices.filter { !boxes[$0].isEmpty }.map { Int32($0) }
        emptyItems = boxes.indices.filter { boxes[$0].isEmpty }.map { Int32($0) }
        var nodeBoxes: [BoundingBox] = [], nodeFirst: [Int32] = [], nodeEnd: [Int32] = [], isLeaf: [Bool] = []
        func centre(_ i: Int32, _ axis: Int) -> Double {
            let b = boxes[Int(i)]
            return axis == 0 ? (b.minX + b.maxX) / 2 : (b.minY + b.maxY) / 2
        }
        /// Builds the node over `items[range]`, returns its index.
        func build(_ range: Range<Int>) -> Int {
            var box = BoundingBox.empty
            for k in range { box.extend(with: boxes[Int(items[k])]) }
            let node = nodeBoxes.count
            nodeBoxes.append(box)
            nodeFirst.append(Int32(range.lowerBound))
            nodeEnd.append(Int32(range.upperBound))
            isLeaf.append(true)
            guard range.count > Self.leafSize else { return node }
            var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
            for k in range {
                let (cx, cy) = (centre(items[k], 0), centre(items[k], 1))
                lo = (min(lo.x, cx), min(lo.y, cy))
                hi = (max(hi.x, cx), max(hi.y, cy))
            }
            let axis = hi.x - lo.x >= hi.y - lo.y ? 0 : 1
            items[range].sort { a, b in
                let (ca, cb) = (centre(a, axis), centre(b, axis))
                return ca != cb ? ca < cb : a < b
            }
            let middle = range.lowerBound + range.count / 2
            let left = build(range.lowerBound..<middle)
            let right = build(middle..<range.upperBound)
            nodeFirst[node] = Int32(left)
            nodeEnd[node] = Int32(right)
            isLeaf[node] = false
            return node
        }
        if !items.isEmpty { _ = build(0..<items.count) }
        order = items
        self.nodeBoxes = nodeBoxes
        self.nodeFirst = nodeFirst
        self.nodeEnd = nodeEnd
        self.isLeaf = isLeaf
    }

    /// Number of items (with or without a box).
    public var count: Int { boxes.count }

    /// Distance from (x, y) to a box, 0 inside it or on its edge; +∞ for an empty box.
    @inlinable public static func boxDistance(_ b: BoundingBox, x: Double, y: Double) -> Double {
        let dx = max(b.minX - x, 0, x - b.maxX), dy = max(b.minY - y, 0, y - b.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Scratch space of a query (a binary min-heap), reused across queries on one thread.
    public struct Queue: Sendable {
        /// (bound, tag): tag ≥ 0 is an item, tag < 0 the node −1 − tag.
        fileprivate var heap: [(bound: Double, tag: Int)] = []
        public init() {}

        fileprivate static func less(_ a: (bound: Double, tag: Int), _ b: (bound: Double, tag: Int)) -> Bool {
            a.bound != b.bound ? a.bound < b.bound : a.tag < b.tag
        }

        fileprivate mutating func push(_ e: (bound: Double, tag: Int)) {
            heap.append(e)
            var k = heap.count - 1
            while k > 0 {
                let parent = (k - 1) / 2
                guard Self.less(heap[k], heap[parent]) else { break }
                heap.swapAt(k, parent)
                k = parent
            }
        }

        fileprivate mutating func pop() -> (bound: Double, tag: Int)? {
            guard let top = heap.first else { return nil }
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var k = 0
                while true {
                    let l = 2 * k + 1, r = l + 1
                    var m = k
                    if l < heap.count, Self.less(heap[l], heap[m]) { m = l }
                    if r < heap.count, Self.less(heap[r], heap[m]) { m = r }
                    if m == k { break }
                    heap.swapAt(k, m)
                    k = m
                }
            }
            return top
        }
    }

    /// Hands the items to `body` in ascending (box distance from (x, y), item index) until `body`
    /// returns false or all are handed out.
    /// - Parameter body: (item, its box distance) → whether to go on.
    public func visit(x: Double, y: Double, queue: inout Queue, _ body: (Int, Double) throws -> Bool) rethrows {
        queue.heap.removeAll(keepingCapacity: true)
        if !nodeBoxes.isEmpty { queue.push((Self.boxDistance(nodeBoxes[0], x: x, y: y), -1)) }
        while let (bound, tag) = queue.pop() {
            if tag >= 0 {
                guard try body(tag, bound) else { return }
                continue
            }
            let node = -1 - tag
            if isLeaf[node] {
                for k in Int(nodeFirst[node])..<Int(nodeEnd[node]) {
                    let i = Int(order[k])
                    queue.push((Self.boxDistance(boxes[i], x: x, y: y), i))
                }
            } else {
                let (left, right) = (Int(nodeFirst[node]), Int(nodeEnd[node]))
                queue.push((Self.boxDistance(nodeBoxes[left], x: x, y: y), -1 - left))
                queue.push((Self.boxDistance(nodeBoxes[right], x: x, y: y), -1 - right))
            }
        }
        for i in emptyItems {
            guard try body(Int(i), Self.boxDistance(boxes[Int(i)], x: x, y: y)) else { return }
        }
    }
}
