/// Where a model value came from: its file and the feature's 0-based index
/// in that file, so later checks can report against the input.
public struct FeatureSource: Sendable, Hashable {
    /// The file name, e.g. `"parks.geojson"`.
    public var file: String
    /// 0-based position of the feature in the file's `features` array.
    public var index: Int

    public init(file: String, index: Int) {
        self.file = file
        self.index = index
    }
}

/// The dataset files of docs/dataset.md.
public enum DatasetFile {
    public static let districts = "districts.geojson"
    public static let parks = "parks.geojson"
    public static let parcels = "parcels.geojson"
    public static let enterprises = "enterprises.geojson"
    public static let policy = "policy.json"
}
