/// Failures of an analysis that are not findings: bad parameters, or a
/// geometry/projection operation that failed, with the library's message.
public enum AnalysisError: Error, Sendable, CustomStringConvertible {
    case invalidParameter(String)
    case geometry(String)
    case projection(String)

    public var description: String {
        switch self {
        case .invalidParameter(let m): "invalid parameter: \(m)"
        case .geometry(let m): "geometry operation failed: \(m)"
        case .projection(let m): "projection failed: \(m)"
        }
    }
}
