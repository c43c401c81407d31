#!/usr/bin/env bash
# The main job: installs missing system packages, builds in release mode and
# runs ParkAtlas on the Mianyang reference dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product parkatlas
bin=.build/release/parkatlas
out=${OUT:-out/mianyang}
mkdir -p "$out"
# Until `parkatlas analyze` exists: summarise the files, then validate the dataset.
"$bin" info GeoData/mianyang/*.geojson
"$bin" validate GeoData/mianyang
