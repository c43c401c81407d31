#!/usr/bin/env bash
# Installs what ParkAtlas needs to build on Debian/Ubuntu and is missing:
# the GEOS, PROJ, GDAL and libpq C libraries with their headers and pkg-config files,
# and PostgreSQL with PostGIS (the PostGIS tests start a throw-away server of their own).
# Safe to run again: it installs nothing when everything is present.
set -euo pipefail

need=()
have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
have_pc geos || need+=(libgeos-dev)
have_pc proj || need+=(libproj-dev)
have_pc gdal || need+=(libgdal-dev)
have_pc libpq || need+=(libpq-dev)
# The server and PostGIS for the tests (Debian 12: PostgreSQL 15, postgresql-15-postgis-3).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  need+=(postgresql postgis)
elif ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  need+=("postgresql-$(basename "$(dirname "$pg_bin")")-postgis-3")
fi
# proj-data's proj.db comes with libproj-dev; the EPSG database is needed at run time.

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: need root or sudo to install: ${need[*]}" >&2; exit 1
  fi
  echo "setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet.
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift is not on PATH (install Swift 6 from swift.org first)" >&2
  exit 1
fi
