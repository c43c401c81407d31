/// A rectangle in a `LocalFrame` (metres), rotated by `angle` radians
/// counter-clockwise about its centre. Parks are laid out as these, and parcels
/// as sub-rectangles given in the park's own (u, v) axes.
public struct OrientedRect: Sendable, Hashable {
    /// Centre in frame metres.
    public var centre: PlanarPoint
    /// Extent along the rectangle's own u axis, metres.
    public var width: Double
    /// Extent along the rectangle's own v axis, metres.
    public var height: Double
    /// Rotation, radians counter-clockwise.
    public var angle: Double
    let cosA: Double
    let sinA: Double

    /// A rectangle of `width` × `height` metres about `centre`, rotated by `angle` radians.
    public init(centre: PlanarPoint, width: Double, height: Double, angle: Double = 0) {
        self.centre = centre
        self.width = width
        self.height = height
        self.angle = angle
        cosA = angle == 0 ? 1 : PortableMath.cos(angle)
        sinA = angle == 0 ? 0 : PortableMath.sin(angle)
    }

    /// Frame point of the rectangle-local coordinates (u, v), origin at the centre.
    @inline(__always)
    public func point(u: Double, v: Double) -> PlanarPoint {
        PlanarPoint(centre.x + u * cosA - v * sinA, centre.y + u * sinA + v * cosA)
    }

    /// Rectangle-local coordinates of a frame point.
    @inline(__always)
    public func local(_ p: PlanarPoint) -> PlanarPoint {
        let dx = p.x - centre.x, dy = p.y - centre.y
        return PlanarPoint(dx * cosA + dy * sinA, -dx * sinA + dy * cosA)
    }

    /// Whether a frame point lies inside.
    public func contains(_ p: PlanarPoint) -> Bool {
        let l = local(p)
        return abs(l.x) <= width / 2 && abs(l.y) <= height / 2
    }

    /// The four corners, counter-clockwise, as an open ring in frame metres.
    public var corners: [PlanarPoint] { subCorners(u0: -width / 2, v0: -height / 2, u1: width / 2, v1: height / 2) }

    /// Corners of the sub-rectangle [u0, u1] × [v0, v1] in local coordinates,
    /// counter-clockwise, in frame metres.
    public func subCorners(u0: Double, v0: Double, u1: Double, v1: Double) -> [PlanarPoint] {
        [point(u: u0, v: v0), point(u: u1, v: v0), point(u: u1, v: v1), point(u: u0, v: v1)]
    }

    /// The sub-rectangle [u0, u1] × [v0, v1] as a rectangle of its own.
    public func subRect(u0: Double, v0: Double, u1: Double, v1: Double) -> OrientedRect {
        OrientedRect(centre: point(u: (u0 + u1) / 2, v: (v0 + v1) / 2), width: u1 - u0, height: v1 - v0, angle: angle)
    }

    /// Area in square metres.
    public var area: Double { width * height }
}
