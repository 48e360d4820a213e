#!/usr/bin/env bash
# Load test of the public registry pages and API on loopback, with wrk.
# Starts Kovablik.Web (Release, SQLite, demo data) and, in the same run, a plain Kestrel "hello" app as the ceiling.
# Usage: bench/load/registry.sh [duration=20s] [connections=64]
# Output: a markdown table on stdout (copy into docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNS=${2:-64}
command -v wrk >/dev/null || { echo "wrk is required (Debian package wrk)" >&2; exit 1; }

work=$(mktemp -d /tmp/kovablik-load.XXXXXX)
cleanup() { [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true; [ -n "${HELLO:-}" ] && kill "$HELLO" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/Kovablik.Web -v q -nologo >/dev/null
dotnet build -c Release bench/Kovablik.Hello -v q -nologo >/dev/null

port() { local p; while :; do p=$((20000 + RANDOM % 20000)); (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }; done; }
wait_up() { for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }

APP_PORT=$(port)
( cd "$work" && ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Staging RateLimiting__ApiPerSecond=1000000 RateLimiting__ApiBurst=1000000 \
  Kovablik__AutoMigrate=true Kovablik__SeedDemo=true Logging__LogLevel__Default=Warning \
  ConnectionStrings__Kovablik="Data Source=$work/k.db" Files__Root=$work/files \
  exec dotnet "$OLDPWD/artifacts/bin/Kovablik.Web/release/Kovablik.Web.dll" >"$work/app.log" 2>&1 ) & APP=$!
HELLO_PORT=$(port)
ASPNETCORE_URLS=http://127.0.0.1:$HELLO_PORT Logging__LogLevel__Default=Warning exec dotnet artifacts/bin/Kovablik.Hello/release/Kovablik.Hello.dll >"$work/hello.log" 2>&1 & HELLO=$!
wait_up "http://127.0.0.1:$APP_PORT/health/ready"
wait_up "http://127.0.0.1:$HELLO_PORT/"

ID=$(curl -fs "http://127.0.0.1:$APP_PORT/api/v1/innovations?pageSize=1" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)
run() { # name url
  wrk -t2 -c"$CONNS" -d3s "$2" >/dev/null 2>&1 || true   # warm-up: JIT tiers, EF query cache, connection pool
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$2" >"$work/wrk.txt" 2>&1 || true
  local rps p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  errs=$(awk '/Non-2xx or 3xx/ {print $5}' "$work/wrk.txt"); errs=${errs:-0}
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "$errs"
}
echo "| endpoint (${CONNS} connections, ${DURATION}) | req/s | p99 | non-2xx |"
echo "|---|---|---|---|"
run "plain Kestrel hello (ceiling)" "http://127.0.0.1:$HELLO_PORT/"
run "GET /health/live" "http://127.0.0.1:$APP_PORT/health/live"
run "GET /api/v1/innovations/$ID (JSON)" "http://127.0.0.1:$APP_PORT/api/v1/innovations/$ID"
run "GET /Inovasi/$ID (page)" "http://127.0.0.1:$APP_PORT/Inovasi/$ID"
run "GET /api/v1/innovations?q=layanan" "http://127.0.0.1:$APP_PORT/api/v1/innovations?q=layanan"
run "GET /Inovasi (first page)" "http://127.0.0.1:$APP_PORT/Inovasi"
run "GET /api/v1/organisations?q=puskesmas" "http://127.0.0.1:$APP_PORT/api/v1/organisations?q=puskesmas"
