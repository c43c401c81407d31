/// Every failure of the GDAL module, naming the file and, where it applies,
/// the layer, the feature (FID) and the field, with GDAL's own message.
public enum GDALError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A GDAL/OGR call failed; `operation` names the C function, `message` is
    /// GDAL's text (`CPLGetLastErrorMsg`, or what the error handler captured).
    case library(operation: String, path: String?, message: String)
    /// The file could not be opened as a vector dataset.
    case cannotOpen(path: String, message: String)
    /// A file the format needs beside the main one is missing (a Shapefile's `.shx` or `.dbf`).
    case missingCompanion(path: String, companion: String, reason: String)
    /// The extension names no format this module reads or writes.
    case unsupportedFormat(path: String, reason: String)
    /// The dataset has no layer of that name.
    case noSuchLayer(path: String, layer: String, available: [String])
    /// A feature's geometry cannot be read (bad WKB, an unsupported type).
    case badGeometry(path: String, layer: String, fid: Int64?, message: String)
    /// A field value of a feature cannot be used.
    case badField(path: String, layer: String, fid: Int64?, field: String, message: String)
    /// The layer has no coordinate reference system and none was given.
    case unknownCRS(path: String, layer: String, message: String)
    /// Writing failed; nothing was left at `path`.
    case write(path: String, layer: String?, message: String)

    public var description: String {
        switch self {
        case let .library(operation, path, message):
            return (path.map { "\($0): " } ?? "") + "GDAL \(operation) failed: \(message)"
        case let .cannotOpen(path, message):
            return "\(path): cannot open as a vector dataset: \(message)"
        case let .missingCompanion(path, companion, reason):
            return "\(path): the companion file \(companion) is missing: \(reason)"
        case let .unsupportedFormat(path, reason):
            return "\(path): unsupported format: \(reason)"
        case let .noSuchLayer(path, layer, available):
            let list = available.isEmpty ? "it has no layers" : "layers: " + available.joined(separator: ", ")
            return "\(path): no layer \"\(layer)\" (\(list))"
        case let .badGeometry(path, layer, fid, message):
            return "\(path): layer \(layer)\(Self.fidText(fid)): geometry: \(message)"
        case let .badField(path, layer, fid, field, message):
            return "\(path): layer \(layer)\(Self.fidText(fid)), field \(field): \(message)"
        case let .unknownCRS(path, layer, message):
            return "\(path): layer \(layer): unknown coordinate reference system: \(message)"
        case let .write(path, layer, message):
            return "\(path): " + (layer.map { "layer \($0): " } ?? "") + "cannot write: \(message)"
        }
    }

    static func fidText(_ fid: Int64?) -> String { fid.map { ", feature FID \($0)" } ?? "" }
}
