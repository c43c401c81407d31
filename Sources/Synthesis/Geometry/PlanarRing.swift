import GeoCore

/// Planar ring algorithms on `[PlanarPoint]` rings given open (the closing
/// vertex is implied) — ray casting, orientation, containment.
public enum PlanarRing {
    /// Signed area by the shoelace formula: positive when counter-clockwise.
    /// Units: square units of the coordinates.
    public static func signedArea(_ ring: [PlanarPoint]) -> Double {
        let n = ring.count
        guard n >= 3 else { return 0 }
        var sum = 0.0
        let o = ring[0]
        for i in 1..<(n - 1) {
            let a = ring[i], b = ring[i + 1]
            sum += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y)
        }
        return sum / 2
    }

    /// Whether `p` lies inside the ring, by ray casting (even–odd rule). Points
    /// exactly on an edge may fall either way.
    @inline(__always)
    public static func contains(_ ring: [PlanarPoint], _ p: PlanarPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// Whether `p` lies inside a polygon with holes (first ring exterior).
    public static func contains(polygon rings: [[PlanarPoint]], _ p: PlanarPoint) -> Bool {
        guard let exterior = rings.first, contains(exterior, p) else { return false }
        for hole in rings.dropFirst() where contains(hole, p) { return false }
        return true
    }

    /// Whether segments ab and cd cross or touch (orientation test).
    public static func segmentsIntersect(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        func orient(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Double {
            (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
        }
        let d1 = orient(c, d, a), d2 = orient(c, d, b)
        let d3 = orient(a, b, c), d4 = orient(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        func onSegment(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Bool {
            min(p.x, q.x) <= r.x && r.x <= max(p.x, q.x) && min(p.y, q.y) <= r.y && r.y <= max(p.y, q.y)
        }
        if d1 == 0 && onSegment(c, d, a) { return true }
        if d2 == 0 && onSegment(c, d, b) { return true }
        if d3 == 0 && onSegment(a, b, c) { return true }
        if d4 == 0 && onSegment(a, b, d) { return true }
        return false
    }

    /// Whether `inner` lies entirely inside the polygon `outer` (rings of one
    /// polygon, first exterior): every vertex of `inner` inside, and no edge of
    /// `inner` crossing or touching an edge of any ring of `outer`.
    public static func polygonContainsRing(_ outer: [[PlanarPoint]], _ inner: [PlanarPoint]) -> Bool {
        for p in inner where !contains(polygon: outer, p) { return false }
        for ring in outer {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let c = ring[j], d = ring[i]
                var l = inner.count - 1
                for k in 0..<inner.count {
                    if segmentsIntersect(inner[l], inner[k], c, d) { return false }
                    l = k
                }
                j = i
            }
        }
        return true
    }

    /// The ring counter-clockwise (reversed when clockwise).
    public static func counterClockwise(_ ring: [PlanarPoint]) -> [PlanarPoint] {
        signedArea(ring) < 0 ? ring.reversed() : ring
    }

    /// A closed `CoordinateSequence` (first vertex repeated at the end) of an open ring.
    public static func closedSequence(_ ring: [PlanarPoint]) -> CoordinateSequence {
        var storage: [Double] = []
        storage.reserveCapacity(ring.count * 2 + 2)
        for p in ring {
            storage.append(p.x)
            storage.append(p.y)
        }
        if let first = ring.first {
            storage.append(first.x)
            storage.append(first.y)
        }
        return CoordinateSequence(storage: storage)
    }

    /// The open rings of a GeoCore polygon (closing vertex dropped).
    public static func openRings(of polygon: Polygon) -> [[PlanarPoint]] {
        polygon.rings.map { seq in
            var pts = (0..<seq.count).map { PlanarPoint(seq.x($0), seq.y($0)) }
            if pts.count > 1, pts.first == pts.last { pts.removeLast() }
            return pts
        }
    }
}
