extension IntensiveUseIndicators {
    /// One published national figure: the indicator, its value (rounded), where it
    /// was published and for which monitoring year (nil when the source does not
    /// say, so that no year is invented).
    public typealias NationalFigure = (key: Indicator, value: Double, source: String, year: Int?)

    /// The 2024 monitoring, as reported by the provinces.
    public static let nationalSource2024 = "自然资源部《2024年度国家级开发区土地集约利用监测统计情况的通报》"
    /// The earlier annual bulletin of the same series (participating zones); its year is not recorded in docs/analyses.md.
    public static let nationalSourceEarlier = "自然资源部《国家级开发区土地集约利用监测统计情况的通报》(earlier annual bulletin)"

    /// Published national figures for China's national-level development zones,
    /// rounded, for context beside a park's own indicators (docs/analyses.md §2).
    ///
    /// Sources: 自然资源部《国家级开发区土地集约利用监测统计情况的通报》, the 2024
    /// monitoring as reported by the provinces (development rate ≈ 0.919, built
    /// rate ≈ 0.928, composite floor-area ratio 1.06, building density 0.3387) and
    /// an earlier annual bulletin of the same series (supply rate 0.9268,
    /// industrial land rate 0.4852). A newer bulletin is a change of this table only.
    public static let nationalReference: [NationalFigure] = [
        (.landDevelopmentRate, 0.90, nationalSource2024, 2024), (.landSupplyRate, 0.93, nationalSourceEarlier, nil),
        (.landBuiltRate, 0.92, nationalSource2024, 2024), (.industrialLandRate, 0.48, nationalSourceEarlier, nil),
        (.floorAreaRatio, 1.0, nationalSource2024, 2024), (.buildingDensity, 0.34, nationalSource2024, 2024),
    ]
}
