#!/usr/bin/env bash
# Runs every parkatlas command with two builds on the same inputs and compares
# their outputs byte for byte: proof that a refactoring changed no result.
#
#   scripts/compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]
#
# Inputs: GeoData/mianyang (with GeoData/mianyang-2023 as the previous year) and a
# synthetic Berlin city (made by OLD's synth). Every command runs in every output
# format (table, json, csv, and its GeoJSON map where it has one); `analyze` writes
# its whole folder. Only wall-clock timings (summary.json "timings_s") are masked, and the
# write time GeoPackages record is fixed (OGR_CURRENT_DATE).
# Exits 1 and lists the differing files when any output differs.
set -euo pipefail
old=${1:?usage: compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]}
new=${2:?usage: compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]}
work=${3:-$(mktemp -d)}
# GeoPackages record their write time (gpkg_contents.last_change); GDAL takes it from here instead.
export OGR_CURRENT_DATE=2000-01-01T00:00:00.000Z
cd "$(dirname "$0")/.."
mkdir -p "$work"
"$old" synth --out "$work/berlin" --center=13.4,52.5 --parks 6 --parcels 1500 --enterprises 3000 --seed 7 --quiet --force \
  2>/dev/null || "$old" synth --out "$work/berlin" --center=13.4,52.5 --parks 6 --parcels 1500 --enterprises 3000 --seed 7 --quiet

run_all() {  # BIN OUTDIR
  local bin=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  for ds in GeoData/mianyang "$work/berlin"; do
    local tag; tag=$(basename "$ds")
    "$bin" info "$ds/parks.geojson" --format json > "$out/$tag.info.json" 2>&1 || true
    "$bin" validate "$ds" > "$out/$tag.validate.txt" 2>&1 || true
    for fmt in table json csv; do
      "$bin" stats "$ds" --enterprises --format $fmt > "$out/$tag.stats.$fmt" 2>&1 || true
      "$bin" cluster "$ds" --simulations 9 --format $fmt > "$out/$tag.cluster.$fmt" 2>&1 || true
      "$bin" hotspots "$ds" --fdr --format $fmt > "$out/$tag.hotspots.$fmt" 2>&1 || true
      "$bin" agglomeration "$ds" --format $fmt > "$out/$tag.agglomeration.$fmt" 2>&1 || true
      "$bin" check "$ds" --fail-on never --format $fmt > "$out/$tag.check.$fmt" 2>&1 || true
      "$bin" site "$ds" --industry C3974 --area-ha 3 --format $fmt > "$out/$tag.site.$fmt" 2>&1 || true
      "$bin" evaluate "$ds" --format $fmt > "$out/$tag.evaluate.$fmt" 2>&1 || true
    done
    "$bin" check "$ds" --fail-on never --out "$out/$tag.findings.geojson" --quiet > /dev/null 2>&1 || true
    "$bin" hotspots "$ds" --out "$out/$tag.hotspots.geojson" --quiet > /dev/null 2>&1 || true
    "$bin" cluster "$ds" --simulations 0 --out "$out/$tag.clusters.geojson" --quiet > /dev/null 2>&1 || true
    "$bin" site "$ds" --industry C3974 --area-ha 3 --out "$out/$tag.site.geojson" --quiet > /dev/null 2>&1 || true
    "$bin" export "$ds" --out "$out/$tag.export.geojson" --quiet > /dev/null 2>&1 || true
    "$bin" map "$ds" --out "$out/$tag.map.html" --quiet > /dev/null 2>&1 || true
  done
  for fmt in table json csv; do
    "$bin" compare GeoData/mianyang-2023 GeoData/mianyang --format $fmt > "$out/compare.$fmt" 2>&1 || true
    "$bin" evaluate GeoData/mianyang --previous GeoData/mianyang-2023 --format $fmt > "$out/evaluate-previous.$fmt" 2>&1 || true
  done
  "$bin" compare GeoData/mianyang-2023 GeoData/mianyang --out "$out/changes.geojson" --quiet > /dev/null 2>&1 || true
  "$bin" analyze GeoData/mianyang --previous GeoData/mianyang-2023 --out "$out/analyze" --quiet > /dev/null 2>&1 || true
  "$bin" analyze "$work/berlin" --out "$out/analyze-berlin" --quiet > /dev/null 2>&1 || true
  # Wall-clock timings are the only outputs that may differ between runs.
  for summary in "$out"/analyze*/summary.json; do
    python3 - "$summary" <<'PY'
import json, sys
path = sys.argv[1]
data = json.load(open(path, encoding="utf-8"))
data["timings_s"] = {k: 0 for k in data.get("timings_s", {})}
json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=False)
PY
  done
}

run_all "$old" "$work/old"
run_all "$new" "$work/new"
count=$(find "$work/old" -type f | wc -l)
if diff -rq "$work/old" "$work/new" > "$work/diff.txt"; then
  echo "compare_builds: $count output files byte-identical ($work)"
else
  echo "compare_builds: outputs differ ($work):" >&2
  cat "$work/diff.txt" >&2
  exit 1
fi
