import GeoCore

/// Decodes whole feature collections, feature by feature, gathering the
/// usable values and every problem (dataset.md, "Reading rules").
public enum DatasetDecoding {
    /// The usable districts of `districts.geojson` and its problems.
    public static func districts(
        _ collection: FeatureCollection, file: String = DatasetFile.districts
    ) -> (values: [District], problems: [DatasetProblem]) {
        decodeAll(collection) { District.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parks of `parks.geojson` and its problems.
    public static func parks(
        _ collection: FeatureCollection, file: String = DatasetFile.parks
    ) -> (values: [Park], problems: [DatasetProblem]) {
        decodeAll(collection) { Park.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parcels of `parcels.geojson` and its problems.
    public static func parcels(
        _ collection: FeatureCollection, file: String = DatasetFile.parcels
    ) -> (values: [Parcel], problems: [DatasetProblem]) {
        decodeAll(collection) { Parcel.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable enterprises of `enterprises.geojson` and its problems.
    public static func enterprises(
        _ collection: FeatureCollection, file: String = DatasetFile.enterprises
    ) -> (values: [Enterprise], problems: [DatasetProblem]) {
        decodeAll(collection) { Enterprise.decode($0, file: file, index: $1, problems: &$2) }
    }

    private static func decodeAll<T>(
        _ collection: FeatureCollection, _ decode: (Feature, Int, inout [DatasetProblem]) -> T?
    ) -> (values: [T], problems: [DatasetProblem]) {
        var values: [T] = []
        var problems: [DatasetProblem] = []
        values.reserveCapacity(collection.features.count)
        for (index, feature) in collection.features.enumerated() {
            if let value = decode(feature, index, &problems) { values.append(value) }
        }
        return (values, problems)
    }
}
