/// An ordered run of positions stored as one interleaved `Double` buffer
/// (`x0, y0, x1, y1, …` or `x0, y0, z0, …` when `hasZ`).
///
/// The flat layout is deliberate: it crosses into GEOS
/// (`GEOSCoordSeq_copyFromBuffer_r`) and PROJ (`proj_trans_generic`) as one
/// buffer, with no per-vertex calls and no re-packing.
public struct CoordinateSequence: Sendable, Hashable {
    /// Interleaved ordinates; `storage.count` is a multiple of `dimension`.
    public var storage: [Double]
    /// Whether each position carries a third ordinate.
    public var hasZ: Bool

    /// Number of ordinates per position: 2 or 3.
    @inlinable public var dimension: Int { hasZ ? 3 : 2 }

    /// Number of positions.
    @inlinable public var count: Int { storage.count / dimension }

    @inlinable public var isEmpty: Bool { storage.isEmpty }

    /// Wraps an interleaved buffer. `storage.count` must be a multiple of the dimension.
    @inlinable
    public init(storage: [Double], hasZ: Bool = false) {
        precondition(storage.count % (hasZ ? 3 : 2) == 0, "ordinate count must be a multiple of the dimension")
        self.storage = storage
        self.hasZ = hasZ
    }

    /// Builds a sequence from positions; it is 3-D when any position has a `z`
    /// (missing heights then become 0).
    public init(_ positions: [Position]) {
        let hasZ = positions.contains { $0.z != nil }
        var storage: [Double] = []
        storage.reserveCapacity(positions.count * (hasZ ? 3 : 2))
        for p in positions {
            storage.append(p.x)
            storage.append(p.y)
            if hasZ { storage.append(p.z ?? 0) }
        }
        self.init(storage: storage, hasZ: hasZ)
    }

    /// Builds a 2-D sequence from (x, y) pairs.
    public init(xy pairs: [(Double, Double)]) {
        var storage: [Double] = []
        storage.reserveCapacity(pairs.count * 2)
        for (x, y) in pairs {
            storage.append(x)
            storage.append(y)
        }
        self.init(storage: storage, hasZ: false)
    }

    @inlinable
    public subscript(index: Int) -> Position {
        get {
            let d = dimension
            let base = index * d
            return Position(x: storage[base], y: storage[base + 1], z: hasZ ? storage[base + 2] : nil)
        }
        set {
            let d = dimension
            let base = index * d
            storage[base] = newValue.x
            storage[base + 1] = newValue.y
            if hasZ { storage[base + 2] = newValue.z ?? 0 }
        }
    }

    @inlinable public func x(_ index: Int) -> Double { storage[index * dimension] }
    @inlinable public func y(_ index: Int) -> Double { storage[index * dimension + 1] }

    /// All positions, for code where clarity beats speed.
    public var positions: [Position] { (0..<count).map { self[$0] } }

    /// Whether the first and last positions are equal (a closed ring).
    public var isClosed: Bool {
        guard count >= 2 else { return false }
        let d = dimension
        let last = (count - 1) * d
        for k in 0..<d where storage[k] != storage[last + k] { return false }
        return true
    }

    /// Twice the signed planar area of the ring (shoelace formula); positive when
    /// counter-clockwise in a y-up frame. Units: squared units of the coordinates.
    public var signedDoubleArea: Double {
        let n = count
        guard n >= 3 else { return 0 }
        let d = dimension
        var sum = 0.0
        // Offsetting by the first vertex keeps precision for large coordinates.
        let x0 = storage[0], y0 = storage[1]
        var px = 0.0, py = 0.0
        for i in 1..<n {
            let cx = storage[i * d] - x0, cy = storage[i * d + 1] - y0
            sum += px * cy - cx * py
            px = cx
            py = cy
        }
        return sum
    }

    /// The same positions in reverse order.
    public func reversed() -> CoordinateSequence {
        let d = dimension
        var out = [Double]()
        out.reserveCapacity(storage.count)
        var i = count - 1
        while i >= 0 {
            for k in 0..<d { out.append(storage[i * d + k]) }
            i -= 1
        }
        return CoordinateSequence(storage: out, hasZ: hasZ)
    }

    /// The bounding box of the positions, or `nil` when empty.
    public var boundingBox: BoundingBox? {
        var box = BoundingBox.empty
        box.extend(with: self)
        return box.isEmpty ? nil : box
    }
}
