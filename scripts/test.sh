#!/usr/bin/env bash
# The test command: installs missing system packages, builds, runs every test.
# Ends with one summary line "N passed, N failed" taken from XCTest's totals.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The atlas render tests (AtlasRenderTests, AtlasHoverAndPrintTests) load every page in headless
# Chromium and read the printed atlas with pdfinfo/pdftotext (poppler-utils): they must run, not skip.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q . || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" != none ]; then
    echo "test: installing chromium fonts-noto-cjk poppler-utils" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk poppler-utils >/dev/null
  fi
fi
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The suites are XCTest; Swift Testing is turned off so its empty run is not the last word.
swift test --skip-build --disable-swift-testing "$@" 2>&1 | tee "$log" || status=$?
# XCTest's last line: "Executed N tests, with [K test(s) skipped and] F failures".
summary=$(grep -E "Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
  failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
  skipped=0
  if grep -qE "[0-9]+ tests? skipped" <<<"$summary"; then
    skipped=$(sed -E 's/.*with ([0-9]+) tests? skipped.*/\1/' <<<"$summary")
  fi
  line="$((total - failed - skipped)) passed, $failed failed"
  [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
  echo "$line"
fi
exit "$status"
