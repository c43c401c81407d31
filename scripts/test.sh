#!/usr/bin/env bash
# The test command: installs missing system packages, builds, runs every test.
# Ends with one summary line "N passed, N failed" taken from XCTest's totals.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
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
