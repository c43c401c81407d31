extension IntensiveUseIndicators {
    /// Published national figures for China's national-level development zones,
    /// rounded, for context beside a park's own indicators (docs/analyses.md §2).
    ///
    /// Sources: 自然资源部《国家级开发区土地集约利用监测统计情况的通报》, the 2024
    /// monitoring as reported by the provinces (development rate ≈ 0.919, built
    /// rate ≈ 0.928, composite floor-area ratio 1.06, building density 0.3387) and
    /// an earlier annual bulletin of the same series (supply rate 0.9268,
    /// industrial land rate 0.4852). A newer bulletin is a change of this table only.
    public static let nationalReference: [(key: Indicator, value: Double)] = [
        (.landDevelopmentRate, 0.90), (.landSupplyRate, 0.93), (.landBuiltRate, 0.92),
        (.industrialLandRate, 0.48), (.floorAreaRatio, 1.0), (.buildingDensity, 0.34),
    ]
}
