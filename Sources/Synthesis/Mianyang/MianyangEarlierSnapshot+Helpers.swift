import GeoCore

/// The park outlines of a generated dataset, for point-in-park tests without
/// GEOS: ray casting on the exterior rings in lon/lat (the generator's parks
/// are simple rectangles), the smallest park first so a sub-park wins.
struct ParkOutlines {
    private var outlines: [(id: String, ring: CoordinateSequence, area: Double)] = []
    /// Main and featured industries per park id.
    private(set) var industries: [String: [String]] = [:]
    /// Park ids in dataset order.
    private(set) var ids: [String] = []

    init(_ parks: [Feature]) {
        for park in parks {
            guard let id = park[property: "id"]?.stringValue else { continue }
            ids.append(id)
            let codes = (park[property: "main_industries"]?.arrayValue ?? []) + (park[property: "featured_industries"]?.arrayValue ?? [])
            industries[id] = codes.compactMap(\.stringValue)
            for polygon in park.geometry?.polygons ?? [] {
                guard let ring = polygon.exterior else { continue }
                outlines.append((id, ring, abs(ring.signedDoubleArea)))
            }
        }
        outlines.sort { $0.area < $1.area }
    }

    /// The id of the smallest park whose outline contains `p`, else `nil`.
    func park(containing p: Position) -> String? {
        outlines.first { Self.contains($0.ring, p) }?.id
    }

    static func contains(_ ring: CoordinateSequence, _ p: Position) -> Bool {
        var inside = false
        let n = ring.count
        var j = n - 1
        for i in 0..<n {
            let (xi, yi, xj, yj) = (ring.x(i), ring.y(i), ring.x(j), ring.y(j))
            if (yi > p.y) != (yj > p.y), p.x < (xj - xi) * (p.y - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }
}

extension MianyangEarlierSnapshot {
    static func point(_ feature: Feature) -> Position? {
        if case .point(let p)? = feature.geometry { return p }
        return nil
    }

    static func squaredDegrees(_ a: Position, _ b: Position) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    /// A parcel as it was before its building: no floor area, footprint or
    /// tax, no user, part of today's investment.
    static func unbuild(_ props: inout JSONObject, status: String, investmentShare: Double) {
        props["status"] = .string(status)
        props["floor_area_m2"] = .double(0)
        props["footprint_m2"] = .double(0)
        if let investment = props["investment_wan"]?.doubleValue { props["investment_wan"] = .double(round2(investment * investmentShare)) }
        props["tax_wan"] = .double(0)
        props["enterprise"] = .null
    }

    /// Mean of the exterior vertices (without the closing one), rounded to 1e-7°.
    static func centre(_ geometry: Geometry?) -> Position? {
        guard let ring = geometry?.polygons.first?.exterior, ring.count > 1 else { return nil }
        var x = 0.0, y = 0.0
        for i in 0..<(ring.count - 1) {
            x += ring.x(i)
            y += ring.y(i)
        }
        let n = Double(ring.count - 1)
        return Position(x: FeatureBuilder.roundDegrees(x / n), y: FeatureBuilder.roundDegrees(y / n))
    }

    /// Planar area of the exterior in m², degrees scaled at the ring's latitude
    /// (good to a fraction of a percent for a parcel; used only to size buildings).
    static func approximateArea(_ geometry: Geometry?) -> Double {
        guard let ring = geometry?.polygons.first?.exterior, ring.count > 2 else { return 0 }
        let latitude = ring.y(0) * Double.pi / 180
        let metresPerDegreeLat = 110_574.0
        let metresPerDegreeLon = 111_320.0 * PortableMath.cos(latitude)
        return abs(ring.signedDoubleArea) / 2 * metresPerDegreeLat * metresPerDegreeLon
    }

    /// An industry class for an enterprise of `park`: one under the park's
    /// first main industry when the catalogue has one, else any catalogue class.
    static func industry(forPark park: String, parks: ParkOutlines, random: inout SeededRandom) -> String {
        for prefix in parks.industries[park] ?? [] {
            let classes = IndustryCatalogue.classes.filter { $0.code.hasPrefix(prefix) }
            if let pick = random.choice(classes) { return pick.code }
        }
        return IndustryCatalogue.classes[random.index(below: IndustryCatalogue.classes.count)].code
    }
}
