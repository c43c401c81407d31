#!/usr/bin/env bash
# Runs every parkatlas command with two builds on the same inputs and compares
# their outputs byte for byte: proof that a refactoring changed no result.
#
#   scripts/compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]
#
# Inputs: GeoData/mianyang (with GeoData/mianyang-2023 as the previous year) and a
# synthetic Berlin city (made by OLD's synth). Every command runs in every output
# format (table, json, csv, and its GeoJSON map where it has one); `analyze` writes
# its whole folder. Only wall-clock timings (summary.json "timings_s") are masked, and
# GeoPackages get a fixed timestamp (GDAL's OGR_CURRENT_DATE, else gpkg_contents.last_change
# is the clock time and results.gpkg differs between two runs of the same build) and are
# compared by content, not bytes: the schema, every table's rows in rowid order, each R-tree's
# entries (id and float box) and its rtreecheck(); an R-tree's node layout depends on how it
# was built (GDAL's one insert per feature before 0299ca1's parent, a packed tree since).
# Exits 1 and lists the differing files when any output differs.
set -euo pipefail
old=${1:?usage: compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]}
new=${2:?usage: compare_builds.sh OLD_PARKATLAS NEW_PARKATLAS [WORKDIR]}
work=${3:-$(mktemp -d)}
cd "$(dirname "$0")/.."
mkdir -p "$work"
export OGR_CURRENT_DATE=2000-01-01T00:00:00.000Z
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
  find "$out" -name '*.gpkg' -type f | while read -r gpkg; do
    python3 - "$gpkg" > "$gpkg.content.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
master = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
rtrees = [n for t, n, _, sql in master if t == "table" and sql and "USING rtree" in sql]
shadow = {f"{r}_{s}" for r in rtrees for s in ("node", "parent", "rowid")}
for row in master:
    if row[1] not in shadow:
        print("schema", row)
for t, name, _, sql in master:
    if t != "table" or name in shadow or name.startswith("sqlite_"):
        continue
    order = "id" if name in rtrees else "rowid"
    for row in db.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
        print(name, row)
for r in rtrees:
    print("rtreecheck", r, db.execute(f"SELECT rtreecheck('{r}')").fetchone())
PY
    rm -f "$gpkg"
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
