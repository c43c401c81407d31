#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of Fuzz/ (a package of its own, never part of the product):
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: geojson sequence parallel dataset policy mapping, or all
#
# Each target is built with -sanitize=fuzzer,address (release, Fuzz/.build) and run for SECONDS with
# -timeout=1 -rss_limit_mb=2048 and its dictionary (Fuzz/dict). The working corpus is
# .build/fuzz/corpus/TARGET (outside git; seeded from the checked-in Fuzz/corpus/TARGET, and it keeps
# growing from run to run); findings go to .build/fuzz/artifacts/TARGET/ (crash-*, leak-*, timeout-*,
# oom-*), the full log to .build/fuzz/logs/TARGET.log. Prints, per target, the executions, exec/s and
# the final corpus size. Exits 1 on any finding (crash, ASan/LSan report, an input taking more than
# 1 s, running out of memory, or target 3's parallel/sequential disagreement, which traps).
# Reproduce a finding: Fuzz/.build/release/fuzz-TARGET .build/fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
all=(geojson sequence parallel dataset policy mapping)
usage() { echo "usage: scripts/fuzz.sh ${all[*]// /|}|all SECONDS" >&2; exit 2; }
[ $# -eq 2 ] || usage
[[ "$2" =~ ^[0-9]+$ ]] || usage
if [ "$1" = all ]; then targets=("${all[@]}"); else
  [[ " ${all[*]} " == *" $1 "* ]] || usage
  targets=("$1")
fi
seconds=$2
scripts/setup.sh
# Not `--sanitize fuzzer --sanitize address`: SwiftPM passes them as two -sanitize= flags, the Swift
# driver keeps only the last, and the order differs per module, so some modules got no coverage
# instrumentation (measured: GeoJSON's objects had no __sancov sections). `--sanitize fuzzer` stays so
# that SwiftPM lets libFuzzer's main be the entry; the combined flag comes last and wins everywhere.
build=(swift build --package-path Fuzz -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address)
if [ ${#targets[@]} -gt 1 ]; then build_targets=(); else build_targets=(--product "fuzz-${targets[0]}"); fi
"${build[@]}" "${build_targets[@]}" 2>&1 | grep -vE "^\[[0-9]+/[0-9]+\]|Cannot export local symbol '__asan_extra_spill_area'" || true
for t in "${targets[@]}"; do
  [ -x "Fuzz/.build/release/fuzz-$t" ] || { echo "fuzz: building fuzz-$t failed" >&2; exit 1; }
done

dict_of() { case "$1" in geojson|sequence|parallel) echo geojson ;; *) echo "$1" ;; esac; }
work=.build/fuzz
status=0
for t in "${targets[@]}"; do
  corpus=$work/corpus/$t artifacts=$work/artifacts/$t log=$work/logs/$t.log tmp=$work/tmp/$t
  # The dataset target writes its five files for every input: in memory when /dev/shm exists (on disk,
  # with other builds running, it made 30 exec/s on 3 % of a core, mostly waiting in disk I/O).
  [ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm/parkatlas-fuzz-$t-$$
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")" "$tmp"
  cp -n Fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  before=$(ls "$artifacts" | wc -l)
  rc=0
  # detect_leaks: LeakSanitizer after every input (libFuzzer reports a leak as a finding).
  # CPU seconds beside wall time: on a shared machine exec/s says little without them.
  timing=()
  [ -x /usr/bin/time ] && timing=(/usr/bin/time -f "cpu %U+%S s" -o "$tmp.cpu")
  # SWIFT_BACKTRACE off: the Swift runtime's crash backtracer reads the stack in a way ASan reports as an
  # overflow of its own (CrashHandlerLinux memserver_read), hiding the real report under a second one.
  TMPDIR="$(cd "$tmp" && pwd)" ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" SWIFT_BACKTRACE=enable=no \
    "${timing[@]}" "Fuzz/.build/release/fuzz-$t" "$corpus" -dict="Fuzz/dict/$(dict_of "$t").dict" \
      -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 \
      >"$log" 2>&1 || rc=$?
  cpu=$(tail -n 1 "$tmp.cpu" 2>/dev/null | awk '/^cpu/ { split($2, a, "+"); printf "%.0f", a[1] + a[2] }')
  rm -rf "$tmp" "$tmp.cpu"
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n 1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -n 1)
  files=$(ls "$corpus" | wc -l)
  size=$(( $(du -sb "$corpus" | cut -f1) / 1024 ))  # apparent size (bytes of the inputs), not disk blocks
  after=$(ls "$artifacts" | wc -l)
  if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
    status=1
    echo "fuzz $t: FINDING (exit $rc) after ${execs:-?} executions; log $log; new artifacts:"
    ls -t "$artifacts" | head -n $((after - before > 0 ? after - before : 1)) | sed "s|^|  $artifacts/|"
    grep -E "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY" "$log" | head -n 8 | sed 's/^/  /'
  else
    echo "fuzz $t: ${seconds} s (${cpu:-?} s CPU), ${execs:-?} executions, ${rate:-?} exec/s, corpus $files files (${size} KB), no finding"
  fi
done
exit "$status"
