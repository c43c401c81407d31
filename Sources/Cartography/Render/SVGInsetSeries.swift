import GeoCore
import PROJ

/// Many inset maps over one base map: the same base layers in the same frame, each inset
/// leaving out at most one base feature and drawing one highlight layer on top (the park
/// pages' locators: every district and park, with the page's park in red).
///
/// Why: a province's 823 park pages each drew all 156 districts and 600 parks again, so the
/// locators cost pages × parks (issue 19: the park pages grew as n^1.14 from 1 M to 10 M firms).
/// Here every base feature's SVG element is made once, and an inset is assembled from them.
///
/// The text is byte for byte `SVGMapRenderer.render` of the same document (base layers without
/// the left-out feature, then the highlight): the frame depends only on the extent of every
/// feature, and that is the base's whenever the highlight lies within the base's extent and
/// covers the left-out feature's, both in lon/lat (which picks the metric CRS) and projected
/// (which fits the frame). Any other inset, or any map with labels (placed against every other
/// label), is drawn in full by the renderer instead.
public struct SVGInsetSeries {
    let renderer: SVGMapRenderer
    let size: MapSize
    let base: [MapLayer]
    /// The shared frame and the extents that fix it (lon/lat and projected, before the margin);
    /// nil when the base cannot be assembled (labels, no geometry): every inset is then drawn in full.
    let shared: (frame: MapFrame, lonLat: BoundingBox, projected: BoundingBox)?
    /// Per base layer, its group's opening, and per feature its elements and boxes (lon/lat, projected).
    let openings: [String]
    let elements: [[String]]
    let boxes: [[(lonLat: BoundingBox?, projected: BoundingBox?)]]

    /// - Parameter options: must be an inset's (`inset: true`); other maps are always drawn in full.
    public init(base: [MapLayer], options: SVGMapRenderer.Options, size: MapSize) throws(CartographyError) {
        renderer = SVGMapRenderer(options: options)
        self.size = size
        self.base = base
        let labelled = base.contains { $0.features.contains { $0.label != nil } }
        let document = MapDocument(title: "", layers: base)
        guard options.inset, !labelled, let lonLat = document.boundingBox else {
            shared = nil
            openings = []
            elements = []
            boxes = []
            return
        }
        let (frame, geometries, _) = try renderer.projected(document, size: size)
        var writer = SVGDocumentWriter(frame: frame, layout: renderer.pageLayout(size), options: options)
        let encoder = writer.pathEncoder
        var projected = BoundingBox.empty
        var openings: [String] = [], elements: [[String]] = [], boxes: [[(lonLat: BoundingBox?, projected: BoundingBox?)]] = []
        for (layer, layerGeometries) in zip(base, geometries) {
            writer.openLayer(layer)
            openings.append(writer.takeText())
            var texts: [String] = [], layerBoxes: [(lonLat: BoundingBox?, projected: BoundingBox?)] = []
            texts.reserveCapacity(layer.features.count)
            for (styled, geometry) in zip(layer.features, layerGeometries) {
                if let b = geometry?.boundingBox { projected.extend(with: b) }
                layerBoxes.append((styled.feature.geometry?.boundingBox, geometry?.boundingBox))
                writer.feature(styled, projected: geometry, encoder: encoder)
                texts.append(writer.takeText())
            }
            elements.append(texts)
            boxes.append(layerBoxes)
        }
        shared = (frame, lonLat, projected)
        self.openings = openings
        self.elements = elements
        self.boxes = boxes
    }

    /// The inset titled `title`: the base layers without feature `omitting` (if any), then `highlight`.
    public func render(title: String, omitting: (layer: Int, feature: Int)?, highlight: MapLayer) throws(CartographyError) -> String {
        guard let shared, !highlight.features.contains(where: { $0.label != nil }),
              let projected = try projectedWithin(shared, highlight, omitting: omitting) else {
            return try renderer.render(document(title: title, omitting: omitting, highlight: highlight), size: size)
        }
        var writer = SVGDocumentWriter(frame: shared.frame, layout: renderer.pageLayout(size), options: renderer.options)
        writer.open(title: title)
        writer.openMap()
        var text = writer.takeText()
        for l in base.indices {
            text += openings[l]
            for (f, element) in elements[l].enumerated() where !(omitting?.layer == l && omitting?.feature == f) {
                text += element
            }
            writer.closeLayer()
            text += writer.takeText()
        }
        writer.layer(highlight, projected: projected)
        // No feature has a label: the label groups are empty, as the renderer writes them.
        writer.labels([highlight], projected: [projected])
        writer.closeMap()
        writer.close()
        return text + writer.takeText()
    }

    /// The highlight's geometries projected in the shared frame, or nil when the inset's extent
    /// would not be the base's: a highlight outside it, or a left-out feature the highlight does not cover.
    func projectedWithin(_ shared: (frame: MapFrame, lonLat: BoundingBox, projected: BoundingBox),
                                 _ highlight: MapLayer, omitting: (layer: Int, feature: Int)?) throws(CartographyError) -> [Geometry?]? {
        var out: [Geometry?] = []
        var lonLat = BoundingBox.empty, projected = BoundingBox.empty
        for f in highlight.features {
            guard let g = f.feature.geometry else {
                out.append(nil)
                continue
            }
            guard let box = g.boundingBox, Self.box(box, within: shared.lonLat) else { return nil }
            let p: Geometry
            do { p = try shared.frame.transformer.transform(g) } catch { throw .projection(error) }
            guard let pb = p.boundingBox, Self.box(pb, within: shared.projected) else { return nil }
            lonLat.extend(with: box)
            projected.extend(with: pb)
            out.append(p)
        }
        if let omitting {
            let left = boxes[omitting.layer][omitting.feature]
            if let b = left.lonLat, !Self.box(b, within: lonLat) { return nil }
            if let b = left.projected, !Self.box(b, within: projected) { return nil }
        }
        return out
    }

    /// `a` inside `b` (an empty `b` holds nothing).
    private static func box(_ a: BoundingBox, within b: BoundingBox) -> Bool {
        !b.isEmpty && a.minX >= b.minX && a.maxX <= b.maxX && a.minY >= b.minY && a.maxY <= b.maxY
    }

    private func document(title: String, omitting: (layer: Int, feature: Int)?, highlight: MapLayer) -> MapDocument {
        var layers = base
        if let omitting { layers[omitting.layer].features.remove(at: omitting.feature) }
        return MapDocument(title: title, layers: layers + [highlight])
    }
}
