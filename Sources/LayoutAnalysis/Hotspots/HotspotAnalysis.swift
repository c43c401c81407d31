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
    ///
    /// Stored in 48 bytes, not the 80 of plain `Int` and `Double?` fields (a province holds ten
    /// million): indices and counts as 32-bit integers, the bin as a byte, and which of z, p and q
    /// are present as flags beside plain doubles.
    public struct Entry: Sendable {
        public let value: Double
        private let zValue: Double, pValue: Double, qValue: Double
        private let enterpriseIndex: Int32, neighbourCount: Int32
        private let binValue: Int8
        /// Bits 0, 1, 2: z, p, q present.
        private let present: UInt8

        public init(enterprise: Int, value: Double, z: Double?, p: Double?, q: Double?, bin: Int, neighbours: Int) {
            precondition(enterprise >= 0 && enterprise <= Int(Int32.max) && neighbours >= 0 && neighbours <= Int(Int32.max) && abs(bin) <= 3,
                         "Gi* entry out of range")
            self.value = value
            zValue = z ?? 0
            pValue = p ?? 0
            qValue = q ?? 0
            enterpriseIndex = Int32(enterprise)
            neighbourCount = Int32(neighbours)
            binValue = Int8(bin)
            present = (z != nil ? 1 : 0) | (p != nil ? 2 : 0) | (q != nil ? 4 : 0)
        }

        /// Index into the dataset's enterprises.
        public var enterprise: Int { Int(enterpriseIndex) }
        public var z: Double? { present & 1 != 0 ? zValue : nil }
        /// Two-sided normal p.
        public var p: Double? { present & 2 != 0 ? pValue : nil }
        /// Benjamini–Hochberg adjusted p, when FDR is on.
        public var q: Double? { present & 4 != 0 ? qValue : nil }
        /// −3…3; from p, or from q when FDR is on.
        public var bin: Int { Int(binValue) }
        /// Wᵢ, the enterprises within the band, itself included.
        public var neighbours: Int { Int(neighbourCount) }
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
        // Not needed past here: 320 MB at ten million enterprises, freed before the grid is built.
        lonLat = []
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
