/// The one small inline script of every interactive map: the `map --out x.html`
/// page and every map of the `analyze` report and its park pages.
///
/// It sets up every `.atlas-map` element holding an SVG from `SVGMapRenderer`
/// (ids may carry a prefix, so several maps share a page: parts are found by id
/// suffix): the mouse wheel zooms about the pointer, dragging pans, the +, − and
/// reset buttons (made when the page has none) do the same; a checkbox per layer
/// shows or hides it; hovering or tapping a feature shows its title and properties
/// (its `<title>` and `<desc>`, see `SVGMapRenderer.Options.featureProperties`) in the
/// map's `.map-info` box. Only the map content moves; the
/// scale bar is redrawn for the zoom with a nice round length from
/// `data-metres-per-pixel`. Labels keep their screen size and dots grow only as
/// k^0.3. No URL, no external resource: it works offline.
public enum MapScript {
    public static let source = """
        (function () {
          function num(e, a) { return parseFloat(e.getAttribute(a)); }
          function part(svg, name) { return svg.querySelector('[id$="' + name + '"]'); }
          function nice(m) { var p = Math.pow(10, Math.floor(Math.log10(m))); var s = [5, 2, 1]; for (var i = 0; i < 3; i++) { if (s[i] * p <= m) return s[i] * p; } return p; }
          function label(m) { return m >= 1000 ? (+(m / 1000).toFixed(3)) + ' km' : (+m.toFixed(3)) + ' m'; }
          var maps = [];
          function setup(wrap) {
            var svg = wrap.querySelector('svg[data-metres-per-pixel]');
            var content = svg && part(svg, 'map-content');
            if (!content) return;
            var mpp = num(svg, 'data-metres-per-pixel');
            var sb = part(svg, 'scalebar');
            var maxPx = sb ? num(sb, 'data-max-px') : 0, x0 = sb ? num(sb, 'data-x') : 0;
            var k = 1, tx = 0, ty = 0, drag = null, moved = 0, downTarget = null, drawnK = 1;
            var labels = Array.prototype.map.call(content.querySelectorAll('[id$="labels"] text'), function (t) {
              return [t, num(t, 'font-size'), num(t, 'x'), num(t, 'y'), num(t, 'data-ax'), num(t, 'data-ay')]; });
            var leaders = Array.prototype.map.call(content.querySelectorAll('[id$="label-leaders"] path'), function (p) {
              return [p, num(p, 'data-ax'), num(p, 'data-ay'), num(p, 'data-tx'), num(p, 'data-ty')]; });
            var dots = Array.prototype.map.call(content.querySelectorAll('circle'), function (c) { return [c, num(c, 'r')]; });
            function resize() {
              if (k === drawnK) return;
              drawnK = k;
              labels.forEach(function (l) {
                l[0].setAttribute('font-size', l[1] / k); l[0].style.strokeWidth = (3 / k) + 'px';
                l[0].setAttribute('x', l[4] + (l[2] - l[4]) / k); l[0].setAttribute('y', l[5] + (l[3] - l[5]) / k); });
              leaders.forEach(function (p) {
                p[0].setAttribute('d', 'M' + p[1] + ' ' + p[2] + 'L' + (p[1] + (p[3] - p[1]) / k) + ' ' + (p[2] + (p[4] - p[2]) / k)); });
              var f = Math.pow(k, -0.7);
              dots.forEach(function (d) { d[0].setAttribute('r', d[1] * f); });
            }
            function svgPoint(ev) { var r = svg.getBoundingClientRect(); var vb = svg.viewBox.baseVal; return [(ev.clientX - r.left) * vb.width / r.width, (ev.clientY - r.top) * vb.height / r.height]; }
            function update() {
              content.setAttribute('transform', 'translate(' + tx + ' ' + ty + ') scale(' + k + ')');
              resize();
              if (!sb) return;
              var len = nice(maxPx * mpp / k), px = len * k / mpp;
              var a = part(sb, 'sb-a'), b = part(sb, 'sb-b'), mid = part(sb, 'sb-mid'), end = part(sb, 'sb-end');
              a.setAttribute('width', px / 2); b.setAttribute('x', x0 + px / 2); b.setAttribute('width', px / 2);
              mid.setAttribute('x', x0 + px / 2); mid.textContent = label(len / 2);
              end.setAttribute('x', x0 + px); end.textContent = label(len);
              sb.firstElementChild.setAttribute('width', px + 44);
            }
            function zoomAt(f, cx, cy) { var nk = Math.min(200, Math.max(0.5, k * f)); f = nk / k; tx = cx - (cx - tx) * f; ty = cy - (cy - ty) * f; k = nk; update(); }
            var frame = part(svg, 'map-frame');
            function centre() { return [num(frame, 'x') + num(frame, 'width') / 2, num(frame, 'y') + num(frame, 'height') / 2]; }
            function reset() { k = 1; tx = 0; ty = 0; update(); }
            var info = wrap.querySelector('.map-info');
            // A feature's <title> (its name) and <desc> (its properties, a "key: value" line each).
            function show(target) {
              if (!info || !target || !content.contains(target)) return;
              var t = null, d = null;
              for (var c = target.firstElementChild; c; c = c.nextElementSibling) {
                if (c.localName === 'title') t = c.textContent; else if (c.localName === 'desc') d = c.textContent;
              }
              if (t === null && d === null) return;
              info.textContent = (t === null ? '' : t) + (d === null ? '' : (t === null ? '' : '\\n') + d);
            }
            svg.addEventListener('wheel', function (ev) { ev.preventDefault(); var p = svgPoint(ev); zoomAt(Math.exp(-ev.deltaY * 0.0015), p[0], p[1]); }, { passive: false });
            svg.addEventListener('pointerdown', function (ev) { drag = svgPoint(ev); moved = 0; downTarget = ev.target; svg.setPointerCapture(ev.pointerId); svg.classList.add('dragging'); });
            svg.addEventListener('pointermove', function (ev) {
              if (!drag) { show(ev.target); return; }
              var p = svgPoint(ev); moved += Math.abs(p[0] - drag[0]) + Math.abs(p[1] - drag[1]); tx += p[0] - drag[0]; ty += p[1] - drag[1]; drag = p; update(); });
            function stop() {
              if (drag && moved < 4) {
                show(downTarget);
                var a = downTarget && downTarget.closest ? downTarget.closest('a') : null;
                if (a && a.getAttribute('href')) window.location.href = a.getAttribute('href');
              }
              drag = null; svg.classList.remove('dragging');
            }
            svg.addEventListener('pointerup', stop); svg.addEventListener('pointercancel', function () { drag = null; svg.classList.remove('dragging'); });
            var controls = wrap.querySelector('.map-controls');
            if (!controls) { controls = document.createElement('div'); controls.className = 'map-controls'; wrap.appendChild(controls); }
            function button(cls, text, title) {
              var b = wrap.querySelector('.' + cls);
              if (!b) { b = document.createElement('button'); b.type = 'button'; b.className = cls; b.textContent = text; b.title = title; controls.appendChild(b); }
              return b;
            }
            button('zoom-in', '+', '放大 Zoom in').onclick = function () { var c = centre(); zoomAt(1.5, c[0], c[1]); };
            button('zoom-out', '\\u2212', '缩小 Zoom out').onclick = function () { var c = centre(); zoomAt(1 / 1.5, c[0], c[1]); };
            button('zoom-reset', '\\u27F2', '复位 Reset').onclick = reset;
            var toggles = wrap.querySelector('.map-layers');
            if (!toggles) { toggles = document.createElement('div'); toggles.className = 'map-layers'; wrap.appendChild(toggles); }
            Array.prototype.forEach.call(content.querySelectorAll('g.layer'), function (g) {
              var row = document.createElement('label'), box = document.createElement('input');
              box.type = 'checkbox'; box.checked = true;
              box.onchange = function () { g.style.display = box.checked ? '' : 'none'; };
              row.appendChild(box); row.appendChild(document.createTextNode(' ' + g.getAttribute('data-title')));
              toggles.appendChild(row);
            });
            maps.push({ zoomAt: zoomAt, centre: centre, reset: reset });
          }
          Array.prototype.forEach.call(document.querySelectorAll('.atlas-map'), setup);
          // Keys + − 0 act on the first map of the page.
          document.addEventListener('keydown', function (ev) {
            var m = maps[0]; if (!m || ev.target.tagName === 'INPUT') return;
            var c = m.centre();
            if (ev.key === '+' || ev.key === '=') m.zoomAt(1.5, c[0], c[1]); else if (ev.key === '-') m.zoomAt(1 / 1.5, c[0], c[1]); else if (ev.key === '0') m.reset();
          });
        })();
        """

    /// Style of the map controls, for any page that holds `.atlas-map` elements.
    public static let style = """
        .atlas-map{position:relative}
        .atlas-map svg{cursor:grab;user-select:none;touch-action:none}
        .atlas-map svg.dragging{cursor:grabbing}
        .map-controls{position:absolute;left:1.8%;top:9%;display:flex;flex-direction:column;gap:4px}
        .map-controls button{width:30px;height:30px;font-size:18px;line-height:1;border:1px solid #999;background:#FFF;border-radius:4px;cursor:pointer}
        .map-controls button:hover{background:#F0F0F0}
        .map-layers{position:absolute;left:calc(1.8% + 40px);top:9%;display:flex;flex-direction:column;gap:2px;background:rgba(255,255,255,.85);padding:4px 8px;border:1px solid #CCC;border-radius:4px;font-size:12px}
        .map-info{min-height:1.4em;font-size:12px;color:#333;white-space:pre-line}
        @media print{.map-controls,.map-layers,.map-info{display:none}}
        """
}
