#!/usr/bin/env bash
# The API checked against its description: validates the OpenAPI document
# (Sources/SynergiaApp/Resources/openapi.yaml) as OpenAPI 3.1, starts `serve --demo` on a new
# SQLite file on a free port, makes API tokens for the demo CBD focal point and CBD secretariat,
# and runs schemathesis against the document: first the read (GET) routes without a token,
# then the write routes with the focal point's token, then the secretariat's routes with its
# token. Any 5xx, any status code the document does not list, or any body that does not match
# its schema fails the check (non-zero exit). Stops the server at the end.
#
#   bash scripts/api-check.sh            # after `swift build`
#   SYNERGIA_BIN=/path/to/synergia bash scripts/api-check.sh
#
# Knobs: API_CHECK_EXAMPLES (test cases per operation and phase, default 20),
# API_CHECK_MAX_TIME (hard limit in seconds for each schemathesis run, default 240),
# API_CHECK_SEED (schemathesis seed, default 1, for runs that can be compared),
# API_CHECK_VENV (where schemathesis is installed, default ~/.cache/synergia-api-check/…).
# The reports (JUnit XML, a cassette of every request and response, the server's log) are
# left in API_CHECK_REPORTS (default: a new folder under /tmp, printed at the end).
set -euo pipefail
caller=$(pwd)
cd "$(dirname "$0")/.."
root=$(pwd)

SCHEMATHESIS_VERSION=4.32.5
VALIDATOR_VERSION=0.9.0
examples=${API_CHECK_EXAMPLES:-20}
max_time=${API_CHECK_MAX_TIME:-240}
seed=${API_CHECK_SEED:-1}
spec="$root/Sources/SynergiaApp/Resources/openapi.yaml"
# SYNERGIA_BIN is taken from where the script was called; the default is the repository's build.
bin=${SYNERGIA_BIN:-$root/.build/debug/synergia}
case "$bin" in /*) ;; *) bin="$caller/$bin" ;; esac
[ -x "$bin" ] || { echo "api-check: no synergia binary at $bin (run swift build, or set SYNERGIA_BIN)"; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
started=$(date +%s)

work=$(mktemp -d)
reports=${API_CHECK_REPORTS:-$(mktemp -d "${TMPDIR:-/tmp}/synergia-api-check.XXXXXX")}
mkdir -p "$reports"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  [ -f "$work/serve.log" ] && cp "$work/serve.log" "$reports/serve.log"
  rm -rf "$work"
}
trap cleanup EXIT

# --- schemathesis and the validator, pinned, in their own virtual environment ---
venv=${API_CHECK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/synergia-api-check/schemathesis-$SCHEMATHESIS_VERSION}
if [ ! -x "$venv/bin/schemathesis" ] || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  echo "== installing schemathesis $SCHEMATHESIS_VERSION and openapi-spec-validator $VALIDATOR_VERSION in $venv =="
  python3 -m venv "$venv" || { echo "api-check: python3 -m venv failed (on Debian: apt-get install python3-venv)"; exit 2; }
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    "schemathesis==$SCHEMATHESIS_VERSION" "openapi-spec-validator==$VALIDATOR_VERSION"
fi
py="$venv/bin/python"

echo "== the OpenAPI document is valid OpenAPI 3.1 =="
"$venv/bin/openapi-spec-validator" --validation-errors all "$spec"

# --- the server: serve --demo on a new SQLite file, on a free port ---
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "== serve --demo on $base =="
(cd "$work" && SYNERGIA_DB="$work/synergia.sqlite" SYNERGIA_OUTBOX="$work/outbox" SYNERGIA_ENV=development \
  exec "$bin" serve --demo --hostname 127.0.0.1 --port "$port") >"$work/serve.log" 2>&1 &
pid=$!
ready=0
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if curl -fsS "$base/readyz" 2>/dev/null | grep -q '"ok"'; then ready=1; break; fi
  sleep 1
done
if [ "$ready" != 1 ]; then
  echo "api-check: the server did not become ready"; tail -n 40 "$work/serve.log"; exit 1
fi

focal_token=$("$py" scripts/api_check_token.py token "$base" focal-point@demo.synergia.example synergia-demo)
secretariat_token=$("$py" scripts/api_check_token.py token "$base" cbd-secretariat@demo.synergia.example synergia-demo)
# Real identifiers (Kenya's CBD report, its questions, cycles, targets) for path parameters.
"$py" scripts/api_check_token.py config "$base" "$focal_token" "$work/schemathesis.toml"

# --- schemathesis ---
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
failed=()
summaries=()
run_schemathesis() {  # label, then extra arguments
  local label=$1; shift
  local junit="$reports/$label.xml"
  echo "== schemathesis: $label =="
  local status=0
  # One worker: hypothesis parses lambdas' source with ast, which is not thread-safe on
  # CPython 3.11 ("AST constructor recursion depth mismatch").
  (cd "$work" && timeout --signal=INT --kill-after=20 "$max_time" \
    "$venv/bin/schemathesis" --config-file "$work/schemathesis.toml" run "$spec" --url "$base" \
      --checks "$checks" --phases examples,coverage,fuzzing --max-examples "$examples" --seed "$seed" \
      --workers 1 --request-timeout 20 --no-color --suppress-health-check all \
      --report junit,vcr --report-junit-path "$junit" --report-vcr-path "$reports/$label.cassette.yaml" \
      "$@") || status=$?
  [ "$status" = 124 ] && echo "api-check: $label stopped after $max_time s"
  [ "$status" = 0 ] || failed+=("$label")
  summaries+=("$("$py" scripts/api_check_token.py summary "$junit" "$label")")
}

# Reads, as the public (no token; /api/v1/me and drafts answer 401).
run_schemathesis reads --include-method GET
# Writes, as Kenya's CBD focal point (and the reads that answer differently with a token).
run_schemathesis writes-focal-point -H "Authorization: Bearer $focal_token" \
  --include-method POST --include-method PUT --include-method DELETE \
  --include-operation-id getReport --include-operation-id getMe \
  --exclude-operation-id openReportingCycle --exclude-operation-id closeReportingCycle
# The secretariat's writes: opening and closing cycles, crosswalk links.
run_schemathesis writes-secretariat -H "Authorization: Bearer $secretariat_token" \
  --include-operation-id openReportingCycle --include-operation-id closeReportingCycle \
  --include-operation-id addCrosswalk --include-operation-id removeCrosswalk

if ! kill -0 "$pid" 2>/dev/null; then
  echo "api-check: the server died during the run"; tail -n 40 "$work/serve.log"; failed+=("server-died")
fi
if grep -qiE 'fatal|unhandled error' "$work/serve.log"; then
  echo "== server log: errors =="; grep -iE 'fatal|unhandled error' "$work/serve.log" | head -n 20
fi

kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=""

echo
echo "== api-check summary (schemathesis $SCHEMATHESIS_VERSION, $examples examples per operation, seed $seed, $(( $(date +%s) - started )) s) =="
for line in "${summaries[@]}"; do echo "$line"; done
echo "reports: $reports"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "api-check: FAILED (${failed[*]})"
  exit 1
fi
echo "api-check: ok"
