import LayoutModel

/// How intensively a park's industrial land is built on.
public enum IntensityProfile: Sendable {
    /// Typical: industrial building coefficient ≈ 0.46, industrial FAR ≈ 1.1.
    case typical
    /// Below 《工业项目建设用地控制指标》: coefficient ≈ 0.2, FAR ≈ 0.45.
    case low
}

/// The attributes of one parcel, in the units of docs/dataset.md.
public struct ParcelAttributes: Sendable, Hashable {
    public var status: ParcelStatus
    /// 用地用海分类 (2023) code.
    public var landUse: String
    /// Total floor area, m².
    public var floorArea: Double
    /// Building base area, m².
    public var footprint: Double
    /// Fixed-asset investment, 万元.
    public var investment: Double
    /// Annual tax, 万元.
    public var tax: Double

    /// Whether the land use is 工矿仓储 (under 10 or 11, "A2").
    public var isIndustrialOrWarehouse: Bool { landUse.hasPrefix("10") || landUse.hasPrefix("11") }
}

/// Draws parcel status, land use and intensity so that a park's indicators
/// come out near the published national-zone figures (docs/analyses.md §2):
/// development ≈ 0.92, supply ≈ 0.93, built ≈ 0.91, industrial land ≈ 0.48,
/// FAR ≈ 1.0, building density ≈ 0.32.
public enum LandMix {
    // Shares by count: developed = 1 − unready − unbuildable, etc.
    static let statuses: [ParcelStatus] = [.built, .underConstruction, .suppliedUnbuilt, .idle, .ready, .unready, .unbuildable]
    static let statusWeights: [Double] = [0.77, 0.04, 0.02, 0.015, 0.06, 0.075, 0.02]

    // 工矿仓储 (10xx, 11xx) make 0.48 of the total weight 0.99.
    static let landUses: [String] = [
        "100101", "100102", "100103", "1001", "1101", "1102",
        "1207", "1208", "1201", "1401", "1402", "0901", "0701", "0802", "0804", "1301", "1303",
    ]
    static let landUseWeights: [Double] = [
        0.12, 0.18, 0.03, 0.07, 0.05, 0.03,
        0.06, 0.02, 0.005, 0.07, 0.04, 0.12, 0.12, 0.035, 0.02, 0.01, 0.01,
    ]
    static let unbuildableUses: [String] = ["17", "1402", "1401"]

    /// A status drawn from the national mix.
    public static func drawStatus(using random: inout SeededRandom) -> ParcelStatus {
        statuses[random.weightedIndex(statusWeights)]
    }

    /// A land use drawn for a parcel of the given status.
    public static func drawLandUse(status: ParcelStatus, using random: inout SeededRandom) -> String {
        if status == .unbuildable { return unbuildableUses[random.index(below: unbuildableUses.count)] }
        return landUses[random.weightedIndex(landUseWeights)]
    }

    /// Building density and floor-area ratio for a built parcel of `landUse`.
    static func drawIntensity(landUse: String, profile: IntensityProfile, using r: inout SeededRandom) -> (density: Double, far: Double) {
        let density: Double, far: Double
        if landUse.hasPrefix("10") || landUse.hasPrefix("11") {
            switch profile {
            case .typical:
                density = r.clampedNormal(mean: 0.46, sd: 0.06, low: 0.34, high: 0.58)
                far = r.clampedNormal(mean: 1.1, sd: 0.2, low: 0.75, high: 1.5)
            case .low:
                density = r.clampedNormal(mean: 0.2, sd: 0.04, low: 0.12, high: 0.27)
                far = r.clampedNormal(mean: 0.42, sd: 0.06, low: 0.3, high: 0.55)
            }
        } else if landUse.hasPrefix("07") {
            density = r.clampedNormal(mean: 0.28, sd: 0.04, low: 0.2, high: 0.35)
            far = r.clampedNormal(mean: 1.8, sd: 0.3, low: 1.2, high: 2.5)
        } else if landUse.hasPrefix("09") {
            density = r.clampedNormal(mean: 0.42, sd: 0.05, low: 0.3, high: 0.5)
            far = r.clampedNormal(mean: 1.8, sd: 0.3, low: 1.0, high: 2.5)
        } else if landUse.hasPrefix("08") {
            density = r.clampedNormal(mean: 0.3, sd: 0.04, low: 0.2, high: 0.4)
            far = r.clampedNormal(mean: 1.2, sd: 0.2, low: 0.8, high: 1.8)
        } else if landUse.hasPrefix("13") || landUse == "1208" {
            density = r.clampedNormal(mean: 0.2, sd: 0.04, low: 0.1, high: 0.3)
            far = density * 1.5
        } else {  // roads, green, water: almost no buildings
            density = r.uniform(0, 0.03)
            far = density
        }
        return (density, max(far, density))
    }

    /// Full attributes of a parcel of `area` m² with a given status and land use.
    public static func attributes(
        status: ParcelStatus, landUse: String, area: Double, profile: IntensityProfile, using r: inout SeededRandom
    ) -> ParcelAttributes {
        var a = ParcelAttributes(status: status, landUse: landUse, floorArea: 0, footprint: 0, investment: 0, tax: 0)
        let hectares = area / 10_000
        let industrial = a.isIndustrialOrWarehouse
        let investmentPerHa = industrial ? (profile == .low ? 1800.0 : 4200.0) : 2500.0
        switch status {
        case .built:
            let (density, far) = drawIntensity(landUse: landUse, profile: profile, using: &r)
            a.footprint = rounded(area * density, places: 1)
            a.floorArea = rounded(area * far, places: 1)
            a.investment = rounded(hectares * r.logNormal(median: investmentPerHa, sigma: 0.35), places: 2)
            let taxPerHa = industrial ? (profile == .low ? 45.0 : 150.0) : 80.0
            a.tax = rounded(hectares * r.logNormal(median: taxPerHa, sigma: 0.5), places: 2)
        case .underConstruction:
            a.investment = rounded(hectares * investmentPerHa * r.uniform(0.2, 0.6), places: 2)
        case .idle:
            a.investment = rounded(hectares * investmentPerHa * r.uniform(0, 0.1), places: 2)
        case .suppliedUnbuilt, .ready, .unready, .unbuildable:
            break
        }
        return a
    }

    /// `value` rounded to `places` decimals (deterministic: one multiply, round, divide).
    @inline(__always)
    public static func rounded(_ value: Double, places: Int) -> Double {
        let scale: Double = places == 0 ? 1 : (places == 1 ? 10 : (places == 2 ? 100 : 10_000_000))
        return (value * scale).rounded() / scale
    }
}
