import PROJ

/// Why a map cannot be drawn.
public enum CartographyError: Error, Sendable, CustomStringConvertible {
    /// No layer has a feature with a geometry, so there is no extent to draw.
    case emptyMap
    /// PROJ could not project the data (with PROJ's message).
    case projection(PROJError)

    public var description: String {
        switch self {
        case .emptyMap: "nothing to draw: the chosen layers have no features"
        case .projection(let e): "cannot project the map: \(e)"
        }
    }
}
