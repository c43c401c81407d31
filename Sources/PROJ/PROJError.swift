import GeoCore

/// Every failure of the PROJ module, carrying PROJ's error code and message.
///
/// `code` is PROJ's `proj_context_errno` / `proj_errno` value (e.g. 1025,
/// `PROJ_ERR_INVALID_OP_WRONG_SYNTAX`; 2049, `PROJ_ERR_COORD_TRANSFM_INVALID_COORD`);
/// `message` is `proj_context_errno_string` followed by whatever PROJ logged.
public enum PROJError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PROJ could not build an object from `definition` (EPSG code, WKT, PROJ string, PROJJSON).
    case invalidDefinition(definition: String, code: Int, message: String)
    /// `definition` is valid but describes something other than a CRS (e.g. a bare conversion).
    case notACRS(definition: String, type: String)
    /// No coordinate operation between the two CRSs (definitions given).
    case noTransformation(source: String, target: String, code: Int, message: String)
    /// The position at `index` (0-based, in depth-first order over the input) could not be transformed.
    case positionFailed(index: Int, code: Int, message: String)
    /// An export (WKT, PROJ string, PROJJSON) of a valid CRS failed.
    case exportFailed(format: String, code: Int, message: String)
    /// A bounding box that cannot locate a zone (empty or not finite).
    case invalidExtent(BoundingBox)
    /// PROJ could not create a context (out of memory or broken installation).
    case contextUnavailable

    /// A one-line English message including PROJ's own text and code.
    public var description: String {
        switch self {
        case let .invalidDefinition(definition, code, message):
            "PROJ cannot read CRS '\(Self.clip(definition))': \(message) (PROJ error \(code))"
        case let .notACRS(definition, type):
            "'\(Self.clip(definition))' is a \(type), not a coordinate reference system"
        case let .noTransformation(source, target, code, message):
            "PROJ found no transformation from '\(Self.clip(source))' to '\(Self.clip(target))': \(message) (PROJ error \(code))"
        case let .positionFailed(index, code, message):
            "PROJ could not transform position \(index): \(message) (PROJ error \(code))"
        case let .exportFailed(format, code, message):
            "PROJ could not export the CRS as \(format): \(message) (PROJ error \(code))"
        case let .invalidExtent(box):
            "cannot choose a metric CRS for the extent \(box.minX),\(box.minY),\(box.maxX),\(box.maxY)"
        case .contextUnavailable:
            "PROJ could not create a context"
        }
    }

    /// Long WKT/PROJJSON definitions are cut so that messages stay readable.
    private static func clip(_ s: String) -> String {
        s.count <= 120 ? s : String(s.prefix(117)) + "..."
    }
}
