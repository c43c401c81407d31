#!/bin/sh
# Benchmarks (a) and (b) of Benchmarks/import_results.md in one run, peers interleaved, uptime before each step.
# Needs the data of import_results.md in /tmp/parkatlas-import-bench and a release build.
B="$(cd "$(dirname "$0")/.." && pwd)/.build/release"
cd /tmp/parkatlas-import-bench
echo "== start $(date -u +%H:%M:%S) uptime: $(uptime)"
for i in 1 2 3; do
  $B/parkatlas-bench gpkg --file /tmp/parkatlas-import-bench/parcels.gpkg --runs 3 --threads 2 2>&1 | grep -v Warning
  python3 "$B/../../Benchmarks/gpkg_peer.py" /tmp/parkatlas-import-bench/parcels.gpkg --runs 3 2>&1 | grep -v Warn
  echo "   uptime: $(uptime)"
done
for i in 1 2; do
  rm -rf imported-m
  echo "-- import run $i, uptime: $(uptime)"
  PARKATLAS_IMPORT_TIMINGS=1 /usr/bin/time -f "import: %e s wall, %U user, %S sys, %M KB" $B/parkatlas import --mapping mapping.json --out imported-m --quiet 2>&1 | tail -16
  rm -f gj/parcels.geojson gj/enterprises.geojson
  echo "-- ogr2ogr run $i, uptime: $(uptime)"
  /usr/bin/time -f "ogr2ogr: %e s wall, %U user, %S sys, %M KB" sh -c 'ogr2ogr -f GeoJSON -t_srs EPSG:4326 gj/parcels.geojson zd.shp && ogr2ogr -f GeoJSON -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326 gj/enterprises.geojson qy.csv' 2>&1 | tail -1
done
echo "== end $(date -u +%H:%M:%S) uptime: $(uptime)"
