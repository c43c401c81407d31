import GeoCore

/// Writes the parts of the map SVG in order; `SVGMapRenderer` drives it.
struct SVGDocumentWriter {
    let frame: MapFrame
    let layout: PageLayout
    let options: SVGMapRenderer.Options
    private(set) var text = ""

    init(frame: MapFrame, layout: PageLayout, options: SVGMapRenderer.Options) {
        self.frame = frame
        self.layout = layout
        self.options = options
        text.reserveCapacity(1 << 20)
    }

    private func n(_ v: Double) -> String { SVGText.number(v, decimals: options.coordinateDecimals) }
    private func e(_ s: String) -> String { SVGText.escape(s) }

    mutating func open(title: String) {
        let w = n(layout.size.width), h = n(layout.size.height)
        let area = layout.mapArea
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        text += " font-family=\"\(e(options.fontFamily))\""
        text += " data-crs=\"\(e(frame.crs.epsgCode.map { "EPSG:\($0)" } ?? frame.crs.name))\""
        text += " data-metres-per-pixel=\"\(SVGText.number(frame.metresPerPixel, decimals: 6))\">\n"
        text += "<title>\(e(title))</title>\n"
        text += "<style>\n"
        text += "text{font-family:\(options.fontFamily)}\n"
        text += ".label{fill:#1A1A1A;stroke:#FFFFFF;stroke-width:3px;stroke-linejoin:round;paint-order:stroke;text-anchor:middle;dominant-baseline:central;font-weight:bold}\n"
        text += ".label.minor{fill:#6B6B6B;font-weight:normal;letter-spacing:1px}\n"
        text += "#map-content path,#map-content circle{vector-effect:non-scaling-stroke}\n"
        text += ".legend-heading{font-size:13px;font-weight:bold;fill:#222}\n.legend-item{fill:#333}\n"
        text += "</style>\n"
        text += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#FFFFFF\"/>\n"
        text += "<defs><clipPath id=\"map-clip\"><rect x=\"\(n(area.minX))\" y=\"\(n(area.minY))\" width=\"\(n(area.width))\" height=\"\(n(area.height))\"/></clipPath></defs>\n"
        text += "<rect id=\"map-frame\" x=\"\(n(area.minX))\" y=\"\(n(area.minY))\" width=\"\(n(area.width))\" height=\"\(n(area.height))\" fill=\"#F7F7F2\" stroke=\"#999999\" stroke-width=\"1\"/>\n"
    }

    mutating func openMap() {
        text += "<g clip-path=\"url(#map-clip)\">\n<g id=\"map-content\">\n"
    }

    mutating func closeMap() { text += "</g>\n</g>\n" }

    mutating func close() { text += "</svg>\n" }

    /// One layer's features, in order.
    mutating func layer(_ layer: MapLayer, projected: [Geometry?]) {
        let encoder = pathEncoder
        openLayer(layer)
        for (styled, geometry) in zip(layer.features, projected) {
            feature(styled, projected: geometry, encoder: encoder)
        }
        closeLayer()
    }

    var pathEncoder: PathEncoder {
        PathEncoder(frame: frame, decimals: options.coordinateDecimals, tolerance: options.vertexTolerance)
    }

    /// The group of a layer, up to its first feature.
    mutating func openLayer(_ layer: MapLayer) {
        // Dots take their thin white outline from the group (one attribute pair per layer, not per dot).
        text += "<g id=\"layer-\(e(layer.name))\" class=\"layer\" data-layer=\"\(e(layer.name))\" data-title=\"\(e(layer.title))\" fill-rule=\"evenodd\" stroke-linejoin=\"round\" stroke=\"#FFFFFF\" stroke-width=\"0.5\">\n"
    }

    mutating func closeLayer() { text += "</g>\n" }

    /// The text written so far, leaving the writer empty (`SVGInsetSeries` keeps features' elements).
    mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    /// One feature's elements (nothing for a feature without geometry).
    mutating func feature(_ styled: StyledFeature, projected geometry: Geometry?, encoder: PathEncoder) {
        guard let geometry else { return }
        let style = styled.style
        let desc = options.featureProperties ? Self.propertyLines(styled.feature.properties, description: style.description) : nil
        switch geometry {
        case .point(let p):
            circle(x: frame.pixelX(p.x), y: frame.pixelY(p.y), style: style, desc: desc)
        case .multiPoint(let s):
            for i in 0..<s.count { circle(x: frame.pixelX(s.x(i)), y: frame.pixelY(s.y(i)), style: style, desc: desc) }
        default:
            let d = encoder.pathData(geometry)
            guard !d.isEmpty else { return }
            if let link = style.link { text += "<a href=\"\(e(link))\">" }
            text += "<path d=\"\(d)\""
            let polygonal = geometry.isPolygonal || !geometry.polygons.isEmpty
            text += paintAttributes(style, filled: polygonal)
            closeElement("path", title: style.title, desc: desc)
            if style.link != nil { text += "</a>\n" }
            // A labelled area (a park) smaller than a few pixels at this scale would
            // vanish under its own label: a ring in its outline colour marks it.
            if styled.label != nil, let box = geometry.boundingBox, max(box.width, box.height) * frame.scale < 8 {
                text += "<circle class=\"small-area\" cx=\"\(n(frame.pixelX(box.center.x)))\" cy=\"\(n(frame.pixelY(box.center.y)))\" r=\"4.5\" fill=\"#FFFFFF\" fill-opacity=\"0.6\" stroke=\"\(e(style.stroke ?? "#333333"))\" stroke-width=\"2\""
                closeElement("circle", title: style.title, desc: desc)
            }
        }
    }

    private mutating func circle(x: Double, y: Double, style: FeatureStyle, desc: String?) {
        text += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(style.markerRadius))\" fill=\"\(style.markerColor ?? style.fill ?? "#555555")\""
        closeElement("circle", title: style.title, desc: desc)
    }

    /// Closes a feature's element with its `<title>` (the browser's tooltip) and `<desc>`
    /// (its properties, which the HTML page's script shows on hover or tap).
    private mutating func closeElement(_ name: String, title: String?, desc: String? = nil) {
        let title = options.featureTitles ? title : nil
        guard title != nil || desc != nil else {
            text += "/>\n"
            return
        }
        text += ">"
        if let title { text += "<title>\(e(title))</title>" }
        if let desc { text += "<desc>\(e(desc))</desc>" }
        text += "</\(name)>\n"
    }

    /// A feature's description and properties as lines, "key: value" (nulls and empty lists
    /// left out, numbers as in the input, lists joined by ", "); nil when there is nothing to show.
    static func propertyLines(_ properties: JSONObject?, description: String?) -> String? {
        var lines: [String] = []
        if let description, !description.isEmpty { lines.append(description) }
        for m in properties ?? JSONObject() {
            if let v = propertyText(m.value) { lines.append("\(m.key): \(v)") }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func propertyText(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .double(let d): return d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        case .string(let s): return s.isEmpty ? nil : s
        case .array(let a):
            let items = a.compactMap(propertyText)
            return items.isEmpty ? nil : items.joined(separator: ", ")
        case .object(let o):
            let items = o.compactMap { m in propertyText(m.value).map { "\(m.key)=\($0)" } }
            return items.isEmpty ? nil : items.joined(separator: ", ")
        }
    }

    private func paintAttributes(_ style: FeatureStyle, filled: Bool) -> String {
        var a = ""
        if filled, let fill = style.fill {
            a += " fill=\"\(e(fill))\""
            if style.fillOpacity < 1 { a += " fill-opacity=\"\(SVGText.number(style.fillOpacity, decimals: 2))\"" }
        } else {
            a += " fill=\"none\""
        }
        if let stroke = style.stroke {
            a += " stroke=\"\(e(stroke))\" stroke-width=\"\(SVGText.number(style.strokeWidth, decimals: 2))\""
            if let dash = style.strokeDash, !dash.isEmpty {
                a += " stroke-dasharray=\"\(dash.map { SVGText.number($0, decimals: 2) }.joined(separator: " "))\""
            }
        } else {
            a += " stroke=\"none\""
        }
        return a
    }

    /// Labels of every labelled feature: primary ones first (larger first), then
    /// secondary ones where they still fit. Displaced labels get a leader line.
    mutating func labels(_ layers: [MapLayer], projected: [[Geometry?]]) {
        struct Candidate { var text: String; var x: Double; var y: Double; var scale: Double; var primary: Bool; var order: Int }
        var candidates: [Candidate] = []
        let area = layout.mapArea
        var placer = LabelPlacer(area: (area.minX, area.minY, area.maxX, area.maxY))
        for (layer, geometries) in zip(layers, projected) {
            for (styled, geometry) in zip(layer.features, geometries) {
                guard let label = styled.label, !label.isEmpty, let geometry, let anchor = labelAnchor(geometry) else { continue }
                // An area smaller than its label would be hidden by it: keep every label off it,
                // its own label goes beside it.
                if let box = geometry.boundingBox, styled.labelPriority == .primary {
                    let size = options.labelFontSize * styled.labelScale
                    let w = box.width * frame.scale, h = box.height * frame.scale
                    if w < SVGText.estimatedWidth(label, fontSize: size) || h < size * 1.25 {
                        placer.addObstacle((frame.pixelX(box.minX), frame.pixelY(box.maxY), frame.pixelX(box.maxX), frame.pixelY(box.minY)))
                    }
                }
                candidates.append(Candidate(
                    text: label, x: anchor.x, y: anchor.y, scale: styled.labelScale,
                    primary: styled.labelPriority == .primary, order: candidates.count))
            }
        }
        candidates.sort {
            if $0.primary != $1.primary { return $0.primary }
            return $0.scale != $1.scale ? $0.scale > $1.scale : $0.order < $1.order
        }
        var leaders = "", texts = ""
        for c in candidates {
            let size = options.labelFontSize * c.scale
            let width = SVGText.estimatedWidth(c.text, fontSize: size)
            guard let placed = placer.place(
                x: c.x, y: c.y, width: width, height: size * 1.25, forceAll: c.primary,
                rings: c.primary ? 4 : 1) else { continue }
            if placed.displaced {
                // From the anchor to the nearest point of the label's box.
                let tx = min(max(c.x, placed.box.minX), placed.box.maxX), ty = min(max(c.y, placed.box.minY), placed.box.maxY)
                leaders += "<path d=\"M\(n(c.x)) \(n(c.y))L\(n(tx)) \(n(ty))\" data-ax=\"\(n(c.x))\" data-ay=\"\(n(c.y))\" data-tx=\"\(n(tx))\" data-ty=\"\(n(ty))\"/>\n"
                leaders += "<circle cx=\"\(n(c.x))\" cy=\"\(n(c.y))\" r=\"1.8\"/>\n"
            }
            let cls = c.primary ? "label" : "label minor"
            // data-ax/ay: the anchor, so that the HTML page keeps the label's on-screen offset when zooming.
            texts += "<text class=\"\(cls)\" x=\"\(n(placed.x))\" y=\"\(n(placed.y))\" data-ax=\"\(n(c.x))\" data-ay=\"\(n(c.y))\" font-size=\"\(n(size))\">\(e(c.text))</text>\n"
        }
        text += "<g id=\"label-leaders\" stroke=\"#333333\" stroke-width=\"0.8\" fill=\"#333333\">\n" + leaders + "</g>\n"
        text += "<g id=\"labels\">\n" + texts + "</g>\n"
    }

    /// Pixel anchor of a label: the area centroid of the largest polygon's
    /// exterior ring; for points, the point.
    private func labelAnchor(_ geometry: Geometry) -> Position? {
        if case .point(let p) = geometry { return Position(x: frame.pixelX(p.x), y: frame.pixelY(p.y) - 8) }
        var best: (area: Double, x: Double, y: Double)?
        for polygon in geometry.polygons {
            guard let ring = polygon.exterior, ring.count >= 3 else { continue }
            let (area, cx, cy) = Self.centroid(ring)
            if best == nil || abs(area) > best!.area { best = (abs(area), cx, cy) }
        }
        guard let best else {
            return geometry.boundingBox.map { Position(x: frame.pixelX($0.center.x), y: frame.pixelY($0.center.y)) }
        }
        return Position(x: frame.pixelX(best.x), y: frame.pixelY(best.y))
    }

    /// Signed area and centroid of a ring (shoelace), offset by the first vertex for precision.
    static func centroid(_ ring: CoordinateSequence) -> (Double, Double, Double) {
        let x0 = ring.x(0), y0 = ring.y(0)
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<(ring.count - 1) {
            let xi = ring.x(i) - x0, yi = ring.y(i) - y0, xj = ring.x(i + 1) - x0, yj = ring.y(i + 1) - y0
            let cross = xi * yj - xj * yi
            a += cross
            cx += (xi + xj) * cross
            cy += (yi + yj) * cross
        }
        guard a != 0 else {
            let b = ring.boundingBox!
            return (0, b.center.x, b.center.y)
        }
        return (a / 2, x0 + cx / (3 * a), y0 + cy / (3 * a))
    }

    mutating func title(_ title: String, subtitle: String?) {
        let x = n(layout.margin)
        text += "<g id=\"map-title\">\n"
        text += "<text x=\"\(x)\" y=\"32\" font-size=\"22\" font-weight=\"bold\" fill=\"#1A1A1A\">\(e(title))</text>\n"
        if let subtitle {
            text += "<text x=\"\(x)\" y=\"52\" font-size=\"12\" fill=\"#555555\">\(e(subtitle))</text>\n"
        }
        text += "</g>\n"
    }

    /// The legend panel: layers from top (last drawn) to bottom, each a heading and swatch rows.
    mutating func legend(_ layers: [MapLayer]) {
        let area = layout.legendArea
        let shown = layers.reversed().filter { !$0.legend.isEmpty }
        let rows = shown.reduce(0) { $0 + $1.legend.count }
        // Natural sizes; shrunk together when the panel is too short.
        let natural = 24.0 + Double(shown.count) * 26 + Double(rows) * 17
        let factor = max(0.55, min(1, (area.height - 8) / natural))
        let rowHeight = 17 * factor, fontSize = (12 * factor).rounded(.down), headingGap = 26 * factor
        text += "<g id=\"legend\">\n"
        text += "<rect x=\"\(n(area.minX))\" y=\"\(n(area.minY))\" width=\"\(n(area.width))\" height=\"\(n(area.height))\" fill=\"#FFFFFF\" stroke=\"#CCCCCC\"/>\n"
        text += "<text class=\"legend-heading\" x=\"\(n(area.minX + 10))\" y=\"\(n(area.minY + 20))\" font-size=\"15\">图例 Legend</text>\n"
        var y = area.minY + 24 * factor + 8
        let maxLabelWidth = area.width - 44
        for layer in shown {
            guard y + headingGap < area.maxY else { break }
            y += headingGap
            text += "<text class=\"legend-heading\" x=\"\(n(area.minX + 10))\" y=\"\(n(y - 8 * factor))\" font-size=\"\(n(13 * factor))\">\(e(layer.title))</text>\n"
            for entry in layer.legend {
                guard y + rowHeight < area.maxY else {
                    text += "<text class=\"legend-item\" x=\"\(n(area.minX + 38))\" y=\"\(n(y + rowHeight * 0.7))\" font-size=\"\(n(fontSize))\">…</text>\n"
                    break
                }
                swatch(kind: layer.kind, style: entry.style, x: area.minX + 12, y: y + 2, height: rowHeight - 5)
                let label = Self.truncated(entry.label, width: maxLabelWidth, fontSize: fontSize)
                text += "<text class=\"legend-item\" x=\"\(n(area.minX + 38))\" y=\"\(n(y + rowHeight * 0.68))\" font-size=\"\(n(fontSize))\">\(e(label))</text>\n"
                y += rowHeight
            }
        }
        text += "</g>\n"
    }

    private mutating func swatch(kind: MapLayerKind, style: FeatureStyle, x: Double, y: Double, height: Double) {
        switch kind {
        case .polygon:
            var s = style
            // Thin white parcel edges would vanish on a white panel: outline swatches in grey.
            if s.stroke == "#FFFFFF" { s.stroke = "#888888"; s.strokeWidth = 0.6 }
            text += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"20\" height=\"\(n(height))\"\(paintAttributes(s, filled: true))/>\n"
        case .line:
            text += "<line x1=\"\(n(x))\" y1=\"\(n(y + height / 2))\" x2=\"\(n(x + 20))\" y2=\"\(n(y + height / 2))\"\(paintAttributes(style, filled: false))/>\n"
        case .point:
            text += "<circle cx=\"\(n(x + 10))\" cy=\"\(n(y + height / 2))\" r=\"\(n(max(3.5, style.markerRadius + 1)))\" fill=\"\(e(style.markerColor ?? "#555555"))\" stroke=\"#FFFFFF\" stroke-width=\"0.5\"/>\n"
        }
    }

    static func truncated(_ label: String, width: Double, fontSize: Double) -> String {
        guard SVGText.estimatedWidth(label, fontSize: fontSize) > width else { return label }
        var out = ""
        for ch in label {
            if SVGText.estimatedWidth(out + String(ch) + "…", fontSize: fontSize) > width { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// A two-segment bar at the bottom left of the map, at most a quarter of its width.
    mutating func scaleBar() {
        let area = layout.mapArea
        let bar = ScaleBar(pixelsPerMetre: frame.scale, maximumPixels: area.width * 0.25)
        let x0 = area.minX + 16, y0 = area.maxY - 22
        let half = bar.lengthPixels / 2
        text += "<g id=\"scalebar\" data-length-m=\"\(SVGText.number(bar.lengthMetres, decimals: 3))\" data-length-px=\"\(SVGText.number(bar.lengthPixels, decimals: 3))\" data-x=\"\(n(x0))\" data-max-px=\"\(n(area.width * 0.25))\">\n"
        text += "<rect x=\"\(n(x0 - 8))\" y=\"\(n(y0 - 22))\" width=\"\(n(bar.lengthPixels + 44))\" height=\"36\" fill=\"#FFFFFF\" fill-opacity=\"0.85\" rx=\"3\"/>\n"
        text += "<rect id=\"sb-a\" x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(half))\" height=\"6\" fill=\"#1A1A1A\" stroke=\"#1A1A1A\" stroke-width=\"1\"/>\n"
        text += "<rect id=\"sb-b\" x=\"\(n(x0 + half))\" y=\"\(n(y0))\" width=\"\(n(half))\" height=\"6\" fill=\"#FFFFFF\" stroke=\"#1A1A1A\" stroke-width=\"1\"/>\n"
        text += "<text x=\"\(n(x0))\" y=\"\(n(y0 - 5))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1A1A1A\">0</text>\n"
        text += "<text id=\"sb-mid\" x=\"\(n(x0 + half))\" y=\"\(n(y0 - 5))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1A1A1A\">\(e(ScaleBar.label(metres: bar.lengthMetres / 2)))</text>\n"
        text += "<text id=\"sb-end\" x=\"\(n(x0 + bar.lengthPixels))\" y=\"\(n(y0 - 5))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1A1A1A\">\(e(ScaleBar.label(metres: bar.lengthMetres)))</text>\n"
        text += "</g>\n"
    }

    /// A north arrow at the top right of the map, turned so it points to true north.
    mutating func northArrow(angle: Double) {
        let area = layout.mapArea
        let cx = area.maxX - 34, cy = area.minY + 46
        text += "<g id=\"north-arrow\" transform=\"translate(\(n(cx)) \(n(cy))) rotate(\(SVGText.number(angle, decimals: 2)))\">\n"
        text += "<circle cx=\"0\" cy=\"0\" r=\"24\" fill=\"#FFFFFF\" fill-opacity=\"0.85\" stroke=\"#999999\"/>\n"
        text += "<polygon points=\"0,-20 7,6 0,1 -7,6\" fill=\"#1A1A1A\"/>\n"
        text += "<polygon points=\"0,-20 0,1 -7,6\" fill=\"#FFFFFF\" stroke=\"#1A1A1A\" stroke-width=\"0.8\"/>\n"
        text += "<text x=\"0\" y=\"17\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#1A1A1A\">N 北</text>\n"
        text += "</g>\n"
    }
}
