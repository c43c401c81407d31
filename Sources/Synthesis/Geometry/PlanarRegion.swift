import GeoCore

/// An area made of polygons with holes (open rings), in one planar frame:
/// a county or a zone in frame metres.
public struct PlanarRegion: Sendable {
    /// Polygons; each is its exterior ring followed by its holes.
    public var polygons: [[[PlanarPoint]]]

    /// A region of the given polygons (open rings, exterior first).
    public init(polygons: [[[PlanarPoint]]]) { self.polygons = polygons }

    /// A region from a GeoCore polygonal geometry in lon/lat, mapped into `frame`.
    public init(lonLat geometry: Geometry, frame: LocalFrame) {
        polygons = geometry.polygons.map { polygon in
            PlanarRing.openRings(of: polygon).map { $0.map(frame.metres) }
        }.filter { !($0.first?.isEmpty ?? true) }
    }

    /// Whether the point lies inside.
    public func contains(_ p: PlanarPoint) -> Bool {
        polygons.contains { PlanarRing.contains(polygon: $0, p) }
    }

    /// Whether the ring lies entirely inside one of the polygons.
    public func contains(ring: [PlanarPoint]) -> Bool {
        polygons.contains { PlanarRing.polygonContainsRing($0, ring) }
    }

    /// Share of a rectangle's area outside the region, estimated on an
    /// n × n grid of cell centres.
    public func fractionOutside(_ rect: OrientedRect, samples n: Int = 40) -> Double {
        var outside = 0
        for i in 0..<n {
            for j in 0..<n {
                let u = (Double(i) + 0.5) / Double(n) - 0.5, v = (Double(j) + 0.5) / Double(n) - 0.5
                if !contains(rect.point(u: u * rect.width, v: v * rect.height)) { outside += 1 }
            }
        }
        return Double(outside) / Double(n * n)
    }

    /// Area by the shoelace formula, square frame units.
    public var area: Double {
        polygons.reduce(0) { sum, rings in
            sum + abs(PlanarRing.signedArea(rings[0])) - rings.dropFirst().reduce(0) { $0 + abs(PlanarRing.signedArea($1)) }
        }
    }
}
