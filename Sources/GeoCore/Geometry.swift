/// A polygon: the first ring is the exterior, the rest are holes.
///
/// Rings are closed coordinate sequences. Orientation is not enforced here;
/// writers re-orient (RFC 7946: exterior counter-clockwise) and measures use
/// absolute ring areas, so either orientation reads correctly.
public struct Polygon: Sendable, Hashable {
    public var rings: [CoordinateSequence]

    public init(rings: [CoordinateSequence]) {
        self.rings = rings
    }

    public init(exterior: CoordinateSequence, holes: [CoordinateSequence] = []) {
        self.rings = [exterior] + holes
    }

    public var exterior: CoordinateSequence? { rings.first }
    public var holes: ArraySlice<CoordinateSequence> { rings.dropFirst() }
}

/// A geometry of the Simple Features / RFC 7946 model.
///
/// Coordinates are held in flat buffers (`CoordinateSequence`) so that whole
/// geometries cross into GEOS and PROJ in bulk.
public indirect enum Geometry: Sendable, Hashable {
    case point(Position)
    case multiPoint(CoordinateSequence)
    case lineString(CoordinateSequence)
    case multiLineString([CoordinateSequence])
    case polygon(Polygon)
    case multiPolygon([Polygon])
    case geometryCollection([Geometry])

    /// The RFC 7946 type name, e.g. `"MultiPolygon"`.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Whether this is a Polygon or MultiPolygon.
    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// The polygons of a Polygon or MultiPolygon, and of the polygonal members
    /// of a collection; empty for everything else.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .geometryCollection(let gs): gs.flatMap(\.polygons)
        default: []
        }
    }

    /// Whether any coordinate carries a height.
    public var hasZ: Bool {
        switch self {
        case .point(let p): p.z != nil
        case .multiPoint(let s), .lineString(let s): s.hasZ
        case .multiLineString(let ss): ss.contains { $0.hasZ }
        case .polygon(let p): p.rings.contains { $0.hasZ }
        case .multiPolygon(let ps): ps.contains { $0.rings.contains { $0.hasZ } }
        case .geometryCollection(let gs): gs.contains { $0.hasZ }
        }
    }

    /// Total number of positions.
    public var positionCount: Int {
        var n = 0
        forEachSequence { n += $0.count }
        if case .point = self { n = 1 }
        return n
    }

    /// The 2-D bounding box, or `nil` for an empty geometry.
    public var boundingBox: BoundingBox? {
        var box = BoundingBox.empty
        extendBoundingBox(&box)
        return box.isEmpty ? nil : box
    }

    private func extendBoundingBox(_ box: inout BoundingBox) {
        switch self {
        case .point(let p): box.extend(x: p.x, y: p.y)
        case .geometryCollection(let gs): for g in gs { g.extendBoundingBox(&box) }
        default: forEachSequence { box.extend(with: $0) }
        }
    }

    /// Calls `body` for every coordinate sequence (points excluded), depth first.
    public func forEachSequence(_ body: (CoordinateSequence) throws -> Void) rethrows {
        switch self {
        case .point: break
        case .multiPoint(let s), .lineString(let s): try body(s)
        case .multiLineString(let ss): for s in ss { try body(s) }
        case .polygon(let p): for r in p.rings { try body(r) }
        case .multiPolygon(let ps): for p in ps { for r in p.rings { try body(r) } }
        case .geometryCollection(let gs): for g in gs { try g.forEachSequence(body) }
        }
    }

    /// A copy with every coordinate sequence (and point) rewritten by `transform`.
    /// Used for reprojection: the closure receives whole buffers.
    public func mapSequences(_ transform: (CoordinateSequence) throws -> CoordinateSequence) rethrows -> Geometry {
        switch self {
        case .point(let p):
            let s = try transform(CoordinateSequence([p]))
            return .point(s[0])
        case .multiPoint(let s): return .multiPoint(try transform(s))
        case .lineString(let s): return .lineString(try transform(s))
        case .multiLineString(let ss): return .multiLineString(try ss.map(transform))
        case .polygon(let p): return .polygon(Polygon(rings: try p.rings.map(transform)))
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { Polygon(rings: try $0.rings.map(transform)) })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapSequences(transform) })
        }
    }
}
