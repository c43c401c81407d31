import Foundation
import GeoCore
import PROJ

/// Where the map goes on the page and how lon/lat becomes pixels.
///
/// Coordinates are first projected into the local metric CRS of the extent
/// (`LocalMetricCRS`: a CGCS2000 3° Gauss–Krüger zone in China, UTM elsewhere),
/// one bulk PROJ call per geometry; then an affine map with one scale for both
/// axes (so lengths are true in every direction, up to the projection's own
/// scale factor, < 1.0002 within a 3° zone) puts northing up.
///
/// pixel x = left + (E − minE) × scale, pixel y = top + (maxN − N) × scale,
/// with `scale` in pixels per metre.
public struct MapFrame: Sendable {
    /// The metric CRS used.
    public let crs: CoordinateReferenceSystem
    /// lon/lat (WGS84) to `crs`.
    public let transformer: Transformer
    /// The drawing area on the page, pixels.
    public let area: BoundingBox
    /// Pixels per metre of the projected CRS.
    public let scale: Double
    /// Projected point drawn at the area's top-left corner (easting, northing), metres.
    public let originEasting: Double
    public let originNorthing: Double

    /// Fits the projected extent `projectedBox` (metres) centred into `area` (pixels).
    public init(crs: CoordinateReferenceSystem, transformer: Transformer, projectedBox: BoundingBox, area: BoundingBox) {
        self.crs = crs
        self.transformer = transformer
        self.area = area
        let width = max(projectedBox.width, 1), height = max(projectedBox.height, 1)
        let s = min(area.width / width, area.height / height)
        scale = s
        // Centre the extent: the spare pixels go half to each side.
        originEasting = projectedBox.minX - (area.width / s - width) / 2
        originNorthing = projectedBox.maxY + (area.height / s - height) / 2
    }

    /// Metres per pixel.
    public var metresPerPixel: Double { 1 / scale }

    /// Pixel x of an easting (m).
    @inlinable public func pixelX(_ easting: Double) -> Double { area.minX + (easting - originEasting) * scale }
    /// Pixel y of a northing (m).
    @inlinable public func pixelY(_ northing: Double) -> Double { area.minY + (originNorthing - northing) * scale }

    /// Projects a lon/lat geometry to metres (one PROJ call per coordinate sequence).
    public func project(_ geometry: Geometry) throws(PROJError) -> Geometry {
        try transformer.transform(geometry)
    }

    /// The angle (degrees, clockwise from page-up) at which true north points at
    /// lon/lat `position`: the grid convergence of the projection there.
    public func northAngle(at position: Position) throws(PROJError) -> Double {
        let a = try transformer.transform(position)
        let b = try transformer.transform(Position(x: position.x, y: min(position.y + 0.01, 89.99)))
        return atan2Degrees(b.x - a.x, b.y - a.y)
    }
}

/// The bearing of the vector (dx, dy) clockwise from +y, degrees.
func atan2Degrees(_ dx: Double, _ dy: Double) -> Double {
    atan2(dx, dy) * 180 / Double.pi
}
