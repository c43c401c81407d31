/// `low-intensity` (docs/analyses.md §4, warning; 《工业项目建设用地控制指标》): a
/// park whose industrial building coefficient (工业用地建筑系数) is below
/// `checks.low_intensity_building_coefficient` (default 0.30) or whose
/// industrial floor-area ratio is below `checks.low_intensity_floor_area_ratio`
/// (default 0.6), strictly below, from `LandUseStatistics` (parcels clipped to
/// the park). One finding per indicator below its limit; a park without built
/// industrial land has neither indicator and no finding.
enum LowIntensityRule {
    static func evaluate(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for statistics in c.parkStatistics {
            let p = statistics.index, park = c.dataset.parks[p]
            let indicators = statistics.statistics.indicators
            for (value, limit, zh, en) in [
                (indicators.industrialBuildingCoefficient, c.thresholds.lowIntensityBuildingCoefficient, "工业用地建筑系数", "industrial building coefficient"),
                (indicators.industrialFloorAreaRatio, c.thresholds.lowIntensityFloorAreaRatio, "工业用地容积率", "industrial floor-area ratio"),
            ] {
                guard let value, value < limit else { continue }
                findings.append(Finding(
                    rule: .lowIntensity, severity: .warning, subject: FindingSubject(.park, park.id),
                    messageZh: "\(c.label(park: p))\(zh)为\(CheckText.fixed(value, 2))，低于\(CheckText.fixed(limit, 2))",
                    messageEn: "\(park.id): \(en) \(CheckText.fixed(value, 2)) is below \(CheckText.fixed(limit, 2))",
                    value: value, threshold: limit, unit: .ratio, parks: [park.id], district: c.reportingDistrict[p],
                    geometry: park.geometry))
            }
        }
        return findings
    }
}
