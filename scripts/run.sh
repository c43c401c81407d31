#!/usr/bin/env bash
# The main job: installs missing system packages, builds in release mode and
# runs ParkAtlas on the Mianyang reference dataset: `parkatlas analyze` writes
# report.html, the park pages parks/<id>.html, the print atlas atlas.html, GeoJSON
# layers, CSV tables and summary.json into $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product parkatlas
bin=.build/release/parkatlas
out=${OUT:-out/mianyang}
"$bin" analyze GeoData/mianyang --out "$out"
