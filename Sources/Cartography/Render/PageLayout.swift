import GeoCore

/// Where the title band, the map area and the legend panel sit on a page.
///
/// The title takes a band at the top; the legend a panel on the right; the map
/// gets the rest, so data is never hidden under the legend.
public struct PageLayout: Sendable, Hashable {
    public let size: MapSize
    public let margin: Double
    public let titleHeight: Double
    public let legendWidth: Double

    public init(size: MapSize, margin: Double = 16, titleHeight: Double = 64, legendWidth: Double = 310) {
        self.size = size
        self.margin = margin
        self.titleHeight = titleHeight
        // A narrow page gives the legend at most 40 % of its width.
        self.legendWidth = min(legendWidth, size.width * 0.4)
    }

    /// The map's drawing area, pixels.
    public var mapArea: BoundingBox {
        BoundingBox(minX: margin, minY: titleHeight, maxX: size.width - legendWidth - margin, maxY: size.height - margin)
    }

    /// The legend panel, pixels.
    public var legendArea: BoundingBox {
        BoundingBox(minX: size.width - legendWidth, minY: titleHeight, maxX: size.width - margin, maxY: size.height - margin)
    }
}
