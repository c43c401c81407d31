import GeoCore

/// Turns generator values into GeoCore features whose properties follow
/// docs/dataset.md exactly (keys, types, key order).
public enum FeatureBuilder {
    /// A lon/lat polygon from an open ring in `frame` metres: rounded to 1e-7°
    /// (about 1 cm), counter-clockwise, closed.
    public static func polygon(frameRing: [PlanarPoint], frame: LocalFrame) -> Polygon {
        Polygon(exterior: lonLatRing(frameRing, frame: frame))
    }

    /// The closed, counter-clockwise lon/lat sequence of a ring in frame metres.
    public static func lonLatRing(_ ring: [PlanarPoint], frame: LocalFrame) -> CoordinateSequence {
        let lonLat = ring.map { p -> PlanarPoint in
            let q = frame.lonLat(p)
            return PlanarPoint(roundDegrees(q.x), roundDegrees(q.y))
        }
        return PlanarRing.closedSequence(PlanarRing.counterClockwise(lonLat))
    }

    /// Degrees rounded to 7 decimals.
    @inline(__always)
    public static func roundDegrees(_ d: Double) -> Double { (d * 1e7).rounded() / 1e7 }

    /// A `districts.geojson` feature.
    public static func district(code: String, name: String, functional: Bool, geometry: Geometry) -> Feature {
        var p = JSONObject()
        p.append(key: "code", value: .string(code))
        p.append(key: "name", value: .string(name))
        p.append(key: "kind", value: .string(functional ? "functional" : "administrative"))
        return Feature(id: .string(code), geometry: geometry, properties: p)
    }

    /// A `parks.geojson` feature.
    public static func park(_ s: ParkSpec, frame: LocalFrame) -> Feature {
        var p = JSONObject()
        p.append(key: "id", value: .string(s.id))
        p.append(key: "name", value: .string(s.name))
        p.append(key: "level", value: .string(s.level.rawValue))
        p.append(key: "district", value: .string(s.district))
        p.append(key: "parent", value: s.parent.map { .string($0) } ?? .null)
        p.append(key: "main_industries", value: .array(s.mainIndustries.map { .string($0) }))
        p.append(key: "featured_industries", value: .array(s.featuredIndustries.map { .string($0) }))
        p.append(key: "featured_status", value: s.featuredStatus.map { .string($0.rawValue) } ?? .null)
        p.append(key: "chemical_park", value: .bool(s.chemicalPark))
        return Feature(id: .string(s.id), geometry: .polygon(polygon(frameRing: s.rect.corners, frame: frame)), properties: p)
    }

    /// A `parcels.geojson` feature.
    public static func parcel(id: String, attributes a: ParcelAttributes, enterprise: String?, geometry: Geometry) -> Feature {
        var p = JSONObject()
        p.append(key: "id", value: .string(id))
        p.append(key: "land_use", value: .string(a.landUse))
        p.append(key: "status", value: .string(a.status.rawValue))
        p.append(key: "floor_area_m2", value: .double(a.floorArea))
        p.append(key: "footprint_m2", value: .double(a.footprint))
        p.append(key: "investment_wan", value: .double(a.investment))
        p.append(key: "tax_wan", value: .double(a.tax))
        p.append(key: "enterprise", value: enterprise.map { .string($0) } ?? .null)
        return Feature(id: .string(id), geometry: geometry, properties: p)
    }

    /// An `enterprises.geojson` feature at (lon, lat) degrees.
    @inline(__always)
    public static func enterprise(
        id: String, name: String, industry: String, economics e: EnterpriseEconomics, lon: Double, lat: Double
    ) -> Feature {
        let p = JSONObject(members: [
            .init(key: "id", value: .string(id)),
            .init(key: "name", value: .string(name)),
            .init(key: "industry", value: .string(industry)),
            .init(key: "output_wan", value: .double(e.output)),
            .init(key: "tax_wan", value: .double(e.tax)),
            .init(key: "employees", value: .integer(Int64(e.employees))),
            .init(key: "above_scale", value: .bool(e.aboveScale)),
        ])
        return Feature(id: .string(id), geometry: .point(Position(x: roundDegrees(lon), y: roundDegrees(lat))), properties: p)
    }
}

/// A rule situation deliberately present in generated data (docs/analyses.md §4),
/// so that tests of the checks know what to expect.
public struct PlantedSituation: Sendable, Hashable {
    /// The rule name of docs/analyses.md §4, e.g. `"park-overlap"`.
    public var rule: String
    /// Ids of the features involved (parks, parcels, enterprises, district codes),
    /// or an industry code for scattered-industry.
    public var subjects: [String]
    /// Where and why, in one line.
    public var note: String

    /// A planted situation of `rule` involving `subjects`, explained by `note`.
    public init(rule: String, subjects: [String], note: String) {
        self.rule = rule
        self.subjects = subjects
        self.note = note
    }
}
