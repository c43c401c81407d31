import GeoCore

/// What a GeoJSON text holds at its top level (RFC 7946 §3).
public enum GeoJSONDocument: Sendable, Hashable {
    case featureCollection(FeatureCollection)
    case feature(Feature)
    /// A bare geometry object. Its `bbox`, if any, was validated and dropped
    /// (`Geometry` has no place for one).
    case geometry(Geometry)

    /// The document as a collection: a single feature becomes a one-feature
    /// collection, a bare geometry a feature with that geometry and
    /// empty properties (`{}`).
    public var featureCollection: FeatureCollection {
        switch self {
        case .featureCollection(let c): c
        case .feature(let f): FeatureCollection(features: [f])
        case .geometry(let g): FeatureCollection(features: [Feature(geometry: g)])
        }
    }
}
