import GeoCore

extension Parcel {
    /// Reads one feature of `parcels.geojson` (docs/dataset.md), appending every
    /// problem to `problems`.
    ///
    /// Returns `nil` when the feature cannot be used: no id, a `land_use`
    /// that is missing or not shaped like a code, no valid `status`, or a
    /// geometry that is null, not polygonal or out of range. A well-formed but
    /// unknown land-use code is an error and kept. Invalid numbers are reported
    /// and treated as absent (floor and footprint areas then default to 0).
    public static func decode(
        _ feature: Feature, file: String = DatasetFile.parcels, index: Int, problems: inout [DatasetProblem]
    ) -> Parcel? {
        var reader = FeatureReader(feature: feature, file: file, index: index)
        defer { problems += reader.problems }
        let id = reader.readIdentity(key: "id", feature: feature)
        let landUse = reader.landUseCode("land_use")
        let status: ParcelStatus? = reader.enumeration(
            "status", required: true,
            chinese: [
                "已建成": .built, "已供在建": .underConstruction, "已供未建": .suppliedUnbuilt, "闲置土地": .idle,
                "闲置": .idle, "已达到供地条件、未供应": .ready, "未达到供地条件": .unready, "不可建设": .unbuildable,
            ])
        let floorArea = reader.optionalNonNegativeNumber("floor_area_m2")
        let footprint = reader.optionalNonNegativeNumber("footprint_m2")
        let investment = reader.optionalNonNegativeNumber("investment_wan")
        let tax = reader.optionalNonNegativeNumber("tax_wan")
        let enterprise = reader.optionalString("enterprise")
        let geometry = reader.checkGeometry(feature.geometry, expected: .polygonal)
        guard let id, let landUse, let status, let geometry else { return nil }
        return Parcel(
            id: id, landUse: landUse, status: status, floorArea: floorArea ?? 0, footprint: footprint ?? 0,
            investment: investment, tax: tax, enterprise: enterprise, geometry: geometry,
            extraProperties: reader.extraProperties, source: FeatureSource(file: file, index: index))
    }
}
