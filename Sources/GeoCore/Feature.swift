/// A feature identifier: RFC 7946 allows a string or a number.
public enum FeatureID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case double(Double)

    public var description: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .double(let d): String(d)
        }
    }
}

/// An RFC 7946 Feature.
///
/// `properties` is `nil` when the input said `null` (or omitted it), which
/// writers reproduce as `null`. `foreignMembers` holds every other top-level
/// member, kept for round trips.
public struct Feature: Sendable, Hashable {
    public var id: FeatureID?
    public var geometry: Geometry?
    public var properties: JSONObject?
    public var bbox: [Double]?
    public var foreignMembers: JSONObject

    public init(
        id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject? = JSONObject(),
        bbox: [Double]? = nil, foreignMembers: JSONObject = JSONObject()
    ) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// Convenience lookup of a property value.
    public subscript(property key: String) -> JSONValue? {
        properties?[key]
    }
}

/// An RFC 7946 FeatureCollection.
///
/// `crs` is the legacy GeoJSON-2008 CRS name (e.g. `"urn:ogc:def:crs:EPSG::4544"`)
/// when the input declared one; it is kept apart from `foreignMembers` because
/// readers act on it (see `GeoJSONReader`).
public struct FeatureCollection: Sendable, Hashable {
    public var features: [Feature]
    public var bbox: [Double]?
    public var crs: String?
    public var foreignMembers: JSONObject

    public init(features: [Feature], bbox: [Double]? = nil, crs: String? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.features = features
        self.bbox = bbox
        self.crs = crs
        self.foreignMembers = foreignMembers
    }
}
