#!/usr/bin/env bash
# Renders a map SVG or HTML file to PNG with headless Chromium, to look at it
# as a person would (Chinese text, legend, labels, scale bar).
#
#   scripts/render_check.sh MAP.svg|MAP.html|report.html [OUT.png] [WIDTHxHEIGHT]
#
# A tall WIDTHxHEIGHT (e.g. 1366x9000) gives a full-page picture of an `analyze` report.
#
# With ZOOM=N (HTML only), the page's "+" button is clicked N times before the
# screenshot, to check pan/zoom, the redrawn scale bar and the labels up close.
#
# With CHECK=1 (HTML only), no screenshot: the page is loaded with its scripts, console
# messages are logged (--enable-logging=stderr) and the DOM after load is dumped
# (--dump-dom, to $DOM_OUT when set). It prints "console errors: N" and
# "network references: N" (http(s):// URLs in the DOM, requests logged for
# anything but file://) and exits 1 when either is not 0.
#
# With CHECK=1 and HOVER=SELECTOR, after load a pointermove is dispatched on the first element
# matching SELECTOR (a CSS selector, e.g. '[id$="layer-parcels"] path') inside every map
# (.atlas-map) of the page, as a mouse over it would; what the map's info box then shows is
# appended to the page as <pre class="hover-result" data-map="N">…</pre>, so it is in the
# dumped DOM ("(no feature matches)" when the map has no such element).
#
# With PDF=OUT.pdf (HTML only), no screenshot: the page is printed to OUT.pdf as the
# browser's "print to PDF" does (print stylesheet, no header or footer) and, when pdfinfo
# (poppler-utils) is installed, "pages: N" is printed.
#
# Needs: chromium and fonts-noto-cjk (installed with apt-get when run as root); PDF= also
# poppler-utils for the page count.
set -euo pipefail
in="${1:?usage: render_check.sh MAP.svg|MAP.html [OUT.png] [WIDTHxHEIGHT]}"
out="${2:-${in%.*}.png}"
size="${3:-1400x1000}"
# As root, install what is missing (Debian/Ubuntu); otherwise say what to install.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  command -v chromium >/dev/null || missing="chromium"
  [ -z "${PDF:-}" ] || command -v pdfinfo >/dev/null || missing="$missing poppler-utils"
  fc-list :lang=zh 2>/dev/null | grep -q . || missing="$missing fonts-noto-cjk"
  if [ -n "$missing" ]; then
    echo "render_check: installing$([ -n "$missing" ] && echo " $missing")" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null 2>&1 || true
  fi
fi
command -v chromium >/dev/null || { echo "render_check: chromium is not installed (apt-get install -y chromium fonts-noto-cjk)" >&2; exit 2; }
fc-list :lang=zh | grep -q . || echo "render_check: warning: no CJK font installed; Chinese will show as boxes (apt-get install -y fonts-noto-cjk)" >&2
abs="$(cd "$(dirname "$in")" && pwd)/$(basename "$in")"
outabs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# The HTML page adds an 8 px margin around the SVG; give the window room for it.
w="${size%x*}"; h="${size#*x}"
case "$in" in *.html|*.htm) w=$((w + 16)); h=$((h + 16));; esac
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
if [ -n "${PDF:-}" ]; then
  case "$in" in *.html|*.htm) ;; *) echo "render_check: PDF needs an HTML page" >&2; exit 2;; esac
  pdf="$(cd "$(dirname "$PDF")" && pwd)/$(basename "$PDF")"
  rm -f "$pdf"
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --host-resolver-rules="MAP * ~NOTFOUND" \
    --no-pdf-header-footer --virtual-time-budget=3000 --print-to-pdf="$pdf" "file://$abs" >/dev/null 2>&1 || true
  [ -s "$pdf" ] || { echo "render_check: no PDF written" >&2; exit 1; }
  if command -v pdfinfo >/dev/null; then echo "pages: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"; fi
  echo "$pdf"
  exit 0
fi
if [ -n "${CHECK:-}" ]; then
  log="$profile/chromium.log"; dom="${DOM_OUT:-$profile/dom.html}"
  if [ -n "${HOVER:-}" ]; then
    # A copy beside the original (relative links keep working) with the hover script added.
    hovered="$(dirname "$abs")/.render_check_hover_$$.html"
    trap 'rm -rf "$profile" "$hovered"' EXIT
    selector=$(printf '%s' "$HOVER" | sed 's/[\\"]/\\&/g')
    export RENDER_CHECK_HOVER="<script>window.addEventListener('load',function(){var sel=\"$selector\";Array.prototype.forEach.call(document.querySelectorAll('.atlas-map'),function(wrap,i){var el=wrap.querySelector(sel),out=document.createElement('pre');out.className='hover-result';out.setAttribute('data-map',String(i));if(el){el.dispatchEvent(new PointerEvent('pointermove',{bubbles:true,clientX:1,clientY:1}));var info=wrap.querySelector('.map-info');out.textContent=info?info.textContent:'(no info box)';}else{out.textContent='(no feature matches)';}document.body.appendChild(out);});});</script>"
    perl -pe 's#</body>#$ENV{RENDER_CHECK_HOVER}</body>#' "$abs" > "$hovered"
    abs="$hovered"
  fi
  # No network: every host resolves to nothing, so a request would fail and be logged.
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --host-resolver-rules="MAP * ~NOTFOUND" --virtual-time-budget=3000 --dump-dom "file://$abs" > "$dom" 2> "$log" || true
  [ -s "$dom" ] || { echo "render_check: no DOM dumped" >&2; cat "$log" >&2; exit 1; }
  errors=$(grep -E 'CONSOLE.*(Uncaught|Error|error)|:ERROR:CONSOLE' "$log" | grep -c . || true)
  network=$( { grep -oE 'https?://[^" <>)]+' "$dom" || true; grep -E 'net::ERR_NAME_NOT_RESOLVED|Failed to load resource' "$log" || true; } | grep -c . || true)
  grep -E 'CONSOLE' "$log" >&2 || true
  echo "console errors: $errors"
  echo "network references: $network"
  [ "$errors" = 0 ] && [ "$network" = 0 ] || exit 1
  exit 0
fi
if [ -n "${ZOOM:-}" ]; then
  case "$in" in *.html|*.htm) ;; *) echo "render_check: ZOOM needs an HTML map" >&2; exit 2;; esac
  # A copy beside the original with a script that clicks "+" ZOOM times after load.
  zoomed="$(dirname "$abs")/.render_check_zoom_$$.html"
  trap 'rm -rf "$profile" "$zoomed"' EXIT
  sed "s#</body>#<script>window.addEventListener('load',function(){for(var i=0;i<${ZOOM};i++)document.getElementById('zoom-in').click();});</script></body>#" "$abs" > "$zoomed"
  abs="$zoomed"
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$outabs" --window-size="$w,$h" "file://$abs" >/dev/null 2>&1
[ -s "$outabs" ] || { echo "render_check: no screenshot written" >&2; exit 1; }
echo "$outabs"
