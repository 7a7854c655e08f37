#!/usr/bin/env bash
# The cluster test: PostgreSQL, three `synergia serve` processes behind nginx
# (deploy/nginx/synergia-cluster.conf), and a load client (scripts/cluster_load.py) that signs in
# as several CBD focal points of different Parties and mixes reads and saves for CLUSTER_SECONDS
# while one serve process is killed with SIGKILL (at t=20 s) and restarted (at t=30 s).
# At the end: every save answered 200 must be in PostgreSQL with its version and value, and be
# (or be superseded in) the current answer; `synergia audit verify` must pass; and there must be
# no 5xx except requests in flight on the killed process (counted and printed).
#
#   SYNERGIA_BIN=.build/debug/synergia bash scripts/cluster-test.sh
#
# Needs: nginx and psql (Debian: apt-get install -y nginx postgresql), python3, curl, and
# PostgreSQL on 127.0.0.1:5432 with the role synergia/synergia, as .ci/run sets up. The database
# CLUSTER_DB (default synergia_cluster) is dropped and created again (as the postgres superuser
# through `su postgres` when run as root, else as PGADMIN_URL).
# Ports (fixed in the nginx configuration): nginx 18090, serve 18091, 18092 (the one killed), 18093.
#
# Variables: SYNERGIA_BIN (.build/debug/synergia), CLUSTER_SECONDS (70), CLUSTER_WORKERS (16),
# CLUSTER_PARTIES ("FR BR CN IN ZA MX AU DE": one focal point each; two workers share each
# report), CLUSTER_KILL_AT (20), CLUSTER_RESTART_AT (30), CLUSTER_DB, CLUSTER_KEEP=1 keeps the
# work directory (logs, ledger) even when the test passes.
# Exit status: 0 pass; 1 lost write, unexcused 5xx, unexpected status or audit failure; 2 the
# cluster could not be set up; 3 the ledger check's own negative control failed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

bin=${SYNERGIA_BIN:-.build/debug/synergia}
case "$bin" in /*) ;; *) bin="$repo/$bin" ;; esac
seconds=${CLUSTER_SECONDS:-70}
workers=${CLUSTER_WORKERS:-16}
parties=${CLUSTER_PARTIES:-"FR BR CN IN ZA MX AU DE"}
kill_at=${CLUSTER_KILL_AT:-20}
restart_at=${CLUSTER_RESTART_AT:-30}
db=${CLUSTER_DB:-synergia_cluster}
database_url="postgres://synergia:synergia@127.0.0.1:5432/$db"
conf="$repo/deploy/nginx/synergia-cluster.conf"
front=18090
ports=(18091 18092 18093)
victim=2   # serve2, port 18092

fail_setup() { echo "cluster test: $*" >&2; exit 2; }
for tool in nginx psql python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || fail_setup "$tool is missing (Debian: apt-get install -y nginx postgresql curl python3)"
done
awk -v s="$seconds" -v k="$kill_at" -v r="$restart_at" 'BEGIN { exit !(k < 0 || (k < r && r + 10 <= s)) }' \
  || fail_setup "CLUSTER_SECONDS ($seconds) must be at least CLUSTER_RESTART_AT ($restart_at) + 10, and CLUSTER_KILL_AT ($kill_at) before the restart"
[ -x "$bin" ] || fail_setup "no synergia binary at $bin (build it, or set SYNERGIA_BIN)"
for port in "$front" "${ports[@]}"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then fail_setup "port $port is already in use"; fi
done

work=$(mktemp -d /tmp/synergia-cluster.XXXXXX)
chmod 755 "$work"           # nginx's workers (user nobody) use temp directories under it
mkdir -p "$work/nginx"
chmod 755 "$work/nginx"
passed=0
nginx_pid=""

stop_pid() {  # stop_pid PID SIGNAL: signal it, wait up to 10 s, then SIGKILL
  local pid=$1 sig=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    # A zombie child of this shell has stopped; `wait` reaps it.
    if [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = "Z" ]; then wait "$pid" 2>/dev/null || true; return 0; fi
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  [ -n "${client_pid:-}" ] && stop_pid "$client_pid" TERM
  for i in 1 2 3; do
    [ -f "$work/serve$i.pid" ] && stop_pid "$(cat "$work/serve$i.pid")" TERM
  done
  stop_pid "$nginx_pid" QUIT
  if [ "$passed" = 1 ] && [ "${CLUSTER_KEEP:-0}" != 1 ]; then
    rm -rf "$work"
  else
    if [ "$passed" != 1 ]; then
      for f in "$work"/serve*.log "$work/nginx/error.log"; do
        [ -s "$f" ] || continue
        echo "---- last lines of $f"
        tail -n 15 "$f"
      done
    fi
    echo "cluster test: logs, ledger and nginx access log kept in $work"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: a fresh database --------------------------------------------------------------
pg_admin() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -tA -c \"$1\""
  else
    PGOPTIONS='-c client_min_messages=warning' psql "${PGADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
      -X -q -v ON_ERROR_STOP=1 -tA -c "$1"
  fi
}
pg_admin "SELECT 1" >/dev/null 2>&1 || fail_setup "PostgreSQL does not answer (start it: pg_ctlcluster 15 main start)"
pg_admin "SELECT 1 FROM pg_roles WHERE rolname='synergia'" | grep -q 1 \
  || pg_admin "CREATE ROLE synergia LOGIN PASSWORD 'synergia'" >/dev/null
pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
pg_admin "CREATE DATABASE $db OWNER synergia" >/dev/null

export DATABASE_URL="$database_url"
# nginx on this machine is the only proxy: its X-Forwarded-For names the client (the sign-in limits count clients).
export SYNERGIA_TRUSTED_PROXIES=127.0.0.1/32
export SYNERGIA_PUBLIC_URL="http://127.0.0.1:18090"
export SYNERGIA_OUTBOX="$work/outbox"
export LOG_LEVEL=${LOG_LEVEL:-info}
unset SYNERGIA_DB

# --- migrate once, then the accounts ------------------------------------------------------------
t_setup=$(date +%s)
"$bin" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; fail_setup "migrate failed"; }
"$bin" seed --demo >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; fail_setup "seed --demo failed"; }
: >"$work/accounts.tsv"
for party in $parties; do
  email="focal-point-$(echo "$party" | tr 'A-Z' 'a-z')@cluster.synergia.test"
  password="cluster-$party-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  echo "$password" | "$bin" user add --email "$email" --role focal-point --party "$party" --convention CBD \
      --name "Cluster focal point $party" --password-stdin >>"$work/users.log" 2>&1 \
    || { cat "$work/users.log"; fail_setup "user add $email failed"; }
  printf '%s\t%s\t%s\n' "$email" "$password" "$party" >>"$work/accounts.tsv"
done
echo "cluster test: database $db migrated, demo seeded, $(wc -l <"$work/accounts.tsv") focal points in $(( $(date +%s) - t_setup )) s"

# --- three serve processes at once (each also migrates: the database is already current) --------
for i in 1 2 3; do
  "$bin" serve --hostname 127.0.0.1 --port "${ports[$((i - 1))]}" >"$work/serve$i.log" 2>&1 &
  echo $! >"$work/serve$i.pid"
done
for i in 1 2 3; do
  port=${ports[$((i - 1))]}
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz" 2>/dev/null && break
    kill -0 "$(cat "$work/serve$i.pid")" 2>/dev/null || { cat "$work/serve$i.log"; fail_setup "serve $i (port $port) exited at start"; }
    sleep 0.5
  done
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz" || fail_setup "serve $i (port $port) not ready after 60 s"
done
echo "cluster test: three serve processes started at once are ready (ports ${ports[*]})"

nginx -c "$conf" -p "$work/nginx/" -e "$work/nginx/error.log" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$front/healthz" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$front/healthz" || fail_setup "nginx does not answer on $front"
echo "cluster test: nginx on $front; load for $seconds s with $workers workers; SIGKILL serve $victim at t=$kill_at s, restart at t=$restart_at s"

# --- load, kill, restart -------------------------------------------------------------------------
victim_cmd=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "$bin" serve --hostname 127.0.0.1 --port "${ports[$((victim - 1))]}")
set +e
python3 scripts/cluster_load.py run --base "http://127.0.0.1:$front" --accounts "$work/accounts.tsv" \
  --template Sources/SynergiaCore/Resources/Templates/cbd-7nr.json --out "$work" \
  --seconds "$seconds" --workers "$workers" --kill-at "$kill_at" --restart-at "$restart_at" \
  --victim-pidfile "$work/serve$victim.pid" --victim-cmd "$victim_cmd" --victim-log "$work/serve$victim.log" \
  --victim-addr "127.0.0.1:${ports[$((victim - 1))]}" &
client_pid=$!
wait "$client_pid"
load_code=$?
client_pid=""
set -e
[ "$load_code" = 0 ] || fail_setup "the load client stopped with status $load_code"

# --- stop everything, then check ----------------------------------------------------------------
for i in 1 2 3; do stop_pid "$(cat "$work/serve$i.pid")" TERM; done
stop_pid "$nginx_pid" QUIT
nginx_pid=""
stopped=""
for i in 1 2 3; do
  [ "$i" = "$victim" ] && continue     # the restarted one is not this shell's child
  code=0; wait "$(cat "$work/serve$i.pid")" 2>/dev/null || code=$?
  stopped="$stopped serve$i=$code"
done
echo "cluster test: load done; serve processes stopped with SIGTERM, exit status:$stopped"

status=0
echo
echo "== synergia audit verify"
if "$bin" audit verify >"$work/audit.log" 2>&1; then
  cat "$work/audit.log"
  audit_ok=1
else
  cat "$work/audit.log"
  audit_ok=0
  status=1
fi

echo
echo "== the ledger against PostgreSQL"
set +e
python3 scripts/cluster_load.py verify --out "$work" --database-url "$database_url" --nginx-log "$work/nginx/access.log" \
  --victim-addr "127.0.0.1:${ports[$((victim - 1))]}"
verify_code=$?
set -e
[ "$verify_code" = 0 ] || status=$verify_code

# Errors the serve processes logged (evidence for a failing run).
errors=$(cat "$work"/serve*.log | grep -E '\[ (ERROR|CRITICAL) \]|unhandled error|level=error' || true)
if [ -n "$errors" ]; then
  echo
  echo "== errors logged by the serve processes: $(printf '%s\n' "$errors" | wc -l) lines; most frequent:"
  printf '%s\n' "$errors" | sed -E 's/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}/<uuid>/g; s/[0-9]+/N/g' \
    | cut -c1-300 | sort | uniq -c | sort -rn | head -n 8
fi

echo
if [ "$status" = 0 ]; then
  passed=1
  echo "cluster test: PASSED"
else
  [ "$audit_ok" = 1 ] || echo "cluster test: FAILED — audit verify failed"
  echo "cluster test: FAILED (status $status)"
fi
exit "$status"
