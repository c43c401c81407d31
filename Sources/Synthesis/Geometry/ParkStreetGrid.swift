/// The street grid of a park: blocks separated by streets, each block cut into
/// parcels that share their side lines. Coordinates are park-local metres
/// (u along the park's width, v along its height, origin at the centre).
///
/// The numbers of blocks along each axis are even, so the park's centre lines
/// u = 0 and v = 0 are street centre lines: a sub-park drawn as a quadrant of
/// its parent never cuts through a parcel.
public struct ParkStreetGrid: Sendable, Hashable {
    public let width: Double
    public let height: Double
    /// Blocks along u and v (both even, ≥ 2).
    public let blocksU: Int
    public let blocksV: Int
    /// Parcels per block along u and v.
    public let parcelsPerBlockU: Int
    public let parcelsPerBlockV: Int
    /// Street width, metres (half of it is left on each side of a block edge).
    public let streetWidth: Double

    /// A grid with about `parcelCount` parcels of similar shape on a `width` × `height` park.
    public init(width: Double, height: Double, parcelCount: Int, parcelsPerBlockU: Int = 2, parcelsPerBlockV: Int = 2) {
        self.width = width
        self.height = height
        self.parcelsPerBlockU = max(1, parcelsPerBlockU)
        self.parcelsPerBlockV = max(1, parcelsPerBlockV)
        let perBlock = self.parcelsPerBlockU * self.parcelsPerBlockV
        let blocks = max(4, (max(parcelCount, 1) + perBlock - 1) / perBlock)
        let aspect = width / max(height, 1)
        var nu = Int((Double(blocks) * aspect).squareRoot().rounded())
        nu = max(2, nu + (nu % 2))
        var nv = (blocks + nu - 1) / nu
        nv = max(2, nv + (nv % 2))
        blocksU = nu
        blocksV = nv
        let pitch = min(width / Double(nu), height / Double(nv))
        streetWidth = min(24, pitch * 0.12)
    }

    /// Total parcel cells.
    public var cellCount: Int { blocksU * blocksV * parcelsPerBlockU * parcelsPerBlockV }

    /// Park-local rectangle (u0, v0, u1, v1) of cell `k` (0 ≤ k < cellCount),
    /// ordered block by block, rows of blocks from v = −height/2 up.
    public func cell(_ k: Int) -> (u0: Double, v0: Double, u1: Double, v1: Double) {
        let perBlock = parcelsPerBlockU * parcelsPerBlockV
        let block = k / perBlock, q = k % perBlock
        let bu = block % blocksU, bv = block / blocksU
        let pu = q % parcelsPerBlockU, pv = q / parcelsPerBlockU
        let pitchU = width / Double(blocksU), pitchV = height / Double(blocksV)
        let half = streetWidth / 2
        let bu0 = -width / 2 + Double(bu) * pitchU + half, bu1 = -width / 2 + Double(bu + 1) * pitchU - half
        let bv0 = -height / 2 + Double(bv) * pitchV + half, bv1 = -height / 2 + Double(bv + 1) * pitchV - half
        // Same formula for a shared edge on both sides keeps neighbours exactly touching.
        func split(_ a: Double, _ b: Double, _ i: Int, _ n: Int) -> Double { i == n ? b : a + (b - a) * Double(i) / Double(n) }
        return (
            split(bu0, bu1, pu, parcelsPerBlockU), split(bv0, bv1, pv, parcelsPerBlockV),
            split(bu0, bu1, pu + 1, parcelsPerBlockU), split(bv0, bv1, pv + 1, parcelsPerBlockV)
        )
    }
}

extension ParkStreetGrid {
    /// Distance between street centre lines along u, metres.
    public var pitchU: Double { width / Double(blocksU) }
    /// Distance between street centre lines along v, metres.
    public var pitchV: Double { height / Double(blocksV) }
}
