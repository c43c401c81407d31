/// A point in a planar frame: metres in a `LocalFrame`, or degrees (x = lon, y = lat).
public struct PlanarPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}
