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
            #map-svg{display:block;background:#FFF;box-shadow:0 1px 4px rgba(0,0,0,.25);cursor:grab;user-select:none;touch-action:none}
            #map-svg.dragging{cursor:grabbing}
            #controls{position:absolute;left:24px;top:76px;display:flex;flex-direction:column;gap:4px}
            #controls button{width:32px;height:32px;font-size:18px;line-height:1;border:1px solid #999;background:#FFF;border-radius:4px;cursor:pointer}
            #controls button:hover{background:#F0F0F0}
            #layers{position:absolute;left:70px;top:76px;display:flex;flex-direction:column;gap:2px;background:rgba(255,255,255,.85);padding:4px 8px;border:1px solid #CCC;border-radius:4px;font-size:12px}
            </style>
            </head>
            <body>
            <div id="wrap">
            \(body)
            <div id="layers"></div>
            <div id="controls"><button id="zoom-in" title="放大 Zoom in">+</button><button id="zoom-out" title="缩小 Zoom out">−</button><button id="zoom-reset" title="复位 Reset">⟲</button></div>
            </div>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    /// Pan/zoom: a translate+scale transform on #map-content; the scale bar follows the zoom.
    static let script = """
        (function () {
          var svg = document.getElementById('map-svg');
          var content = document.getElementById('map-content');
          var mpp = parseFloat(svg.getAttribute('data-metres-per-pixel'));
          var sb = document.getElementById('scalebar');
          var maxPx = parseFloat(sb.getAttribute('data-max-px'));
          var x0 = parseFloat(sb.getAttribute('data-x'));
          var k = 1, tx = 0, ty = 0, drag = null, drawnK = 1;
          // Labels keep their size on screen and dots grow only slowly, so zooming in separates them.
          function num(e, a) { return parseFloat(e.getAttribute(a)); }
          var labels = Array.prototype.map.call(content.querySelectorAll('#labels text'), function (t) {
            return [t, num(t, 'font-size'), num(t, 'x'), num(t, 'y'), num(t, 'data-ax'), num(t, 'data-ay')]; });
          var leaders = Array.prototype.map.call(content.querySelectorAll('#label-leaders path'), function (p) {
            return [p, num(p, 'data-ax'), num(p, 'data-ay'), num(p, 'data-tx'), num(p, 'data-ty')]; });
          var dots = Array.prototype.map.call(content.querySelectorAll('circle'), function (c) { return [c, parseFloat(c.getAttribute('r'))]; });
          function resize() {
            if (k === drawnK) return;
            drawnK = k;
            // A label keeps its on-screen offset from its anchor: anchor + offset / k.
            labels.forEach(function (l) {
              l[0].setAttribute('font-size', l[1] / k); l[0].style.strokeWidth = (3 / k) + 'px';
              l[0].setAttribute('x', l[4] + (l[2] - l[4]) / k); l[0].setAttribute('y', l[5] + (l[3] - l[5]) / k); });
            leaders.forEach(function (p) {
              p[0].setAttribute('d', 'M' + p[1] + ' ' + p[2] + 'L' + (p[1] + (p[3] - p[1]) / k) + ' ' + (p[2] + (p[4] - p[2]) / k)); });
            var f = Math.pow(k, -0.7);
            dots.forEach(function (d) { d[0].setAttribute('r', d[1] * f); });
          }
          function nice(m) { var p = Math.pow(10, Math.floor(Math.log10(m))); var s = [5, 2, 1]; for (var i = 0; i < 3; i++) { if (s[i] * p <= m) return s[i] * p; } return p; }
          function label(m) { return m >= 1000 ? (+(m / 1000).toFixed(3)) + ' km' : (+m.toFixed(3)) + ' m'; }
          function svgPoint(ev) { var r = svg.getBoundingClientRect(); var vb = svg.viewBox.baseVal; return [(ev.clientX - r.left) * vb.width / r.width, (ev.clientY - r.top) * vb.height / r.height]; }
          function update() {
            content.setAttribute('transform', 'translate(' + tx + ' ' + ty + ') scale(' + k + ')');
            resize();
            var len = nice(maxPx * mpp / k), px = len * k / mpp;
            var a = document.getElementById('sb-a'), b = document.getElementById('sb-b');
            a.setAttribute('width', px / 2); b.setAttribute('x', x0 + px / 2); b.setAttribute('width', px / 2);
            var mid = document.getElementById('sb-mid'), end = document.getElementById('sb-end');
            mid.setAttribute('x', x0 + px / 2); mid.textContent = label(len / 2);
            end.setAttribute('x', x0 + px); end.textContent = label(len);
            sb.firstElementChild.setAttribute('width', px + 44);
          }
          function zoomAt(f, cx, cy) { var nk = Math.min(200, Math.max(0.5, k * f)); f = nk / k; tx = cx - (cx - tx) * f; ty = cy - (cy - ty) * f; k = nk; update(); }
          // Buttons zoom about the centre of the map area, not of the page.
          var frame = document.getElementById('map-frame');
          function centre() { return [num(frame, 'x') + num(frame, 'width') / 2, num(frame, 'y') + num(frame, 'height') / 2]; }
          svg.addEventListener('wheel', function (ev) { ev.preventDefault(); var p = svgPoint(ev); zoomAt(Math.exp(-ev.deltaY * 0.0015), p[0], p[1]); }, { passive: false });
          svg.addEventListener('pointerdown', function (ev) { drag = svgPoint(ev); svg.setPointerCapture(ev.pointerId); svg.classList.add('dragging'); });
          svg.addEventListener('pointermove', function (ev) { if (!drag) return; var p = svgPoint(ev); tx += p[0] - drag[0]; ty += p[1] - drag[1]; drag = p; update(); });
          function stop() { drag = null; svg.classList.remove('dragging'); }
          svg.addEventListener('pointerup', stop); svg.addEventListener('pointercancel', stop);
          // One checkbox per layer to show or hide it.
          var toggles = document.getElementById('layers');
          Array.prototype.forEach.call(content.querySelectorAll('g.layer'), function (g) {
            var label = document.createElement('label'), box = document.createElement('input');
            box.type = 'checkbox'; box.checked = true;
            box.onchange = function () { g.style.display = box.checked ? '' : 'none'; };
            label.appendChild(box); label.appendChild(document.createTextNode(' ' + g.getAttribute('data-title')));
            toggles.appendChild(label);
          });
          document.getElementById('zoom-in').onclick = function () { var c = centre(); zoomAt(1.5, c[0], c[1]); };
          document.getElementById('zoom-out').onclick = function () { var c = centre(); zoomAt(1 / 1.5, c[0], c[1]); };
          document.getElementById('zoom-reset').onclick = function () { k = 1; tx = 0; ty = 0; update(); };
          document.addEventListener('keydown', function (ev) { var c = centre(); if (ev.key === '+' || ev.key === '=') zoomAt(1.5, c[0], c[1]); else if (ev.key === '-') zoomAt(1 / 1.5, c[0], c[1]); else if (ev.key === '0') { k = 1; tx = 0; ty = 0; update(); } });
        })();
        """
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
