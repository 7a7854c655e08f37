# What load.sh and compare.sh share (sourced, from the repository's root): wrk (Debian's package), the
# release build of the app benchmark, the run settings (DURATION, default $1; CONNECTIONS=32;
# THREADS=2), and the routes.
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bin=Benchmarks/.build/release/SynergiaAppBenchmarks
[ -x "$bin" ] || swift build -c release --package-path Benchmarks --product SynergiaAppBenchmarks
duration=${DURATION:-$1}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}

# `bench_routes REPORT` sets `routes`, one "label|path|signed in (1) or not|gzip (1) or not" per
# route, REPORT being the signed-in report page's path.
bench_routes() {
  routes=(
    "static file|/static/synergia.css|0|0"
    "/healthz, anonymous|/healthz|0|0"
    "/healthz, signed in|/healthz|1|0"
    "home|/|0|1"
    "conventions|/conventions|0|1"
    "frameworks|/frameworks|0|1"
    "Parties|/parties|0|1"
    "a Party|/parties/KE|0|1"
    "decisions|/decisions|0|1"
    "a decision|/decisions/XII-6|0|1"
    "action items|/action-items|0|1"
    "meetings|/meetings|0|1"
    "news|/news|0|1"
    "indicators|/indicators|0|1"
    "an indicator|/indicators/3.1|0|1"
    "progress overview|/progress|0|1"
    "a target|/progress/KMGBF/3|0|1"
    "a Party's progress|/parties/KE/progress|0|1"
    "API: Parties|/api/v1/parties|0|1"
    "API: a Party|/api/v1/parties/KE|0|1"
    "search, anonymous (kept page)|/search?q=wetland|0|1"
    "search, signed in (searched each time)|/search?q=wetland|1|1"
    "search in Chinese, signed in|/search?q=%E7%94%9F%E7%89%A9%E5%A4%9A%E6%A0%B7%E6%80%A7|1|1"
    "report page (CBD 7NR), signed in|$1|1|1"
    "a section of it (46 questions), signed in|$1/sections/cbd-7nr.s2|1|1"
    "its check before review, signed in|$1/check|1|1"
  )
}
