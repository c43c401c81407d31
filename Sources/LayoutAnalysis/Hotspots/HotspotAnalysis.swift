import GeoCore
import LayoutModel

/// The enterprise value a hotspot analysis maps (`--value`).
public enum HotspotValue: String, Sendable, CaseIterable {
    /// Annual output / revenue, 万元.
    case outputWan = "output_wan"
    /// Annual tax, 万元.
    case taxWan = "tax_wan"
    /// Head count.
    case employees

    /// The value of one enterprise; nil when the property is absent.
    public func value(of e: Enterprise) -> Double? {
        switch self {
        case .outputWan: e.output
        case .taxWan: e.tax
        case .employees: e.employees.map(Double.init)
        }
    }

    /// `value(of: enterprises[i])`, from its column.
    public func value(at i: Int, in enterprises: EnterpriseTable) -> Double? {
        switch self {
        case .outputWan: enterprises.output(at: i)
        case .taxWan: enterprises.tax(at: i)
        case .employees: enterprises.employees(at: i).map(Double.init)
        }
    }
}

/// Gi* and global Moran's I of one enterprise value over a dataset (`parkatlas hotspots`).
///
/// Enterprises lacking the value (or without a point location) are excluded
/// from n, the mean and every neighbourhood, and listed in `excluded`.
/// Points are projected into the dataset's `MetricFrame` (CRS in `crsLabel`),
/// and `band` is in metres on the ellipsoid: pairs are found in the frame, and those the
/// frame's scale error could misjudge are decided by the geodesic (`DistanceThreshold`).
public struct HotspotAnalysis: Sendable {
    /// One evaluated enterprise.
    public struct Entry: Sendable {
        /// Index into the dataset's enterprises.
        public let enterprise: Int
        public let value: Double
        public let z: Double?
        /// Two-sided normal p.
        public let p: Double?
        /// Benjamini–Hochberg adjusted p, when FDR is on.
        public let q: Double?
        /// −3…3; from p, or from q when FDR is on.
        public let bin: Int
        /// Wᵢ, the enterprises within the band, itself included.
        public let neighbours: Int
    }

    /// An enterprise left out, with the reason.
    public struct Exclusion: Sendable {
        public let enterprise: Int
        public let reason: String
    }

    public let crsLabel: String
    public let value: HotspotValue
    public let band: Double
    public let fdr: Bool
    public let entries: [Entry]
    public let excluded: [Exclusion]
    public let moran: GlobalMoran

    public init(enterprises: EnterpriseTable, frame: MetricFrame, value: HotspotValue, band: Double, fdr: Bool, threads: Int) throws {
        try AnalysisError.requireDistance(band, name: "band")
        var kept: [Int] = []
        var values: [Double] = []
        var lonLat: [Position] = []
        var excluded: [Exclusion] = []
        for k in enterprises.indices {
            guard let location = enterprises.location(at: k) else {
                excluded.append(Exclusion(enterprise: k, reason: "no point location"))
                continue
            }
            guard let v = value.value(at: k, in: enterprises), v.isFinite else {
                excluded.append(Exclusion(enterprise: k, reason: "no \(value.rawValue)"))
                continue
            }
            kept.append(k)
            values.append(v)
            lonLat.append(location)
        }
        let xy: [Double]
        do {
            xy = try frame.project(points: lonLat)
        } catch {
            throw AnalysisError.projection(String(describing: error))
        }
        guard xy.allSatisfy(\.isFinite) else { throw AnalysisError.projection("an enterprise did not project into \(frame.label)") }
        // The band is a true ellipsoidal distance: the frame decides every pair except those in
        // the thin ring its scale error leaves around the band, where the geodesic does.
        var flat = [Double]()
        flat.reserveCapacity(2 * lonLat.count)
        for p in lonLat { flat.append(p.x); flat.append(p.y) }
        let threshold = DistanceThreshold(distance: band, frame: frame, xy: xy, lonLat: flat)
        let grid = DiscSumGrid(xy: xy, threshold: threshold)
        let mean = SampleMoments(values).mean
        let neighbourhood = BandNeighbourhood(grid: grid, xy: xy, values: values, mean: mean, threads: threads)
        let gi = GetisOrdGiStar(values: values, neighbourhood: neighbourhood)
        let q = fdr ? HotspotSignificance.benjaminiHochberg(gi.p) : [Double?](repeating: nil, count: values.count)
        entries = kept.indices.map { k in
            Entry(enterprise: kept[k], value: values[k], z: gi.z[k], p: gi.p[k], q: q[k],
                  bin: HotspotSignificance.bin(z: gi.z[k], significance: fdr ? q[k] : gi.p[k]),
                  neighbours: gi.neighbourCounts[k])
        }
        moran = GlobalMoran(grid: grid, xy: xy, values: values, threads: threads, neighbourhood: neighbourhood)
        self.excluded = excluded
        self.crsLabel = frame.label
        self.value = value
        self.band = band
        self.fdr = fdr
    }
}
