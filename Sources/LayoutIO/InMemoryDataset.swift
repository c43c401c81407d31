import GeoCore
import LayoutModel
import PROJ

/// The layers `parkatlas import` has just mapped, as a source for `DatasetLoader`: the import
/// validates what it is about to write without writing it and reading it back.
///
/// Stands for the dataset folder the import writes (GeoJSON): each collection is what reading
/// that file would give (the writer keeps every coordinate and value exactly; only ring
/// orientation differs, which no check looks at), the datum of `policy.json` is applied as
/// `LonLatInput` applies it, and problems name the same files. Each layer is handed out once
/// and then dropped, so the loader holds one layer's features at a time, as when reading files.
final class InMemoryDataset: DatasetTableSource {
    private var layers: [String: FeatureCollection]
    private let policy: String?

    /// - Parameters:
    ///   - layers: dataset file name (`DatasetFile.parcels`, …) → features, lon/lat.
    ///   - policy: the text of `policy.json`, nil when the dataset has none.
    init(layers: [String: FeatureCollection], policy: String?) {
        self.layers = layers
        self.policy = policy
    }

    func hasLayer(_ file: String) -> Bool { layers[file] != nil }

    func read(_ file: String, datum: Datum) throws -> FeatureCollection {
        guard var collection = layers.removeValue(forKey: file) else { return FeatureCollection(features: []) }
        if datum != .wgs84 {
            for i in collection.features.indices {
                collection.features[i].geometry = collection.features[i].geometry.map { datum.toWGS84($0) }
            }
        }
        return collection
    }

    func policyText() throws -> String? { policy }

    /// The file the import is about to write: problems name it, as if read back from disk.
    func place(of file: String) -> String { file }
}
