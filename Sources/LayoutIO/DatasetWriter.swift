import Foundation
import GeoCore
import GeoJSON
import LayoutModel

/// Writes dataset files (docs/dataset.md layout) atomically, streaming large layers.
public enum DatasetWriter {
    /// Creates `folder` if needed.
    public static func prepare(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `features` as `folder/file`.
    public static func write(_ features: [Feature], file: String, in folder: String) throws {
        try GeoJSONFile.write(FeatureCollection(features: features), to: folder + "/" + file)
    }

    /// Streams a layer: `produce` is handed a function that writes one feature.
    public static func stream(
        file: String, in folder: String, _ produce: (_ emit: (Feature) throws -> Void) throws -> Void
    ) throws {
        try AtomicFileWriter.write(to: folder + "/" + file) { sink in
            let writer = try FeatureCollectionWriter(sink: sink)
            try produce { try writer.write($0) }
            try writer.finish()
        }
    }

    /// Writes `policy.json` (pretty, atomic).
    public static func writePolicy(_ policy: JSONObject, in folder: String) throws {
        try JSONText.write(.object(policy), to: folder + "/" + DatasetFile.policy)
    }
}
