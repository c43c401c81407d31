import GeoCore

/// A cheap, conservative proof that a polygon is valid in GEOS's sense, so that the
/// loader can skip building a GEOS geometry for the common case (a parcel is a
/// small simple ring): `proves(_:)` is true only for a Polygon without holes whose one
/// ring is closed, has at least three distinct corners, no two consecutive points equal,
/// every consecutive triple certainly not collinear, and no two non-adjacent edges
/// meeting. Such a ring is a simple closed curve bounding a region, which GEOS's
/// `IsValidOp` accepts (finite coordinates, closed, ≥ 4 points, no self-intersection;
/// the checks on holes and on polygons of a MultiPolygon do not apply).
///
/// Every orientation test is done in doubles with a forward error bound (after
/// Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
/// Predicates", 1997: |error| ≤ 3.3e-16 · (|a·d| + |b·c|) for the 2×2 determinant of
/// differences); a result within 1e-12 of that sum counts as "not sure". Anything the
/// proof cannot settle (holes, MultiPolygons, rings over `maximumPoints`, a collinear
/// or nearly touching pair) returns false and the caller asks GEOS, so results are
/// GEOS's in every case.
enum ValidPolygonProof {
    /// Rings longer than this go to GEOS (the pairwise edge test is quadratic).
    static let maximumPoints = 48

    static func proves(_ geometry: Geometry) -> Bool {
        guard case .polygon(let polygon) = geometry, polygon.rings.count == 1 else { return false }
        let ring = polygon.rings[0]
        let n = ring.count
        // n positions, the last equal to the first: n - 1 edges, n - 1 distinct corners needed ≥ 3.
        guard n >= 4, n <= maximumPoints else { return false }
        return ring.storage.withUnsafeBufferPointer { v -> Bool in
            let d = ring.hasZ ? 3 : 2
            @inline(__always) func x(_ i: Int) -> Double { v[i * d] }
            @inline(__always) func y(_ i: Int) -> Double { v[i * d + 1] }
            for i in 0..<n where !(x(i).isFinite && y(i).isFinite) { return false }
            guard x(0) == x(n - 1), y(0) == y(n - 1) else { return false }
            let edges = n - 1
            for i in 0..<edges where x(i) == x(i + 1) && y(i) == y(i + 1) { return false }
            // Consecutive edges (i-1 → i → i+1, cyclically) turn certainly left or right.
            for i in 0..<edges {
                let p = i == 0 ? edges - 1 : i - 1
                if orientation(x(p), y(p), x(i), y(i), x(i + 1), y(i + 1)) == 0 { return false }
            }
            // Non-adjacent edges are certainly apart.
            guard edges >= 4 else { return true }  // a triangle has no non-adjacent edges
            for i in 0..<edges {
                let ax = x(i), ay = y(i), bx = x(i + 1), by = y(i + 1)
                let minX = min(ax, bx), maxX = max(ax, bx), minY = min(ay, by), maxY = max(ay, by)
                // Edge j > i + 1, and not the edge before i (cyclically adjacent when i == 0).
                for j in stride(from: i + 2, to: edges, by: 1) where !(i == 0 && j == edges - 1) {
                    let cx = x(j), cy = y(j), ex = x(j + 1), ey = y(j + 1)
                    // Boxes strictly apart: no contact.
                    if max(cx, ex) < minX || min(cx, ex) > maxX || max(cy, ey) < minY || min(cy, ey) > maxY { continue }
                    let o1 = orientation(ax, ay, bx, by, cx, cy), o2 = orientation(ax, ay, bx, by, ex, ey)
                    if o1 != 0 && o1 == o2 { continue }
                    let o3 = orientation(cx, cy, ex, ey, ax, ay), o4 = orientation(cx, cy, ex, ey, bx, by)
                    if o3 != 0 && o3 == o4 { continue }
                    return false
                }
            }
            return true
        }
    }

    /// Sign of the turn a → b → c: 1 left, -1 right, 0 collinear or too close to tell.
    @inline(__always)
    static func orientation(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let l = (bx - ax) * (cy - ay), r = (by - ay) * (cx - ax)
        let det = l - r
        let bound = 1e-12 * (abs(l) + abs(r))
        if det > bound { return 1 }
        if det < -bound { return -1 }
        return 0
    }
}
