import GeoCore
import PROJ

/// Renders a `MapDocument` as one standalone SVG 1.1 document.
///
/// The map is drawn in the local metric CRS of its extent (`MapFrame`), with a
/// title band, a legend panel, a scale bar of a nice round length, a north
/// arrow turned by the grid convergence, and labels (e.g. park names) placed
/// greedily to avoid overlaps. Text is XML-escaped; fonts are a CSS list with
/// CJK fallbacks, so Chinese renders wherever one of them is installed.
///
/// The map content sits in `<g id="map-content">` inside a clip to the map
/// area, which the HTML page (`HTMLMapPage`) pans and zooms; the scale bar
/// carries `data-length-m` / `data-metres-per-pixel` so the page can redraw it.
///
/// Size: pixel coordinates are written with `coordinateDecimals` fraction
/// digits (default 1, i.e. 0.1 px) and sub-pixel vertices are thinned
/// (`PathEncoder`), so 4,000 parcels and 3,000 enterprises take well under a few MB.
public struct SVGMapRenderer: Sendable {
    /// Rendering settings.
    public struct Options: Sendable, Hashable {
        /// Fraction digits of pixel coordinates.
        public var coordinateDecimals: Int
        /// Vertices closer than this to the previous kept one are skipped, pixels.
        public var vertexTolerance: Double
        /// CSS font-family list; CJK families first so Chinese never falls back to boxes.
        public var fontFamily: String
        /// Base label size, pixels.
        public var labelFontSize: Double
        /// A locator inset: the whole page is map, without title, legend, scale bar or north arrow.
        public var inset: Bool
        /// Each feature's `description` and properties go into a `<desc>` child of its element, one
        /// "key: value" line each, which `MapScript` shows on hover or tap (off for an inset).
        public var featureProperties: Bool
        /// Each feature's `title` goes into a `<title>` child (the browser's tooltip); off for
        /// a printed map, which has no pointer.
        public var featureTitles: Bool

        public init(
            coordinateDecimals: Int = 1, vertexTolerance: Double = 0.4,
            fontFamily: String = SVGMapRenderer.defaultFontFamily, labelFontSize: Double = 13, inset: Bool = false,
            featureProperties: Bool? = nil, featureTitles: Bool = true
        ) {
            self.featureTitles = featureTitles
            self.coordinateDecimals = coordinateDecimals
            self.vertexTolerance = vertexTolerance
            self.fontFamily = fontFamily
            self.labelFontSize = labelFontSize
            self.inset = inset
            self.featureProperties = featureProperties ?? !inset
        }
    }

    /// CJK-capable sans-serif families on Linux, Windows and macOS, then the generic family.
    public static let defaultFontFamily =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans SC', sans-serif"

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Renders with default options.
    public static func render(_ document: MapDocument, size: MapSize = .standard) throws(CartographyError) -> String {
        try SVGMapRenderer().render(document, size: size)
    }

    /// The frame `render` uses for `document` at `size` (exposed so that tests
    /// and callers can compute where a coordinate lands).
    public func frame(for document: MapDocument, size: MapSize) throws(CartographyError) -> MapFrame {
        try projected(document, size: size).frame
    }

    /// The SVG text.
    public func render(_ document: MapDocument, size: MapSize = .standard) throws(CartographyError) -> String {
        let (frame, geometries, centre) = try projected(document, size: size)
        let layout = pageLayout(size)
        var svg = SVGDocumentWriter(frame: frame, layout: layout, options: options)
        svg.open(title: document.title)
        svg.openMap()
        for (layer, projectedFeatures) in zip(document.layers, geometries) {
            svg.layer(layer, projected: projectedFeatures)
        }
        svg.labels(document.layers, projected: geometries)
        svg.closeMap()
        if options.inset {
            svg.close()
            return svg.text
        }
        svg.title(document.title, subtitle: document.subtitle)
        svg.legend(document.layers)
        svg.scaleBar()
        let angle: Double
        do { angle = try frame.northAngle(at: centre) } catch { throw .projection(error) }
        svg.northArrow(angle: angle)
        svg.close()
        return svg.text
    }

    /// The page layout: the standard one, or for an inset the whole page as map.
    func pageLayout(_ size: MapSize) -> PageLayout {
        options.inset ? PageLayout(size: size, margin: 1, titleHeight: 1, legendWidth: 0) : PageLayout(size: size)
    }

    /// Projects every geometry once (one bulk PROJ call per coordinate sequence)
    /// and fits the projected extent into the map area.
    func projected(_ document: MapDocument, size: MapSize) throws(CartographyError)
        -> (frame: MapFrame, geometries: [[Geometry?]], centre: Position)
    {
        guard let lonLatBox = document.boundingBox else { throw .emptyMap }
        do {
            let crs = try LocalMetricCRS.crs(forExtent: lonLatBox)
            let transformer = try Transformer(from: .wgs84, to: crs)
            var box = BoundingBox.empty
            let geometries: [[Geometry?]] = try document.layers.map { layer throws(PROJError) -> [Geometry?] in
                var out: [Geometry?] = []
                out.reserveCapacity(layer.features.count)
                for f in layer.features {
                    guard let g = f.feature.geometry else {
                        out.append(nil)
                        continue
                    }
                    let p = try transformer.transform(g)
                    if let b = p.boundingBox { box.extend(with: b) }
                    out.append(p)
                }
                return out
            }
            // A 3 % margin keeps outlines off the frame edge.
            let padded = box.expanded(by: max(box.width, box.height) * 0.03)
            let frame = MapFrame(crs: crs, transformer: transformer, projectedBox: padded, area: pageLayout(size).mapArea)
            return (frame, geometries, lonLatBox.center)
        } catch {
            throw .projection(error)
        }
    }
}
