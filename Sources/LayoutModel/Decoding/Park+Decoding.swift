import GeoCore

extension Park {
    /// Reads one feature of `parks.geojson` (docs/dataset.md), appending every
    /// problem to `problems`.
    ///
    /// Returns `nil` when the feature cannot be used: no id, no valid `level`,
    /// or a geometry that is null, not polygonal or out of range. A missing
    /// `name` is an error and the id stands in; a missing or unreadable
    /// `main_industries` is an error and the list is empty; bad codes are
    /// reported and dropped, unknown codes (e.g. 2011 ones) reported and kept.
    public static func decode(
        _ feature: Feature, file: String = DatasetFile.parks, index: Int, problems: inout [DatasetProblem]
    ) -> Park? {
        var reader = FeatureReader(feature: feature, file: file, index: index)
        defer { problems += reader.problems }
        let id = reader.readIdentity(key: "id", feature: feature)
        let name = reader.requiredString("name")
        let level: ParkLevel? = reader.enumeration(
            "level", required: true, chinese: ["国家级": .national, "省级": .provincial, "市级": .municipal])
        let district = reader.optionalString("district")
        let parent = reader.optionalString("parent")
        let main = reader.industryCodeList("main_industries", required: true)
        if let main, main.isEmpty { reader.warning("main_industries", "no main industries declared") }
        let featured = reader.industryCodeList("featured_industries", required: false)
        let featuredStatus: FeaturedStatus? = reader.enumeration(
            "featured_status", required: false, chinese: ["认定": .certified, "已认定": .certified, "培育": .cultivating])
        let chemical = reader.optionalBool("chemical_park")
        let geometry = reader.checkGeometry(feature.geometry, expected: .polygonal)
        guard let id, let level, let geometry else { return nil }
        return Park(
            id: id, name: name ?? id, level: level, district: district, parent: parent,
            mainIndustries: main ?? [], featuredIndustries: featured ?? [], featuredStatus: featuredStatus,
            chemicalPark: chemical ?? false, geometry: geometry, extraProperties: reader.extraProperties,
            source: FeatureSource(file: file, index: index))
    }
}
