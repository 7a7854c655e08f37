#!/usr/bin/env bash
# Fuzzes SynergiaCore's parsers with libFuzzer: the decision parser, the indicator CSV / SDMX-CSV
# import, the offline report package reader and the workbook (XLSX) sheet reader (the package in Fuzz/, which links SynergiaCore
# and its dependencies only, never Vapor).
#
#   bash scripts/fuzz.sh                  # build, then run every target for 60 seconds
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh FuzzDecisionParser
#
# Each target runs on a copy of its seed corpus Fuzz/Corpus/<target> (the committed files never
# change) with the dictionary Fuzz/Dictionaries/<target>.dict; an input that takes more than one
# second fails (-timeout=1), as does more than 2 GB of memory. Any crash, timeout, leak or
# out-of-memory fails the script, which prints where the input is and how to replay it. It needs
# no prebuilt files: the first build (SynergiaCore, swift-crypto with BoringSSL, CSV.swift; no
# Vapor) takes a few minutes on 2 cores. Environment:
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_WORK      where corpus copies, logs and failing inputs go (default Fuzz/.build/fuzz-run)
#   FUZZ_SANITIZE  sanitizers besides the fuzzer (default address; empty for none)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH=/opt/swift/usr/bin:$PATH
fi

seconds=${FUZZ_SECONDS:-60}
work=${FUZZ_WORK:-$root/Fuzz/.build/fuzz-run}
extra_sanitizers=${FUZZ_SANITIZE-address}
sanitize=fuzzer${extra_sanitizers:+,$extra_sanitizers}

# target → largest input (bytes). In 60 s libFuzzer keeps to about the largest seed's size (a few
# KB); longer runs grow inputs towards this. A debug build with AddressSanitizer is slow: a 64 KB
# decision takes about 1 s in it (0.1-0.3 s in a debug build without ASan, FUZZ_SANITIZE=), so
# replay a long run's timeout on an input that large without ASan before calling it a hang.
targets=(FuzzDecisionParser FuzzIndicatorImport FuzzReportPackage FuzzXLSXSheet FuzzAttachmentCheck)
declare -A max_len=([FuzzDecisionParser]=65536 [FuzzIndicatorImport]=65536 [FuzzReportPackage]=65536 [FuzzXLSXSheet]=65536
                    [FuzzAttachmentCheck]=65536)
if [ $# -gt 0 ]; then targets=("$@"); fi
for target in "${targets[@]}"; do
  [ -n "${max_len[$target]:-}" ] || { echo "fuzz: no target $target (targets: ${!max_len[*]})" >&2; exit 2; }
done

echo "== fuzz: building Fuzz/ (debug, -sanitize=$sanitize) =="
build_log=$(mktemp)
start=$(date +%s)
# ld.gold warns about every ASan helper symbol it cannot export: keep those out of the log.
if ! swift build --package-path Fuzz --scratch-path Fuzz/.build -c debug -Xswiftc "-sanitize=$sanitize" >"$build_log" 2>&1; then
  grep -v "Cannot export local symbol" "$build_log" | tail -n 60
  echo "fuzz: the build failed" >&2
  exit 1
fi
grep -v "Cannot export local symbol" "$build_log" | grep -E "warning:|error:|Build complete" | tail -n 20 || true
rm -f "$build_log"
echo "fuzz: build took $(( $(date +%s) - start )) s"
bin=$(swift build --package-path Fuzz --scratch-path Fuzz/.build -c debug --show-bin-path)

# Swift's own backtracer would take a trap (a failed precondition, an index out of range) before
# libFuzzer does: then no failing input is written and the run may hang. Leave crashes to libFuzzer.
export SWIFT_BACKTRACE=enable=no
# Symbolized stacks for crashes.
if symbolizer=$(command -v llvm-symbolizer); then export ASAN_SYMBOLIZER_PATH=$symbolizer; fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:handle_abort=1}
# Leaks in the toolchain's own libraries (see the file) do not stop a run; Synergia's still do. The
# suppressions match function names, so they need the symbolizer (llvm-symbolizer, in the toolchain).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/Fuzz/lsan.supp:print_suppressions=0}

rm -rf "$work"
failed=()
for target in "${targets[@]}"; do
  corpus=$work/corpus/$target
  artifacts=$work/artifacts/$target
  log=$work/$target.log
  mkdir -p "$corpus" "$artifacts"
  cp -R "Fuzz/Corpus/$target/." "$corpus/"
  dict=()
  [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
  echo "== fuzz: $target for $seconds s (seeds: $(ls "Fuzz/Corpus/$target" | wc -l), -max_len=${max_len[$target]}) =="
  set +e
  "$bin/$target" "$corpus" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len="${max_len[$target]}" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  if [ $status -eq 0 ]; then
    # The final coverage line and "Done 123456 runs in 61 second(s)".
    grep -E "^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs" "$log" | tail -n 2 || true
    echo "fuzz: $target: $(grep -E "^stat::average_exec_per_sec" "$log" | awk '{print $2}') runs/s, peak RSS $(grep -E "^stat::peak_rss_mb" "$log" | awk '{print $2}') MB"
    continue
  fi
  failed+=("$target")
  echo "fuzz: $target FAILED (exit $status); last lines of $log:"
  tail -n 80 "$log"
  for input in "$artifacts"/*; do
    [ -f "$input" ] || continue
    echo "fuzz: failing input: $input ($(wc -c <"$input") bytes)"
    echo "fuzz: replay with: SWIFT_BACKTRACE=enable=no $bin/$target $input"
    if [ "$(wc -c <"$input")" -le 4096 ]; then
      echo "fuzz: the input, base64 (decode with base64 -d):"
      base64 "$input"
    fi
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (logs and inputs in $work)" >&2
  exit 1
fi
echo "fuzz: all targets ran $seconds s with no crash, timeout or leak"
