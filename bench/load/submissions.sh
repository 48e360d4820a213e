#!/usr/bin/env bash
# The submission rush of issue 3: N operators at once take 10 innovations each through create, three autosaves, two
# PDF uploads and submit, against Kovablik.Web (Release) on loopback; once on SQLite, once on PostgreSQL 15.
# Usage: bench/load/submissions.sh [operators=300] [per-operator=10] [providers="sqlite postgres"] [think-ms="0 3000"]
# Each provider is run once per think time: 0 = every operator fires its next request the moment the last one
# answers (saturation); 3000 = 1.5-4.5 s between a person's actions, still far busier than real people.
# Output: markdown on stdout (copy into docs/performance.md). Needs Debian's postgresql-15 for the PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/../.."
OPERATORS=${1:-300}
PER=${2:-10}
PROVIDERS=${3:-sqlite postgres}
THINKS=${4:-0 3000}
ROOT=$PWD
PG_BIN=/usr/lib/postgresql/15/bin

work=$(mktemp -d /tmp/kovablik-rush.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$work/pg" -m immediate >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/Kovablik.Web -v q -nologo >/dev/null
dotnet build -c Release bench/Kovablik.Bench -v q -nologo >/dev/null
BENCH="dotnet $ROOT/artifacts/bin/Kovablik.Bench/release/Kovablik.Bench.dll submissions"

port() { local p; while :; do p=$((20000 + RANDOM % 20000)); (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }; done; }
wait_up() { for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "not up: $1" >&2; tail -20 "$work/app.log" >&2; exit 1; }

start_postgres() {
  # Durable settings (fsync, synchronous_commit on): the figures should be what a real server does.
  # postgres refuses to run as root: its data, socket and log live in folders it owns.
  mkdir -p "$work/pg" "$work/pgrun" && chown postgres: "$work/pg" "$work/pgrun" && chmod 700 "$work/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg" -U kovablik -E UTF8 --locale=C.UTF-8 --auth=trust --no-instructions >/dev/null
  printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 300\nshared_buffers = 256MB\n" "$work/pgrun" >>"$work/pg/postgresql.conf"
  PG_PORT=$(port)
  runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$work/pg" -l "$work/pgrun/pg.log" -o "-p $PG_PORT" -w -t 60 >/dev/null
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
for provider in $PROVIDERS; do
  case $provider in
    sqlite) PROVIDER=Sqlite; CS="Data Source=$work/k.db" ;;
    postgres) start_postgres; PROVIDER=Postgres; CS="Host=127.0.0.1;Port=$PG_PORT;Username=kovablik;Database=kovablik;Maximum Pool Size=200" ;;
    *) echo "unknown provider $provider" >&2; exit 2 ;;
  esac
  for think in $THINKS; do
  # Every run starts from an empty database and file store.
  if [ "$provider" = postgres ]; then
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U kovablik -d postgres -c "DROP DATABASE IF EXISTS kovablik WITH (FORCE)" -c "CREATE DATABASE kovablik" >/dev/null
  else
    rm -f "$work"/k.db*
  fi
  rm -rf "$work/files-$provider"
  APP_PORT=$(port)
  # Sign-in and API rate limits are per IP and per account; every simulated operator shares 127.0.0.1.
  ( cd "$work" && ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Staging \
    RateLimiting__SignInPerMinute=1000000 RateLimiting__ApiPerSecond=1000000 RateLimiting__ApiBurst=1000000 \
    Kovablik__AutoMigrate=true Kovablik__SeedDemo=true Logging__LogLevel__Default=Warning \
    Database__Provider=$PROVIDER ConnectionStrings__Kovablik="$CS" Files__Root=$work/files-$provider \
    exec dotnet "$ROOT/artifacts/bin/Kovablik.Web/release/Kovablik.Web.dll" >"$work/app.log" 2>&1 ) & APP=$!
  wait_up "http://127.0.0.1:$APP_PORT/health/ready"
  $BENCH seed --provider $PROVIDER --connection "$CS" --operators "$OPERATORS" --per-operator "$PER" >&2
  $BENCH run --url "http://127.0.0.1:$APP_PORT" --operators "$OPERATORS" --think "$think" --label "$PROVIDER" || echo "(errors above)"
  echo
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
  done
done
