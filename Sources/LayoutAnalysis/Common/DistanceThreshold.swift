import GeoCore
import PROJ

/// A fixed distance threshold (DBSCAN's eps, the Gi*/Moran distance band) decided by the true
/// ellipsoidal distance, found through the projected frame (docs/analyses.md §1, issue 19).
///
/// Units: `distance` in metres on the ellipsoid (GRS80, the ellipsoid of CGCS2000 and of every
/// other geodesic measure here); projected coordinates in metres of the `MetricFrame`.
///
/// Why not the frame's distance: a Transverse Mercator frame stretches distances by its point
/// scale k, k₀ on the central meridian and ≈ k₀(1 + x²/2R²) at easting offset x. In one 3° zone
/// over a province as wide as Sichuan (97°–108°E) k − 1 reaches 0.23–0.35 % at the edges
/// (4.5–5.5° from the central meridian at 30°N), so a planar test d ≤ 500 m would really test
/// a geodesic 498.3–498.8 m there. Two remedies were open
/// (issue 19): local frames per city or tile, or the geodesic for the pairs that matter. The
/// second is exact by construction (the decision *is* the geodesic distance, as pyproj's
/// `Geod.inv` computes it: Karney 2013 through PROJ's `geod_inverse`), needs no tile seams, and
/// costs almost nothing, so it is the one used:
///
/// - Bounds. For two points whose eastings are within X of the central meridian, the chord in
///   the plane and the geodesic on the ellipsoid satisfy k₀·g ≤ d ≤ k_max·g (g geodesic,
///   d projected): the preimage of the chord is a path on the ellipsoid of length ≤ d/k_min,
///   and no path is shorter than the geodesic, with k_min = k₀ (TM's scale is least on the
///   central meridian); the image of the geodesic is a path of length ≤ k_max·g, and no planar
///   path is shorter than the chord. k_max is bounded by the spherical TM scale
///   k₀·cosh(X/(k₀·b)) with b the semi-minor axis (ρν ≥ b² everywhere), plus 5 % of the excess
///   for the ellipsoidal terms (checked against PROJ in `DistanceThresholdTests`); X is widened
///   by 2·distance because the geodesic may bow out of the chord's strip.
/// - Decision. d ≤ k₀·D − τ: within (g ≤ D for certain). d > k_max·D + τ: beyond. Between (a
///   ring of width (k_max − k₀)·D, 0.1 m at 500 m for a city 120 km off its central meridian):
///   the geodesic decides, g ≤ D inclusive. τ = 10 nm covers the rounding of PROJ's exact TM.
///   The ring's k_max is the pair's own (its eastings), so pairs near the central meridian pay
///   nothing even in a wide dataset; `searchRadius` (the dataset's largest k_max·D + τ) sizes
///   the grid queries.
///
/// For a Gauss–Krüger frame (k₀ = 1) every pair the plane put within D stays within D: the
/// geodesic only adds pairs the stretch had pushed out, so a dataset without such a pair gives
/// byte-identical results. Without a frame (`init(planar:)`) the test is the plain d ≤ D.
public struct DistanceThreshold: Sendable {
    /// The threshold, metres (inclusive).
    public let distance: Double
    /// Squared projected distance up to which a pair is within for certain.
    let innerSquared: Double
    /// Squared projected distance beyond which no pair of the dataset is within.
    let outerSquared: Double
    /// Projected radius that holds every pair within `distance` (grid queries).
    public let searchRadius: Double
    /// Projected radius below which every pair is within (k₀·D − τ).
    let innerRadius: Double
    /// Lon/lat interleaved per point (input order); empty for a planar threshold.
    let lonLat: [Double]
    let centralScale: Double
    let falseEasting: Double

    /// Rounding allowance of the projection, metres (PROJ's exact TM is good to ~5 nm).
    static let projectionTolerance = 1e-8
    /// Semi-minor axis of GRS80, metres (WGS84's differs by 0.1 mm).
    static let semiMinorAxis = 6_356_752.314_140_356

    /// The plain planar test d ≤ `distance` (coordinates in any planar unit of `distance`).
    public init(planar distance: Double) {
        self.distance = distance
        innerSquared = distance * distance
        outerSquared = distance * distance
        searchRadius = distance
        innerRadius = distance
        lonLat = []
        centralScale = 1
        falseEasting = 0
    }

    /// A threshold of `distance` metres on the ellipsoid for points given both as lon/lat
    /// (`lonLat`, interleaved degrees) and as their projection into `frame` (`xy`, interleaved
    /// metres, same order). Non-finite points are ignored for the bound.
    public init(distance: Double, frame: MetricFrame, xy: [Double], lonLat: [Double]) {
        precondition(xy.count == lonLat.count, "one lon/lat per projected point")
        self.distance = distance
        self.lonLat = lonLat
        centralScale = frame.centralScale
        falseEasting = frame.falseEasting
        var widest = 0.0
        for k in stride(from: 0, to: xy.count, by: 2) where xy[k].isFinite {
            widest = max(widest, abs(xy[k] - frame.falseEasting))
        }
        let tau = Self.projectionTolerance
        let inner = max(0, distance * frame.centralScale - tau)
        innerRadius = inner
        innerSquared = inner * inner
        let outer = distance * Self.maximumScale(offset: widest + 2 * distance, centralScale: frame.centralScale) + tau
        searchRadius = outer
        outerSquared = outer * outer
    }

    /// Whether the frame can change a decision at all (false for a planar threshold).
    public var isGeodesic: Bool { !lonLat.isEmpty }

    /// Upper bound of the TM point scale within `offset` metres of the central meridian.
    static func maximumScale(offset x: Double, centralScale k0: Double) -> Double {
        let u = x / (k0 * semiMinorAxis)
        let u2 = u * u
        // cosh u − 1 without cancellation: u²/2 · (1 + u²/12 + u⁴/360 + …), the series' tail
        // (< u⁶/20160 relative) absorbed by the 5 % allowance.
        let excess = u2 / 2 * (1 + u2 / 12 * (1 + u2 / 30))
        return k0 * (1 + 1.05 * excess)
    }

    /// Whether points i and j, `d2` apart squared in the frame (eastings `xi`, `xj`), are within
    /// the threshold. The fast answers cover all but the thin ring around the threshold.
    @inline(__always)
    func contains(_ i: Int, _ j: Int, squared d2: Double, xi: Double, xj: Double) -> Bool {
        if d2 <= innerSquared { return true }
        if d2 > outerSquared { return false }
        return ringContains(i, j, squared: d2, xi: xi, xj: xj)
    }

    /// The ring: the pair's own scale bound first, then the geodesic.
    @inline(never)
    func ringContains(_ i: Int, _ j: Int, squared d2: Double, xi: Double, xj: Double) -> Bool {
        let offset = max(abs(xi - falseEasting), abs(xj - falseEasting)) + 2 * distance
        let outer = distance * Self.maximumScale(offset: offset, centralScale: centralScale) + Self.projectionTolerance
        guard d2 <= outer * outer else { return false }
        return geodesicDistance(i, j) <= distance
    }

    /// The geodesic distance of points i and j, metres. (The ellipsoid's constants are not stored
    /// here: the threshold is copied into every query, and they are 400 bytes.)
    func geodesicDistance(_ i: Int, _ j: Int) -> Double {
        Geodesic.grs80.distance(
            from: Position(x: lonLat[2 * i], y: lonLat[2 * i + 1]), to: Position(x: lonLat[2 * j], y: lonLat[2 * j + 1]))
    }
}
