/// A scale bar of a "nice" round length.
///
/// The length is the largest 1, 2 or 5 × 10ⁿ metres that fits in
/// `maximumPixels` at the map's scale; labels are in m below 1 km, else km.
public struct ScaleBar: Sendable, Hashable {
    /// Ground length the bar stands for, metres.
    public let lengthMetres: Double
    /// Its drawn length, pixels (= `lengthMetres` × pixels per metre).
    public let lengthPixels: Double

    /// - Parameters:
    ///   - pixelsPerMetre: the map scale.
    ///   - maximumPixels: the longest bar wanted.
    public init(pixelsPerMetre: Double, maximumPixels: Double) {
        let maxMetres = maximumPixels / pixelsPerMetre
        lengthMetres = ScaleBar.niceLength(atMost: maxMetres)
        lengthPixels = lengthMetres * pixelsPerMetre
    }

    /// The largest 1, 2 or 5 × 10ⁿ not above `limit` (limit > 0).
    public static func niceLength(atMost limit: Double) -> Double {
        guard limit > 0, limit.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= limit { power *= 10 }
        while power > limit { power /= 10 }
        for step in [5.0, 2.0, 1.0] where step * power <= limit { return step * power }
        return power
    }

    /// "500 m", "2 km", "0.5 km" style text for a length in metres.
    public static func label(metres: Double) -> String {
        if metres >= 1000 {
            let km = metres / 1000
            return (km == km.rounded() ? String(Int(km)) : SVGText.number(km, decimals: 3)) + " km"
        }
        return (metres == metres.rounded() ? String(Int(metres)) : SVGText.number(metres, decimals: 3)) + " m"
    }
}
