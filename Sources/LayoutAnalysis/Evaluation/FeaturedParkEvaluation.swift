import LayoutModel

/// The featured-park scorecard (`parkatlas evaluate`, docs/analyses.md §6
/// 特色园区动态评估): every park with a `featured_status`, against
/// `Policy.featured` thresholds (defaults after the Sichuan featured-park
/// criteria).
///
/// Criteria (a value meets its threshold when value ≥ threshold, so exactly
/// at the threshold passes; a value that cannot be formed, `nil`, fails):
/// - `leading_industry_share`: §4 leading-industry share (`IndustryOutputShares`), ≥ 0.70;
/// - `high_tech_share`: share of the park's output in the high-tech list, ≥ 0.25;
/// - `industrial_building_coefficient`: from `LandUseStatistics` (§2), ≥ 0.30;
/// - `revenue_per_mu_growth` (only with a previous snapshot): `PerMuGrowth`
///   of the park's continuing enterprises, ≥ 0.07.
///
/// Verdicts: certified parks meeting all → keep; missing one → warning;
/// missing two or more → recommend withdrawal. Cultivating parks meeting all →
/// recommend certification; otherwise continue cultivating.
public enum FeaturedParkEvaluation {
    /// One criterion's outcome.
    public struct Criterion: Sendable, Hashable {
        public var key: Key
        public var value: Double?
        public var threshold: Double
        /// value ≥ threshold (false when `value` is `nil`).
        public var passed: Bool { value.map { $0 >= threshold } ?? false }

        public init(key: Key, value: Double?, threshold: Double) {
            self.key = key
            self.value = value
            self.threshold = threshold
        }

        public enum Key: String, Sendable, Hashable, CaseIterable {
            case leadingIndustryShare = "leading_industry_share"
            case highTechShare = "high_tech_share"
            case industrialBuildingCoefficient = "industrial_building_coefficient"
            case revenuePerMuGrowth = "revenue_per_mu_growth"

            public var nameZh: String {
                switch self {
                case .leadingIndustryShare: "主导产业产值占比"
                case .highTechShare: "高新技术产业产值占比"
                case .industrialBuildingCoefficient: "工业用地建筑系数"
                case .revenuePerMuGrowth: "亩均营收增长率"
                }
            }

            public var nameEn: String {
                switch self {
                case .leadingIndustryShare: "Leading-industry output share"
                case .highTechShare: "High-tech output share"
                case .industrialBuildingCoefficient: "Industrial building coefficient"
                case .revenuePerMuGrowth: "Revenue-per-mu growth"
                }
            }
        }
    }

    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case keep
        case warning
        case recommendWithdrawal = "recommend_withdrawal"
        case recommendCertification = "recommend_certification"
        case continueCultivating = "continue_cultivating"

        public var nameZh: String {
            switch self {
            case .keep: "保留认定"
            case .warning: "预警"
            case .recommendWithdrawal: "建议撤销认定"
            case .recommendCertification: "建议认定"
            case .continueCultivating: "继续培育"
            }
        }

        /// The verdict for a park of `status` missing `failures` criteria.
        public static func of(status: FeaturedStatus, failures: Int) -> Verdict {
            switch status {
            case .certified: failures == 0 ? .keep : failures == 1 ? .warning : .recommendWithdrawal
            case .cultivating: failures == 0 ? .recommendCertification : .continueCultivating
            }
        }
    }

    /// One park's scorecard.
    public struct Scorecard: Sendable, Hashable {
        public var parkIndex: Int
        public var id: String
        public var name: String
        public var status: FeaturedStatus
        public var criteria: [Criterion]
        public var failures: Int { criteria.count(where: { !$0.passed }) }
        public var verdict: Verdict { Verdict.of(status: status, failures: failures) }
    }

    /// Scorecards of every park with a featured status, in dataset order.
    /// - Parameters:
    ///   - previous: the earlier snapshot, for revenue-per-mu growth.
    ///   - policy: thresholds; defaults to `dataset.policy.featured`.
    public static func evaluate(
        dataset: Dataset, previous: Dataset? = nil, policy: FeaturedParkPolicy? = nil, threads: Int = 2
    ) throws -> [Scorecard] {
        let policy = policy ?? dataset.policy.featured
        let featured = dataset.parks.indices.filter { dataset.parks[$0].featuredStatus != nil }
        guard !featured.isEmpty else { return [] }
        let overlay = try ParcelOverlay(parcels: dataset.parcels, threads: threads)
        let stats = try LandUseStatistics.parks(dataset: dataset, level: 2, threads: threads, overlay: overlay)
        let membership = try ParkMembership(parks: dataset.parks, enterprises: dataset.enterprises, threads: threads).parkOfEnterprise
        let leading = IndustryOutputShares.leadingShares(parks: dataset.parks, enterprises: dataset.enterprises, membership: membership)
        let highTech = IndustryOutputShares.highTechShares(
            parks: dataset.parks, enterprises: dataset.enterprises, membership: membership, highTech: policy.highTechIndustries)
        var growth: [PerMuGrowth]?
        if let previous {
            let previousAreas = try ParcelOverlay(parcels: previous.parcels, threads: threads).parcelAreas
            growth = PerMuGrowth.compute(
                old: previous.enterprises,
                oldLand: PerMuGrowth.land(of: previous.enterprises, parcels: previous.parcels, parcelAreas: previousAreas),
                new: dataset.enterprises,
                newLand: PerMuGrowth.land(of: dataset.enterprises, parcels: dataset.parcels, parcelAreas: overlay.parcelAreas),
                group: membership, groupCount: dataset.parks.count)
        }
        return featured.map { p in
            var criteria = [
                Criterion(key: .leadingIndustryShare, value: leading[p], threshold: policy.leadingIndustryShare),
                Criterion(key: .highTechShare, value: highTech[p], threshold: policy.highTechShare),
                Criterion(key: .industrialBuildingCoefficient, value: stats[p].statistics.indicators.industrialBuildingCoefficient,
                          threshold: policy.buildingCoefficient),
            ]
            if let growth {
                criteria.append(Criterion(key: .revenuePerMuGrowth, value: growth[p].revenueGrowth, threshold: policy.revenuePerMuGrowth))
            }
            let park = dataset.parks[p]
            return Scorecard(parkIndex: p, id: park.id, name: park.name, status: park.featuredStatus!, criteria: criteria)
        }
    }
}
