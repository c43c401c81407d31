#!/usr/bin/env bash
# Runs the tests under the sanitizers, each in its own build folder:
#
#   scripts/sanitize.sh [address|thread|all]      (default: all)
#
# address: the whole test suite built with -sanitize=address (.build-asan), with LeakSanitizer:
#          every `parkatlas` child the tests start is checked for leaks at its exit (one
#          suppression below). The test runner itself skips its own at-exit check (TestSupport's
#          LeakSanitizerOptions.swift says why: Swift keeps enum case numbers in pointer bits
#          LeakSanitizer cannot follow, so the tests' live caches looked leaked). LEAKS=0 turns
#          LeakSanitizer off (memory errors only).
# thread:  every suite that runs work on more than one thread, built with
#          -sanitize=thread (.build-tsan): the CLI's thread-invariance tests (the
#          instrumented parkatlas runs as a child process), the parallel GeoJSON
#          parser, the GEOS threading tests, the parallel helpers and every
#          analysis that splits work over threads.
# Any report fails the run (halt_on_error, exit code 66 in every process).
# Suppressions: scripts/sanitizer-suppressions/*.supp; each entry names a report
# inside a system library and says why it is not ours.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
scripts/setup.sh
supp="$PWD/scripts/sanitizer-suppressions"
threaded='ThreadInvarianceTests|ThreadingTests|ParallelRangesTests|FeatureErrorTests|GeoJSONReaderTests|ParallelParse|CommonTests|ClusterAnalysisTests|GetisOrdGiStarTests|GlobalMoranTests|ColocationQuotientTests|ParcelOverlay|CompareReferenceTests|LayoutChecks|CheckRule|SitingTests|DatasetDecodingTests|DatasetLoaderTests|RowsAheadTests|GeoPackageRTreeTests'

run_summary() {  # LOG
  local summary
  summary=$(grep -E "Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$1" | tail -n 1 || true)
  if [ -n "$summary" ]; then
    total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
    failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
    echo "sanitize $2: $((total - failed)) passed, $failed failed"
  fi
}

status=0
if [ "$mode" = address ] || [ "$mode" = all ]; then
  swift build --build-tests --sanitize=address --scratch-path .build-asan
  log=$(mktemp)
  ASAN_OPTIONS="halt_on_error=1:exitcode=66:detect_leaks=${LEAKS:-1}:suppressions=$supp/asan.supp" \
  LSAN_OPTIONS="suppressions=$supp/lsan.supp" \
    swift test --skip-build --disable-swift-testing --scratch-path .build-asan --sanitize=address 2>&1 | tee "$log" || status=1
  grep -q "ERROR: AddressSanitizer" "$log" && status=1
  grep -q "ERROR: LeakSanitizer" "$log" && status=1
  run_summary "$log" address
  rm -f "$log"
fi
if [ "$mode" = thread ] || [ "$mode" = all ]; then
  swift build --build-tests --sanitize=thread --scratch-path .build-tsan
  log=$(mktemp)
  TSAN_OPTIONS="halt_on_error=1:exitcode=66:suppressions=$supp/tsan.supp" \
    swift test --skip-build --disable-swift-testing --scratch-path .build-tsan --sanitize=thread --filter "$threaded" 2>&1 \
    | tee "$log" || status=1
  grep -q "WARNING: ThreadSanitizer" "$log" && status=1
  run_summary "$log" thread
  rm -f "$log"
fi
exit "$status"
