/// A single coordinate: longitude/easting `x`, latitude/northing `y`, optional height `z`.
///
/// Units follow the coordinate reference system of the data: degrees for
/// geographic CRSs (RFC 7946 order: longitude first), metres for projected ones.
public struct Position: Sendable, Hashable {
    public var x: Double
    public var y: Double
    /// Height or third ordinate; `nil` for 2-D data (never NaN as a stand-in).
    public var z: Double?

    @inlinable
    public init(x: Double, y: Double, z: Double? = nil) {
        self.x = x
        self.y = y
        self.z = z
    }

    @inlinable
    public init(_ x: Double, _ y: Double, _ z: Double? = nil) {
        self.init(x: x, y: y, z: z)
    }
}
