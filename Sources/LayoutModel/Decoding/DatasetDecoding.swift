import GeoCore

/// Decodes whole feature collections, feature by feature, gathering the
/// usable values and every problem (docs/dataset.md, "Reading rules").
public enum DatasetDecoding {
    /// What decoding one file gives.
    public struct Decoded<Value: Sendable>: Sendable {
        /// The usable values, in feature order.
        public var values: [Value]
        /// Every problem, in feature order.
        public var problems: [DatasetProblem]
        /// The ids of the features that were rejected (unusable) though their
        /// id could be read, in feature order: a reference to one of them is
        /// a knock-on of that feature's own errors, not a missing feature
        /// (`DatasetCrossCheck`).
        public var rejectedIDs: [String]

        public init(values: [Value] = [], problems: [DatasetProblem] = [], rejectedIDs: [String] = []) {
            self.values = values
            self.problems = problems
            self.rejectedIDs = rejectedIDs
        }
    }

    /// The usable districts of `districts.geojson` and its problems.
    public static func districts(
        _ collection: FeatureCollection, file: String = DatasetFile.districts, threads: Int = 1
    ) -> Decoded<District> {
        decodeAll(collection, threads: threads) { District.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parks of `parks.geojson` and its problems.
    public static func parks(
        _ collection: FeatureCollection, file: String = DatasetFile.parks, threads: Int = 1
    ) -> Decoded<Park> {
        decodeAll(collection, threads: threads) { Park.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable parcels of `parcels.geojson` and its problems.
    public static func parcels(
        _ collection: FeatureCollection, file: String = DatasetFile.parcels, threads: Int = 1
    ) -> Decoded<Parcel> {
        decodeAll(collection, threads: threads) { Parcel.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// The usable enterprises of `enterprises.geojson` and its problems.
    public static func enterprises(
        _ collection: FeatureCollection, file: String = DatasetFile.enterprises, threads: Int = 1
    ) -> Decoded<Enterprise> {
        decodeAll(collection, threads: threads) { Enterprise.decode($0, file: file, index: $1, problems: &$2) }
    }

    /// Decodes every feature, on up to `threads` threads (features are
    /// independent); values and problems come out in feature order. A
    /// rejected feature's id is the one its problems carry (decoders read the
    /// identity first, so every later problem names it).
    private static func decodeAll<T: Sendable>(
        _ collection: FeatureCollection, threads: Int,
        _ decode: @escaping @Sendable (Feature, Int, inout [DatasetProblem]) -> T?
    ) -> Decoded<T> {
        let features = collection.features
        let chunkSize = 8_192
        let chunks = (features.count + chunkSize - 1) / chunkSize
        if chunks == 0 { return Decoded() }
        var parts = [Decoded<T>](repeating: Decoded(), count: chunks)
        parts.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            ParallelRanges.forEach(count: chunks, threads: threads, minimumChunk: 1) { range in
                for chunk in range {
                    var part = Decoded<T>()
                    let items = (chunk * chunkSize)..<min(features.count, (chunk + 1) * chunkSize)
                    part.values.reserveCapacity(items.count)
                    for index in items {
                        let before = part.problems.count
                        if let value = decode(features[index], index, &part.problems) {
                            part.values.append(value)
                        } else if let id = part.problems[before...].lazy.compactMap(\.id).first {
                            part.rejectedIDs.append(id)
                        }
                    }
                    out[chunk] = part
                }
            }
        }
        if parts.count == 1 { return parts[0] }
        var all = Decoded<T>()
        all.values.reserveCapacity(parts.reduce(0) { $0 + $1.values.count })
        for part in parts {
            all.values += part.values
            all.problems += part.problems
            all.rejectedIDs += part.rejectedIDs
        }
        return all
    }
}
