/// The size of a rendered map page, in CSS pixels.
public struct MapSize: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// 1400 × 1000: a landscape page that fits a laptop screen.
    public static let standard = MapSize(width: 1400, height: 1000)
}
