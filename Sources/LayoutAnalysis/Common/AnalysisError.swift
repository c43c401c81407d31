/// Failures of an analysis that are not findings: bad parameters, or a
/// geometry/projection operation that failed, with the library's message.
public enum AnalysisError: Error, Sendable, CustomStringConvertible {
    case invalidParameter(String)
    case geometry(String)
    case projection(String)

    /// Throws unless every coordinate of the interleaved `x0, y0, x1, y1, …` is finite
    /// (a NaN or infinity would break a grid index or a distance silently).
    static func requireFinite(_ xy: [Double], what: String) throws(AnalysisError) {
        if let k = xy.firstIndex(where: { !$0.isFinite }) {
            throw .invalidParameter("\(what): coordinate \(k % 2 == 0 ? "x" : "y") of point \(k / 2) is \(xy[k]), not a finite number")
        }
    }

    /// Throws unless `value` is a distance a grid index can use: finite, and at least 1 mm
    /// (below that a cell side underflows, and at the data's metre-level accuracy it means nothing).
    static func requireDistance(_ value: Double, name: String) throws(AnalysisError) {
        guard value.isFinite, value >= 0.001 else {
            throw .invalidParameter("\(name) must be a finite distance of at least 0.001 m, got \(value)")
        }
    }

    public var description: String {
        switch self {
        case .invalidParameter(let m): "invalid parameter: \(m)"
        case .geometry(let m): "geometry operation failed: \(m)"
        case .projection(let m): "projection failed: \(m)"
        }
    }
}
