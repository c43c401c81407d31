import GeoCore

/// A local equirectangular frame: metres east (x) and north (y) of an origin,
/// using a spherical Earth (mean radius 6 371 008.8 m) and cos(latitude of the
/// origin) for the east–west scale.
///
/// Good to well under 1 % over a city (tens of km); the generators use it to lay
/// out parks and parcels in metres and then emit lon/lat. Because the mapping is
/// affine, straight edges stay straight and axis-aligned rectangles stay
/// axis-aligned in lon/lat.
public struct LocalFrame: Sendable, Hashable {
    /// Origin longitude and latitude, degrees.
    public let origin: PlanarPoint
    /// Metres per degree of latitude.
    public let metresPerDegreeLatitude: Double
    /// Metres per degree of longitude at the origin latitude.
    public let metresPerDegreeLongitude: Double

    /// Mean Earth radius (IUGG R1), metres.
    public static let earthRadius = 6_371_008.8

    /// A frame centred on (lon, lat) in degrees.
    public init(longitude: Double, latitude: Double) {
        origin = PlanarPoint(longitude, latitude)
        metresPerDegreeLatitude = Self.earthRadius * Double.pi / 180
        metresPerDegreeLongitude = metresPerDegreeLatitude * PortableMath.cos(latitude * Double.pi / 180)
    }

    /// Lon/lat (degrees) of a point given in metres.
    @inline(__always)
    public func lonLat(_ p: PlanarPoint) -> PlanarPoint {
        PlanarPoint(origin.x + p.x / metresPerDegreeLongitude, origin.y + p.y / metresPerDegreeLatitude)
    }

    /// Metres of a point given in lon/lat degrees.
    @inline(__always)
    public func metres(_ lonLat: PlanarPoint) -> PlanarPoint {
        PlanarPoint((lonLat.x - origin.x) * metresPerDegreeLongitude, (lonLat.y - origin.y) * metresPerDegreeLatitude)
    }

    /// Approximate area in m² of a lon/lat ring (open or closed), by the
    /// shoelace formula after scaling by this frame.
    public func approximateArea(ofLonLatRing ring: [PlanarPoint]) -> Double {
        abs(PlanarRing.signedArea(ring.map(metres)))
    }
}
