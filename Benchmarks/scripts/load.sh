#!/usr/bin/env bash
# Many clients at once (issue 12): wrk (Debian's package) against the release server of the app
# benchmark on the data of `synergia seed --scale` (SQLite), every route of the table in
# BENCHMARKS.md, the static file measured in the same run. Prints a Markdown table: requests per
# second, p50, p99, errors (non-2xx/3xx answers and sockets that failed or waited over 10 s), bytes
# per response and each route's share of the static file's rate.
#
#   bash Benchmarks/scripts/load.sh            # DURATION=8s CONNECTIONS=32 THREADS=2 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bin=Benchmarks/.build/release/SynergiaAppBenchmarks
[ -x "$bin" ] || swift build -c release --package-path Benchmarks --product SynergiaAppBenchmarks
duration=${DURATION:-8s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}

log=$(mktemp)
SYNERGIA_BENCH_SERVE=1 "$bin" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 900); do
  grep -q '^report ' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
base=$(sed -n 's/^serving //p' "$log")
cookie=$(sed -n 's/^cookie //p' "$log")
report=$(sed -n 's/^report //p' "$log")
[ -n "$report" ] || { cat "$log"; exit 1; }

# label|path|signed in (1) or not
routes=(
  "static file|/static/synergia.css|0"
  "/healthz, anonymous|/healthz|0"
  "/healthz, signed in|/healthz|1"
  "home|/|0"
  "conventions|/conventions|0"
  "frameworks|/frameworks|0"
  "Parties|/parties|0"
  "a Party|/parties/KE|0"
  "decisions|/decisions|0"
  "action items|/action-items|0"
  "meetings|/meetings|0"
  "news|/news|0"
  "indicators|/indicators|0"
  "an indicator|/indicators/3.1|0"
  "progress overview|/progress|0"
  "a target|/progress/KMGBF/3|0"
  "a Party's progress|/parties/KE/progress|0"
  "API: Parties|/api/v1/parties|0"
  "report page (CBD 7NR), signed in|$report|1"
)

echo "wrk -t$threads -c$connections -d$duration, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| request | req/s | p50 (ms) | p99 (ms) | errors | bytes | share of the static file |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
static=""
for entry in "${routes[@]}"; do
  IFS='|' read -r label path signed <<<"$entry"
  args=(-t"$threads" -c"$connections" -d"$duration" --timeout 10s -s Benchmarks/scripts/wrk-result.lua)
  [ "$signed" = 1 ] && args+=(-H "Cookie: $cookie")
  read -r _ _ rate p50 p99 status errors bytes < <(wrk "${args[@]}" "$base$path" | grep '^RESULT')
  [ -z "$static" ] && static=$rate
  share=$(awk -v r="$rate" -v s="$static" 'BEGIN { printf "%.1f %%", 100 * r / s }')
  echo "| $label (\`${path/\/reports\/*//reports/ID}\`) | $rate | $p50 | $p99 | $((status + errors)) | $bytes | $share |"
done
