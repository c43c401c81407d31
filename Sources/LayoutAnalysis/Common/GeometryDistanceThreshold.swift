import GEOS
import GeoCore
import PROJ

/// A fixed distance threshold between two geometries (polygons or a point and a polygon) decided
/// by the true ellipsoidal distance, found through the projected frame: the polygon
/// counterpart of `DistanceThreshold` (docs/analyses.md §1, issue 19). Used for the
/// duplicate-positioning distance of `check` (default 20 km) and the synergy radius of `site`
/// (default 5 km).
///
/// Units: `distance` in metres on the ellipsoid (GRS80); geometries in metres of the
/// `MetricFrame`.
///
/// Why: a Transverse Mercator frame stretches distances by its point scale k (k₀ on the
/// central meridian, ≈ k₀(1 + x²/2R²) at easting offset x). Across a province as wide as
/// Sichuan in one 3° zone k − 1 reaches 0.35 %, so a planar 20 km is a geodesic 19.93 km
/// there: two parks 19.95 km apart would escape the duplicate-positioning rule.
///
/// Decision, with d the planar distance of the two geometries (GEOS) and D the threshold:
/// - d ≤ k₀·D − τ: within for certain (the geodesic is at most d/k₀); the planar d is reported.
/// - d > k_max·D + τ, k_max the largest scale over the pair's eastings widened by 2·D
///   (`DistanceThreshold.maximumScale`): beyond for certain; d is reported.
/// - Between (a ring about (k_max − k₀)·D wide): the geodesic between the pair's planar
///   nearest points (GEOS `GEOSNearestPoints_r`, taken back to lon/lat with the frame's own
///   operation inverted, then Karney's `geod_inverse`, as pyproj's `Geod.inv`) decides and is
///   reported. The nearest pair in the plane and on the ellipsoid can differ, but only to
///   second order in the scale variation across the pair (far below a millimetre at 20 km).
///
/// For a Gauss–Krüger frame (k₀ = 1) every pair the plane put within D stays within D with the
/// same reported distance: the geodesic only adds the pairs the stretch had pushed out.
struct GeometryDistanceThreshold {
    /// The threshold, metres (inclusive).
    let distance: Double
    let frame: MetricFrame

    /// Planar distance up to which the pair is within for certain.
    var innerRadius: Double { max(0, distance * frame.centralScale - DistanceThreshold.projectionTolerance) }

    /// Planar distance beyond which a pair whose boxes are `boxes` is beyond for certain.
    func outerRadius(_ boxes: BoundingBox...) -> Double {
        var widest = 0.0
        for b in boxes where !b.isEmpty {
            widest = max(widest, abs(b.minX - frame.falseEasting), abs(b.maxX - frame.falseEasting))
        }
        return distance * DistanceThreshold.maximumScale(offset: widest + 2 * distance, centralScale: frame.centralScale)
            + DistanceThreshold.projectionTolerance
    }

    /// Whether `a` and `b` (projected, with boxes `boxA`, `boxB`) are within the threshold, given
    /// their planar distance `planar`; and the distance to report, metres (planar outside the
    /// ring, geodesic between the nearest points inside it).
    func decide(_ a: GeometryHandle, _ b: GeometryHandle, planar d: Double, boxes boxA: BoundingBox, _ boxB: BoundingBox)
        throws -> (within: Bool, metres: Double)
    {
        if d <= innerRadius { return (true, d) }
        if d > outerRadius(boxA, boxB) { return (false, d) }
        let g = try geodesicDistance(a, b) ?? d
        return (g <= distance, g)
    }

    /// The ellipsoidal distance between the planar nearest points of `a` and `b`, metres; nil
    /// when either is empty.
    func geodesicDistance(_ a: GeometryHandle, _ b: GeometryHandle) throws -> Double? {
        guard let (p, q) = try a.nearestPoints(to: b) else { return nil }
        return Geodesic.grs80.distance(from: try frame.unproject(p), to: try frame.unproject(q))
    }
}
