#!/usr/bin/env bash
# Issue 5's public catalogue under load: 60,000 demo innovations (about 51,000 published), 64 connections, wrk on
# loopback, with a plain Kestrel "hello" in the same run as the ceiling.
# Usage: [REPEAT=n] bench/load/catalogue.sh [duration=20s] [connections=64] [providers="sqlite postgres"] [innovations=60000]
# Innovation pages are requested at random over every published id (the output cache fills as it goes, like a real
# crowd spread over a catalogue); searches pick at random from bench/load/search-terms.txt.
# Output: markdown on stdout (copy into docs/performance.md). Needs Debian's wrk and, for PostgreSQL, postgresql-15.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNS=${2:-64}
PROVIDERS=${3:-sqlite postgres}
COUNT=${4:-60000}
REPEAT=${REPEAT:-1}   # measure the endpoints this many times on the same seeded database
ROOT=$PWD
. bench/load/common.sh
command -v wrk >/dev/null || { echo "wrk is required (Debian package wrk)" >&2; exit 1; }

work=$(mktemp -d /tmp/kovablik-catalogue.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  [ -n "${HELLO:-}" ] && kill "$HELLO" 2>/dev/null || true
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Kovablik.Web -v q -nologo >/dev/null
dotnet build -c Release src/Kovablik.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/Kovablik.Hello -v q -nologo >/dev/null
CLI="dotnet $ROOT/artifacts/bin/Kovablik.Cli/release/kovablik.dll"
[ -f "$ROOT/artifacts/bin/Kovablik.Cli/release/kovablik.dll" ] || CLI="dotnet $ROOT/artifacts/bin/Kovablik.Cli/release/Kovablik.Cli.dll"

run() { # name url-or-@pathsfile base
  local target=$2 script=()
  if [[ $target == @* ]]; then export PATHS=${target#@}; script=(-s "$ROOT/bench/load/lua/random-path.lua"); target=$3; fi
  wrk -t2 -c"$CONNS" -d5s "${script[@]}" "$target" >/dev/null 2>&1 || true   # warm-up
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "${script[@]}" "$target" >"$work/wrk.txt" 2>&1 || true
  local rps p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  errs=$(awk '/Non-2xx or 3xx/ {print $5}' "$work/wrk.txt"); errs=${errs:-0}
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "$errs"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
start_hello
for provider in $PROVIDERS; do
  case $provider in
    sqlite) PROVIDER=Sqlite; CS="Data Source=$work/k.db" ;;
    postgres) start_postgres; PROVIDER=Postgres; CS="Host=127.0.0.1;Port=$PG_PORT;Username=kovablik;Database=kovablik;Maximum Pool Size=200" ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
  export DOTNET_ENVIRONMENT=Development
  start=$(date +%s)
  $CLI migrate --provider $PROVIDER --connection "$CS" >/dev/null
  $CLI seed demo --innovations "$COUNT" --provider $PROVIDER --connection "$CS" >/dev/null
  echo "seeded $COUNT innovations on $PROVIDER in $(( $(date +%s) - start )) s" >&2
  APP_PORT=$(port)
  ( cd "$work" && ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Staging \
    RateLimiting__ApiPerSecond=1000000 RateLimiting__ApiBurst=1000000 RateLimiting__SignInPerMinute=1000000 \
    Logging__LogLevel__Default=Warning Database__Provider=$PROVIDER ConnectionStrings__Kovablik="$CS" Files__Root=$work/files \
    exec dotnet "$ROOT/artifacts/bin/Kovablik.Web/release/Kovablik.Web.dll" >"$work/app.log" 2>&1 ) & APP=$!
  wait_up "http://127.0.0.1:$APP_PORT/health/ready"
  base="http://127.0.0.1:$APP_PORT"
  curl -fs "$base/api/v1/open/innovations.csv" | awk -F, 'NR > 1 && $1 ~ /^[0-9]+$/ {print "/Inovasi/" $1}' >"$work/pages.txt"
  published=$(wc -l <"$work/pages.txt")
  shuf -n 300 --random-source=<(yes) "$work/pages.txt" >"$work/hot.txt"   # an exhibition's worth of booths
  sed 's|.*|/Inovasi?Q=&|; s/ /+/g' bench/load/search-terms.txt >"$work/search-pages.txt"
  sed 's|.*|/api/v1/innovations?q=&|; s/ /+/g' bench/load/search-terms.txt >"$work/search-api.txt"
  # Uncached: each path asked once at most (an unused query parameter makes every URL its own cache entry).
  for round in $(seq 1 "$REPEAT"); do
    for n in $(seq 1 400); do sed "s|\$|\&n=$round-$n|" "$work/search-api.txt"; done | shuf >"$work/search-api-cold-$round.txt"
    for n in $(seq 1 8); do sed "s|\$|?n=$round-$n|" "$work/pages.txt"; done | shuf >"$work/pages-cold-$round.txt"
  done
  # The JIT needs more than a 5-second warm-up on 2 shared cores: tiered compilation and dynamic PGO kept raising the
  # page rate for about 30 s after start (1,000 req/s in the first 10 s, 2,600 at 30 s, same build and data). A server
  # runs for days, so the figures below are taken after 40 s of page and search traffic.
  for n in $(seq 1 8); do sed "s|\$|?n=warm-$n|" "$work/pages.txt"; done | shuf >"$work/pages-warm.txt"
  PATHS="$work/pages-warm.txt" wrk -t2 -c"$CONNS" -d30s -s "$ROOT/bench/load/lua/random-path.lua" "$base" >/dev/null 2>&1 || true
  for n in $(seq 1 400); do sed "s|\$|\&n=warm-$n|" "$work/search-api.txt"; done >"$work/search-api-warm.txt"
  PATHS="$work/search-api-warm.txt" wrk -t2 -c"$CONNS" -d10s -s "$ROOT/bench/load/lua/random-path.lua" "$base" >/dev/null 2>&1 || true
  echo
  echo "### $PROVIDER: $published published innovations (load average $(load_average) at start)"
  echo
  echo "| endpoint ($CONNS connections, $DURATION) | req/s | p99 | non-2xx |"
  echo "|---|---|---|---|"
  for round in $(seq 1 "$REPEAT"); do
  [ "$REPEAT" -gt 1 ] && echo "| *round $round, load average $(load_average)* | | | |"
    run "plain Kestrel hello (ceiling)" "http://127.0.0.1:$HELLO_PORT/"
    run "GET /Inovasi/{random published id}?n={unique} (public page, every request a cache miss)" "@$work/pages-cold-$round.txt" "$base"
    run "GET /Inovasi/{random published id} (public page, anonymous, output cache on)" "@$work/pages.txt" "$base"
    run "GET /Inovasi/{one of 300 booth innovations} (public page, anonymous)" "@$work/hot.txt" "$base"
    run "GET /Inovasi?Q={random term} (search page)" "@$work/search-pages.txt" "$base"
    run "GET /api/v1/innovations?q={random term} (search API)" "@$work/search-api.txt" "$base"
    run "GET /api/v1/innovations?q={random term}&n={unique} (search API, uncached)" "@$work/search-api-cold-$round.txt" "$base"
  done
  echo "(load average $(load_average) at the end)"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
done
