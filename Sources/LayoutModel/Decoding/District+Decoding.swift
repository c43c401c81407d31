import GeoCore

extension District {
    /// Reads one feature of `districts.geojson` (docs/dataset.md), appending every
    /// problem to `problems`.
    ///
    /// Returns `nil` when the feature cannot be used: no code, or a geometry
    /// that is null, not polygonal or out of range. A missing `name` is an
    /// error and the code stands in; an unknown `kind` is an error and the
    /// default (administrative) is used.
    public static func decode(
        _ feature: Feature, file: String = DatasetFile.districts, index: Int, problems: inout [DatasetProblem]
    ) -> District? {
        var reader = FeatureReader(feature: feature, file: file, index: index)
        defer { problems += reader.problems }
        let code = reader.readIdentity(key: "code", feature: feature)
        let name = reader.requiredString("name")
        let kind = reader.enumeration("kind", required: false, chinese: ["行政区": DistrictKind.administrative, "功能区": .functional])
        let geometry = reader.checkGeometry(feature.geometry, expected: .polygonal)
        guard let code, let geometry else { return nil }
        return District(
            code: code, name: name ?? code, kind: kind ?? .administrative, geometry: geometry,
            extraProperties: reader.extraProperties, source: FeatureSource(file: file, index: index))
    }
}
