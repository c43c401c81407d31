import GeoCore

extension Enterprise {
    /// Reads one feature of `enterprises.geojson` (docs/dataset.md), appending
    /// every problem to `problems`.
    ///
    /// Returns `nil` when the feature cannot be used: no id, an `industry`
    /// that is missing or not shaped like a code (a bare `"3974"` is rejected
    /// with a hint naming `"C3974"`), or a geometry that is null, not a Point
    /// or out of range. A missing `name` is an error and the id stands in. An
    /// unknown but well-formed code (e.g. the 2011 `"C1310"`) is an error and
    /// kept. Invalid numbers are reported and treated as absent.
    public static func decode(
        _ feature: Feature, file: String = DatasetFile.enterprises, index: Int, problems: inout [DatasetProblem]
    ) -> Enterprise? {
        var reader = FeatureReader(feature: feature, file: file, index: index)
        defer { problems += reader.problems }
        let id = reader.readIdentity(key: "id", feature: feature)
        let name = reader.requiredString("name")
        let industry = reader.requiredIndustryCode("industry")
        let output = reader.optionalNonNegativeNumber("output_wan")
        let tax = reader.optionalNonNegativeNumber("tax_wan")
        let employees = reader.optionalNonNegativeInteger("employees")
        let land = reader.optionalNonNegativeNumber("land_m2")
        let aboveScale = reader.optionalBool("above_scale")
        let geometry = reader.checkGeometry(feature.geometry, expected: .point)
        guard let id, let industry, let geometry else { return nil }
        return Enterprise(
            id: id, name: name ?? id, industry: industry, output: output, tax: tax, employees: employees,
            land: land, aboveScale: aboveScale, geometry: geometry, extraProperties: reader.extraProperties,
            source: FeatureSource(file: file, index: index))
    }
}
