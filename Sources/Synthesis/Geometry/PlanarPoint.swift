/// A point in a planar frame: metres in a `LocalFrame`, or degrees (x = lon, y = lat).
public struct PlanarPoint: Sendable, Hashable {
    /// Easting in metres, or longitude in degrees.
    public var x: Double
    /// Northing in metres, or latitude in degrees.
    public var y: Double

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}
