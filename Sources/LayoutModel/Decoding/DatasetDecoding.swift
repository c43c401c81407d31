import GeoCore

/// Decodes whole feature collections, feature by feature, gathering the
/// usable values and every problem (docs/dataset.md, "Reading rules").
public enum DatasetDecoding {
    /// The usable districts of `districts.geojson` and its problems.
    public static func districts(
        _ collection: FeatureCollection, file: String = DatasetFile.districts, threads: Int = 1
    ) -> (values: [District], problems: [DatasetProblem]) {
        decodeAll(collection, threads: threads) { District.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parks of `parks.geojson` and its problems.
    public static func parks(
        _ collection: FeatureCollection, file: String = DatasetFile.parks, threads: Int = 1
    ) -> (values: [Park], problems: [DatasetProblem]) {
        decodeAll(collection, threads: threads) { Park.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parcels of `parcels.geojson` and its problems.
    public static func parcels(
        _ collection: FeatureCollection, file: String = DatasetFile.parcels, threads: Int = 1
    ) -> (values: [Parcel], problems: [DatasetProblem]) {
        decodeAll(collection, threads: threads) { Parcel.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable enterprises of `enterprises.geojson` and its problems.
    public static func enterprises(
        _ collection: FeatureCollection, file: String = DatasetFile.enterprises, threads: Int = 1
    ) -> (values: [Enterprise], problems: [DatasetProblem]) {
        decodeAll(collection, threads: threads) { Enterprise.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// Decodes every feature, on up to `threads` threads (features are
    /// independent); values and problems come out in feature order.
    private static func decodeAll<T: Sendable>(
        _ collection: FeatureCollection, threads: Int,
        _ decode: @escaping @Sendable (Feature, Int, inout [DatasetProblem]) -> T?
    ) -> (values: [T], problems: [DatasetProblem]) {
        let features = collection.features
        let chunkSize = 8_192
        let chunks = (features.count + chunkSize - 1) / chunkSize
        if chunks == 0 { return ([], []) }
        var parts = [(values: [T], problems: [DatasetProblem])](repeating: ([], []), count: chunks)
        parts.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            ParallelRanges.forEach(count: chunks, threads: threads, minimumChunk: 1) { range in
                for chunk in range {
                    var values: [T] = []
                    var problems: [DatasetProblem] = []
                    let items = (chunk * chunkSize)..<min(features.count, (chunk + 1) * chunkSize)
                    values.reserveCapacity(items.count)
                    for index in items {
                        if let value = decode(features[index], index, &problems) { values.append(value) }
                    }
                    out[chunk] = (values, problems)
                }
            }
        }
        if parts.count == 1 { return parts[0] }
        var values: [T] = []
        var problems: [DatasetProblem] = []
        values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        for part in parts {
            values += part.values
            problems += part.problems
        }
        return (values, problems)
    }
}
