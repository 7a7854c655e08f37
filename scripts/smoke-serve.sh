#!/usr/bin/env bash
# Starts Synergia as the README says (serve --demo on a new SQLite file), checks that the
# pages answer and a demo account can sign in, then stops it with SIGTERM and checks that
# it shut down cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
pid=""
# A failed check must not leave the server running (it would answer the next run on this port).
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
swift build --product synergia >/dev/null
port=18080
SYNERGIA_DB="$work/synergia.sqlite" .build/debug/synergia serve --demo --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"ok"'
curl -fsS "http://127.0.0.1:$port/" | grep -q 'Convention on Biological Diversity'
curl -fsS -H 'Accept-Language: zh' "http://127.0.0.1:$port/parties?region=african" | grep -q '54 个缔约方'
jar="$work/cookies"
token=$(curl -fsS -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
  --data-urlencode "_csrf=$token" --data-urlencode "email=focal-point@demo.synergia.example" \
  --data-urlencode "password=synergia-demo" "http://127.0.0.1:$port/sign-in")
[ "$status" = "303" ] || { echo "demo sign-in answered $status"; cat "$work/serve.log"; exit 1; }
curl -fsS -b "$jar" "http://127.0.0.1:$port/api/v1/me" | grep -q '"role":"focal-point"'
grep -q 'focal-point@demo.synergia.example' "$work/serve.log"
grep -q 'path: /readyz' "$work/serve.log" || grep -q '"path":"/readyz"' "$work/serve.log" || grep -q 'path=/readyz' "$work/serve.log" \
  || { echo "no request log line"; cat "$work/serve.log"; exit 1; }
curl -fsS "http://127.0.0.1:$port/action-items?addressee=executive-secretary&dueBy=COP-13" | grep -q 'SBI-1'
kill -TERM "$pid"
code=0; wait "$pid" || code=$?
pid=""
[ "$code" = "0" ] || { echo "serve exited with $code after SIGTERM"; exit 1; }
# audit verify: the demo's log and data are intact, and verifying changes nothing in the file.
before=$(sha256sum "$work/synergia.sqlite" | cut -d' ' -f1)
SYNERGIA_DB="$work/synergia.sqlite" .build/debug/synergia audit verify >"$work/verify.txt" || { cat "$work/verify.txt"; exit 1; }
grep -q "Audit log intact" "$work/verify.txt"
[ "$before" = "$(sha256sum "$work/synergia.sqlite" | cut -d' ' -f1)" ] || { echo "audit verify changed the database file"; exit 1; }
SYNERGIA_DB="$work/synergia.sqlite" .build/debug/synergia backup "$work/backup.sqlite"
DATABASE_URL="mysql://nope" .build/debug/synergia migrate 2>"$work/err.txt" && { echo "a bad DATABASE_URL was accepted"; exit 1; }
grep -q "DATABASE_URL" "$work/err.txt"
.build/debug/synergia decisions parse Sources/SynergiaCore/Resources/Decisions/XII-6.zh.txt --json >"$work/parsed.json"
grep -q '"symbol" : "XII/6"' "$work/parsed.json"
.build/debug/synergia decisions --help >"$work/help.txt"
grep -q parse "$work/help.txt"
echo "smoke test of serve --demo: ok"
