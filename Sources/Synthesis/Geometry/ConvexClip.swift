/// Intersection of convex polygons (Sutherland–Hodgman clipping), used to keep
/// parcels from crossing other parks and to measure planted overlaps.
public enum ConvexClip {
    /// The part of `subject` inside the convex counter-clockwise ring `clip`
    /// (open rings; `subject` may be any simple ring when `clip` is convex).
    public static func clip(_ subject: [PlanarPoint], by clip: [PlanarPoint]) -> [PlanarPoint] {
        var output = subject
        guard clip.count >= 3 else { return [] }
        var j = clip.count - 1
        for i in 0..<clip.count {
            let a = clip[j], b = clip[i]
            j = i
            let input = output
            output = []
            guard !input.isEmpty else { break }
            func side(_ p: PlanarPoint) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }
            var prev = input[input.count - 1]
            var prevSide = side(prev)
            for cur in input {
                let curSide = side(cur)
                if curSide >= 0 {
                    if prevSide < 0 { output.append(crossing(prev, cur, prevSide, curSide)) }
                    output.append(cur)
                } else if prevSide >= 0 {
                    output.append(crossing(prev, cur, prevSide, curSide))
                }
                prev = cur
                prevSide = curSide
            }
        }
        return output
    }

    private static func crossing(_ p: PlanarPoint, _ q: PlanarPoint, _ sp: Double, _ sq: Double) -> PlanarPoint {
        let t = sp / (sp - sq)
        return PlanarPoint(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t)
    }

    /// Area of the intersection of two convex counter-clockwise rings, in the
    /// square units of the coordinates.
    public static func intersectionArea(_ a: [PlanarPoint], _ b: [PlanarPoint]) -> Double {
        abs(PlanarRing.signedArea(clip(a, by: b)))
    }
}
