/// Wraps a map SVG in a standalone HTML page with pan and zoom.
///
/// The page is self-contained: the SVG is inline, the script and style are
/// inline, and nothing is loaded from the network (no CDN, no web fonts), so it
/// opens offline and from a mail attachment. Interaction: mouse wheel zooms
/// about the pointer, dragging pans, and the +, − and reset buttons (or the
/// keys + − 0) do the same; a checkbox per layer shows or hides it; only the map content moves — title, legend and
/// north arrow stay put — and the scale bar is redrawn for the zoom with a nice
/// round length, from the SVG's `data-metres-per-pixel`. Labels keep their
/// screen size and dots grow only as k^0.3, so zooming in pulls crowded
/// features apart instead of magnifying the crowd.
public enum HTMLMapPage {
    /// The page around `svg` (the output of `SVGMapRenderer`).
    public static func wrap(svg: String, title: String) -> String {
        // Inline SVG in HTML needs no XML prolog and no namespace declaration
        // (the HTML parser puts <svg> in the SVG namespace), which also keeps the
        // page free of any URL.
        var body = svg
        if body.hasPrefix("<?xml"), let end = body.firstIndex(of: "\n") { body = String(body[body.index(after: end)...]) }
        body = body.replacingFirst(" xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        body = body.replacingFirst("<svg ", with: "<svg id=\"map-svg\" ")
        let t = SVGText.escape(title)
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(t)</title>
            <style>
            body{margin:0;background:#EDEDE8;font-family:\(SVGMapRenderer.defaultFontFamily)}
            #wrap{position:relative;display:inline-block;margin:8px}
            #map-svg{display:block;background:#FFF;box-shadow:0 1px 4px rgba(0,0,0,.25)}
            \(MapScript.style)
            #controls{left:24px;top:76px}
            #layers{left:70px;top:76px}
            </style>
            </head>
            <body>
            <div id="wrap" class="atlas-map">
            \(body)
            <div id="layers" class="map-layers"></div>
            <div id="controls" class="map-controls"><button id="zoom-in" class="zoom-in" title="放大 Zoom in">+</button><button id="zoom-out" class="zoom-out" title="缩小 Zoom out">−</button><button id="zoom-reset" class="zoom-reset" title="复位 Reset">⟲</button></div>
            <div class="map-info"></div>
            </div>
            <script>
            \(MapScript.source)
            </script>
            </body>
            </html>

            """
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
