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
# Needs: chromium and fonts-noto-cjk (installed with apt-get when run as root).
set -euo pipefail
in="${1:?usage: render_check.sh MAP.svg|MAP.html [OUT.png] [WIDTHxHEIGHT]}"
out="${2:-${in%.*}.png}"
size="${3:-1400x1000}"
# As root, install what is missing (Debian/Ubuntu); otherwise say what to install.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  command -v chromium >/dev/null || missing="chromium"
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
if [ -n "${CHECK:-}" ]; then
  log="$profile/chromium.log"; dom="${DOM_OUT:-$profile/dom.html}"
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
