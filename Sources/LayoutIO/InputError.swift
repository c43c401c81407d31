import GDAL
import GEOS
import GeoCore
import GeoJSON
import PROJ

/// A problem reading an input file, naming the file and, where it applies, the
/// feature index and id.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// The GeoJSON text itself is malformed (line, column and feature are in the wrapped error).
    case malformed(GeoJSONError)
    /// Coordinates could not be transformed from the declared CRS.
    case reprojection(file: String, featureIndex: Int?, featureID: String?, message: String)
    /// The declared or requested CRS is not one PROJ understands.
    case unknownCRS(file: String, name: String, message: String)
    /// The path given as a dataset is not a usable folder.
    case notADataset(folder: String, reason: String)
    /// A geometry operation failed on a feature.
    case geometry(file: String, featureIndex: Int, featureID: String?, message: String)
    /// A Shapefile, GeoPackage, FileGDB, FlatGeobuf, CSV/XLSX or DXF file could not be read
    /// or written (the error names file, layer, FID and field).
    case vector(GDALError)

    public var description: String {
        switch self {
        case .malformed(let e):
            return e.description
        case .reprojection(let file, let index, let id, let message):
            return "\(file): \(Self.feature(index, id))cannot reproject: \(message)"
        case .unknownCRS(let file, let name, let message):
            return "\(file): unknown CRS \(name): \(message)"
        case .notADataset(let folder, let reason):
            return "\(folder): not a dataset folder: \(reason)"
        case .geometry(let file, let index, let id, let message):
            return "\(file): \(Self.feature(index, id))geometry operation failed: \(message)"
        case .vector(let error):
            return error.description
        }
    }

    static func feature(_ index: Int?, _ id: String?) -> String {
        guard let index else { return "" }
        if let id { return "feature \(index) (id \(id)): " }
        return "feature \(index): "
    }
}
