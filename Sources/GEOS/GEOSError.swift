/// Every failure of the GEOS module.
///
/// GEOS reports failure through a return value (NULL, 0, -1, or 2 for
/// predicates) and a message passed to the context's error handler; the
/// `library` case carries both the operation and that message.
public enum GEOSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A GEOS call failed; `operation` names the C function, `message` is GEOS's own text.
    case library(operation: String, message: String)
    /// The input cannot be handed to GEOS (e.g. a ring with too few positions, a bad WKB hex string).
    case invalidInput(String)
    /// GEOS returned something that GeoCore cannot represent (e.g. an empty Point).
    case unsupported(String)

    /// A one-line message for logs and the CLI.
    public var description: String {
        switch self {
        case .library(let operation, let message): "GEOS \(operation) failed: \(message)"
        case .invalidInput(let reason): "invalid input for GEOS: \(reason)"
        case .unsupported(let reason): "unsupported by GeoCore: \(reason)"
        }
    }
}
