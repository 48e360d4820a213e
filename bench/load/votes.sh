#!/usr/bin/env bash
# The favourite-vote surge of issue 5 ("≥ 2,000 durable votes/s; concurrent duplicate votes never counted twice"):
# V verified visitors first vote for 30 s in a second (warm-up) exhibition over the same booths, so the vote path is
# JIT-compiled and tiered up as on a server that has been taking votes; then (measured)
# V verified visitors each cast the exhibition's maximum (5) of votes over C connections as fast as the server answers,
# against Kovablik.Web (Release) on loopback; then 200 more visitors each send one vote 10× at once and 7 distinct votes
# at once; then the exhibition_votes table is checked in SQL. Once on SQLite, once on PostgreSQL 15 (fsync and
# synchronous_commit on).
# Usage: bench/load/votes.sh [visitors=2000] [providers="sqlite postgres"] [concurrency=64]
# Output: markdown on stdout (copy into docs/performance.md). Needs Debian's postgresql-15 for the PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/../.."
VISITORS=${1:-2000}
PROVIDERS=${2:-sqlite postgres}
CONCURRENCY=${3:-64}
DUPLICATES=${DUPLICATES:-200}
ROOT=$PWD
. bench/load/common.sh

work=$(mktemp -d /tmp/kovablik-votes.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  [ -n "${HELLO:-}" ] && kill "$HELLO" 2>/dev/null || true
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Kovablik.Web -v q -nologo >/dev/null
dotnet build -c Release bench/Kovablik.Bench -v q -nologo >/dev/null
BENCH="dotnet $ROOT/artifacts/bin/Kovablik.Bench/release/Kovablik.Bench.dll votes"

# Durable settings, stated rather than assumed: every commit waits for its WAL flush.
PG_EXTRA="fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n"
command -v wrk >/dev/null || { echo "wrk is required for the hello ceiling (Debian package wrk)" >&2; exit 1; }
dotnet build -c Release bench/Kovablik.Hello -v q -nologo >/dev/null
start_hello

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version); disk of $work: $(df -T "$work" | awk 'NR==2 {print $2}')"
echo
echo "| provider | visitors × votes | connections | votes counted | seconds | votes/s | p50 ms | p99 ms | max ms | other statuses |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
checks=()
ceilings=()
dups=()
for provider in $PROVIDERS; do
  case $provider in
    sqlite) PROVIDER=Sqlite; CS="Data Source=$work/k.db"; rm -f "$work"/k.db* ;;
    postgres) start_postgres; PROVIDER=Postgres; CS="Host=127.0.0.1;Port=$PG_PORT;Username=kovablik;Database=kovablik;Maximum Pool Size=200"
      "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U kovablik -d postgres -c "CREATE DATABASE kovablik" >/dev/null ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
  APP_PORT=$(port)
  # Sign-in, API and vote limits are per IP and per account; every simulated visitor shares 127.0.0.1.
  ( cd "$work" && ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Staging \
    RateLimiting__SignInPerMinute=1000000 RateLimiting__ApiPerSecond=1000000 RateLimiting__ApiBurst=1000000 \
    RateLimiting__VotesPerAccountPerMinute=1000000 RateLimiting__VotesPerAccountBurst=1000000 RateLimiting__VotesPerIpPerMinute=100000000 \
    Kovablik__AutoMigrate=true Kovablik__SeedDemo=true Logging__LogLevel__Default=Warning \
    Database__Provider=$PROVIDER ConnectionStrings__Kovablik="$CS" Files__Root=$work/files-$provider \
    exec dotnet "$ROOT/artifacts/bin/Kovablik.Web/release/Kovablik.Web.dll" >"$work/app.log" 2>&1 ) & APP=$!
  wait_up "http://127.0.0.1:$APP_PORT/health/ready"
  $BENCH seed --provider $PROVIDER --connection "$CS" --visitors "$VISITORS" --duplicates "$DUPLICATES" >&2
  out=$($BENCH run --url "http://127.0.0.1:$APP_PORT" --provider $PROVIDER --connection "$CS" --visitors "$VISITORS" \
    --duplicates "$DUPLICATES" --concurrency "$CONCURRENCY" --label "$PROVIDER") || out="$out
(run reported a failure: see above)"
  echo "$out" | sed -n 1p
  ceilings+=("$PROVIDER: plain Kestrel hello right after, $CONCURRENCY connections, 10 s: $(hello_rate "$CONCURRENCY" 10s | awk '{print $1 " req/s, p99 " $2}'); load average $(load_average)")
  checks+=("$(echo "$out" | sed -n 2p)")
  dups+=("$(echo "$out" | sed -n '3,$p')")
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
done
echo
for c in "${ceilings[@]}"; do echo "- $c"; done
echo
echo "After the run, in SQL (rows = every 201 of both phases; pairs and persons above the maximum must be 0):"
echo
echo "| provider | rows in exhibition_votes | 201 responses | (person, innovation) pairs counted twice | persons above max 5 | verdict |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
for c in "${checks[@]}"; do echo "$c"; done
echo
echo "Duplicate phase:"
echo
for d in "${dups[@]}"; do echo "$d"; done
