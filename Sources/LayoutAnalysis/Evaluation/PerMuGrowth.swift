import GeoCore
import LayoutModel

/// Per-mu revenue and tax of a park's continuing enterprises in two years,
/// and their growth (docs/analyses.md §6, 亩均效益 year on year).
///
/// Definition: the continuing enterprises of a park are those the new
/// snapshot places in it (`ParkMembership`) that exist in both snapshots
/// (same id) with land > 0 in both years (`land_m2`, else the geodesic area
/// of the parcels naming it, as in §2). For each year,
/// revenue per mu = Σ output ÷ Σ land in 亩 (1 亩 = 10000/15 m²), tax per mu
/// likewise (missing output or tax counts 0); growth = new ÷ old − 1.
/// Summing before dividing weights enterprises by land, as the park's own
/// per-mu figure would. Any ratio over zero is `nil`.
public struct PerMuGrowth: Sendable, Hashable {
    /// Continuing enterprises counted.
    public var enterprises: Int
    /// 万元/亩.
    public var oldRevenuePerMu: Double?
    public var newRevenuePerMu: Double?
    public var oldTaxPerMu: Double?
    public var newTaxPerMu: Double?

    /// new ÷ old − 1 (0.07 = 7 %).
    public var revenueGrowth: Double? { Self.growth(oldRevenuePerMu, newRevenuePerMu) }
    public var taxGrowth: Double? { Self.growth(oldTaxPerMu, newTaxPerMu) }

    static func growth(_ old: Double?, _ new: Double?) -> Double? {
        guard let old, let new, old != 0 else { return nil }
        return new / old - 1
    }

    /// The land of every enterprise, m²: declared, else Σ area of the parcels naming it; `nil` when neither.
    public static func land(of enterprises: EnterpriseTable, parcels: [Parcel], parcelAreas: [Double]) -> [Double?] {
        var parcelLand: [String: Double] = [:]
        for p in parcels.indices {
            if let owner = parcels[p].enterprise { parcelLand[owner, default: 0] += parcelAreas[p] }
        }
        return enterprises.map { $0.land ?? parcelLand[$0.id] }
    }

    /// Growth for each group of new-snapshot enterprises.
    /// - Parameters:
    ///   - group: for each new enterprise, its group index (a park) or `nil`;
    ///     `groupCount` groups. Pass all zeros for a city-wide figure.
    public static func compute(
        old: EnterpriseTable, oldLand: [Double?], new: EnterpriseTable, newLand: [Double?], group: [Int?], groupCount: Int
    ) -> [PerMuGrowth] {
        var oldIndex: [String: Int] = [:]
        for (i, e) in old.enumerated() where oldIndex[e.id] == nil { oldIndex[e.id] = i }
        var sums = [(n: Int, oo: Double, ot: Double, ol: Double, no: Double, nt: Double, nl: Double)](
            repeating: (0, 0, 0, 0, 0, 0, 0), count: groupCount)
        for (j, e) in new.enumerated() {
            guard let g = group[j], let i = oldIndex[e.id], let nl = newLand[j], nl > 0, let ol = oldLand[i], ol > 0 else { continue }
            sums[g].n += 1
            sums[g].oo += old[i].output ?? 0
            sums[g].ot += old[i].tax ?? 0
            sums[g].ol += ol / AreaUnit.squareMetresPerMu
            sums[g].no += e.output ?? 0
            sums[g].nt += e.tax ?? 0
            sums[g].nl += nl / AreaUnit.squareMetresPerMu
        }
        return sums.map { s in
            PerMuGrowth(
                enterprises: s.n,
                oldRevenuePerMu: IndustryOutputShares.ratio(s.oo, s.ol), newRevenuePerMu: IndustryOutputShares.ratio(s.no, s.nl),
                oldTaxPerMu: IndustryOutputShares.ratio(s.ot, s.ol), newTaxPerMu: IndustryOutputShares.ratio(s.nt, s.nl))
        }
    }
}
