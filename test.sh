#!/usr/bin/env bash
# The one command that runs every Kovablik test: ./test.sh [extra dotnet test args]
#
# Installs what the suite needs (root on Debian only), starts a throwaway
# PostgreSQL 15 cluster, builds once, runs each test project, and ends with a
# single summary line "N passed, N failed[, N skipped]". See docs/testing.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

CONFIG=Debug
TEST_PROJECTS=(
  tests/Kovablik.Tests/Kovablik.Tests.csproj
  tests/Kovablik.BrowserTests/Kovablik.BrowserTests.csproj
)
RUN_DIR="$ROOT/.test-run"
RESULTS_DIR="$RUN_DIR/results"
PG_BIN=/usr/lib/postgresql/15/bin
DEFAULT_CHROMIUM=/usr/bin/chromium

say() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "dotnet is not on PATH; install the .NET 10 SDK (see global.json)"

# ---------------------------------------------------------------------------
# 1. Prerequisites
# ---------------------------------------------------------------------------
is_root_debian() { [[ -f /etc/debian_version && $(id -u) -eq 0 ]]; }

deb_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# apt may be busy (unattended upgrades, another session's install). apt-get's
# DPkg::Lock::Timeout covers only the dpkg lock, not the lists lock that
# "update" takes, so retry on any lock error for up to ~10 minutes.
apt_get() {
  local out attempt
  out=$(mktemp)
  for attempt in $(seq 1 60); do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=10 "$@" >"$out" 2>&1; then
      rm -f "$out"; return 0
    fi
    if ! grep -qiE 'could not get lock|unable to lock|unable to acquire' "$out"; then
      cat "$out" >&2; rm -f "$out"; return 1
    fi
    ((attempt == 1)) && say "apt is locked by another process; waiting"
    sleep 10
  done
  cat "$out" >&2; rm -f "$out"; return 1
}

missing=()   # Debian package names the suite lacks

# The browser tests drive a system Chromium: Playwright's own browser download
# is not available here. An explicit KOVABLIK_CHROMIUM wins over the default.
if [[ -n ${KOVABLIK_CHROMIUM:-} ]]; then
  [[ -x $KOVABLIK_CHROMIUM ]] || die "KOVABLIK_CHROMIUM=$KOVABLIK_CHROMIUM is not an executable file"
else
  [[ -x $DEFAULT_CHROMIUM ]] || missing+=(chromium)
  # Without a metric-compatible font set, text rendering (and so layout
  # assertions) differs from machine to machine.
  if command -v dpkg-query >/dev/null; then
    deb_installed fonts-liberation || missing+=(fonts-liberation)
  fi
fi

# A provided connection string means someone else runs the database.
if [[ -z ${KOVABLIK_TEST_POSTGRES:-} ]]; then
  for b in initdb pg_ctl pg_isready psql; do
    if [[ ! -x $PG_BIN/$b ]]; then missing+=(postgresql-15); break; fi
  done
fi

if ((${#missing[@]})); then
  if is_root_debian; then
    say "installing Debian packages: ${missing[*]}"
    apt_get update -qq || die "apt-get update failed"
    apt_get install -y -qq "${missing[@]}" \
      || die "could not install Debian packages: ${missing[*]}"
  else
    die "missing: ${missing[*]}. Install Debian packages chromium, fonts-liberation and postgresql-15" \
        "(or run this script as root on Debian), or set KOVABLIK_CHROMIUM and KOVABLIK_TEST_POSTGRES."
  fi
fi
export KOVABLIK_CHROMIUM=${KOVABLIK_CHROMIUM:-$DEFAULT_CHROMIUM}

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL 15 cluster
# ---------------------------------------------------------------------------
PG_TMP=""        # set once the cluster's temp dir exists; cleanup keys off it
PG_AS_POSTGRES=0 # postgres refuses to run as root, so root runs it as "postgres"

pg_run() {
  if ((PG_AS_POSTGRES)); then
    # cd first: the postgres user may not be able to read the caller's cwd.
    if command -v runuser >/dev/null; then
      (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
      (cd "$PG_TMP" && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
    fi
  else
    "$@"
  fi
}

stop_postgres() {
  [[ -n $PG_TMP ]] || return 0
  local data=$PG_TMP/data pid
  if [[ -f $data/postmaster.pid ]]; then
    # Immediate mode: the data is thrown away, so skip the shutdown checkpoint.
    if ! pg_run "$PG_BIN/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1; then
      pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
      [[ $pid =~ ^[0-9]+$ ]] && kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  # Keep the server log for post-mortems; the cluster itself goes.
  if [[ -f $PG_TMP/postgres.log ]]; then
    mkdir -p "$RUN_DIR" && cp "$PG_TMP/postgres.log" "$RUN_DIR/postgres.log" 2>/dev/null || true
  fi
  rm -rf "$PG_TMP"
  PG_TMP=""
}

trap 'stop_postgres' EXIT
# Turn signals into a normal exit so the EXIT trap cleans up too.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_in_use() {
  if command -v ss >/dev/null; then
    [[ -n $(ss -Htan "sport = :$1" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Below Linux's ephemeral range (32768+), so outgoing connections never hold it.
pick_port() {
  local p _
  for _ in $(seq 1 200); do
    p=$((15000 + RANDOM % 17000))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}

start_postgres() {
  if (($(id -u) == 0)); then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to run the test cluster"
    PG_AS_POSTGRES=1
  fi
  # Short path on purpose: the unix socket path must stay under ~107 bytes.
  PG_TMP=$(mktemp -d /tmp/kovablik-pg.XXXXXX)
  ((PG_AS_POSTGRES)) && chown postgres: "$PG_TMP"

  # UTF-8 with real Unicode case mapping, like production; plain C if absent.
  local locale_args=(--no-locale)
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_args=(--locale=C.UTF-8); fi

  # The bootstrap superuser is "kovablik" itself, so it can create the
  # per-test-class databases.
  pg_run "$PG_BIN/initdb" -D "$PG_TMP/data" -U kovablik -E UTF8 "${locale_args[@]}" \
    --auth=trust --no-sync --no-instructions >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }

  # Loopback only; no password is ever checked in this throwaway cluster.
  pg_run tee "$PG_TMP/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  # Durability is pointless for data deleted at exit; many test classes each
  # create a database and open pools, hence the connection headroom.
  pg_run tee -a "$PG_TMP/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF

  # Another process can grab the port between the check and the bind, so retry.
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pick_port) || die "found no free loopback port for PostgreSQL"
    say "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT"
    if pg_run "$PG_BIN/pg_ctl" start -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" \
         -o "-p $PG_PORT" -w -t 60 >/dev/null 2>&1; then
      break
    fi
    ((attempt < 5)) || { tail -n 20 "$PG_TMP/postgres.log" >&2 || true; die "PostgreSQL did not start"; }
  done

  local i
  for i in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U kovablik -d postgres && break
    ((i < 60)) || die "PostgreSQL on 127.0.0.1:$PG_PORT never became ready"
    sleep 0.5
  done

  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U kovablik -d postgres \
    -c "ALTER ROLE kovablik PASSWORD 'kovablik'" -c "CREATE DATABASE kovablik" >/dev/null \
    || die "could not create the kovablik database"

  export KOVABLIK_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=kovablik;Password=kovablik;Database=kovablik"
}

# ---------------------------------------------------------------------------
# 3. Build once, then run each project
# ---------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

say "building Kovablik.slnx ($CONFIG)"
build_ok=1
# No build servers: they would outlive this script and hold on to its output.
dotnet build Kovablik.slnx -c "$CONFIG" --disable-build-servers -v minimal || build_ok=0

if ((build_ok)); then
  if [[ -n ${KOVABLIK_TEST_POSTGRES:-} ]]; then
    say "using PostgreSQL from KOVABLIK_TEST_POSTGRES"
  else
    start_postgres
  fi
else
  echo "test.sh: build failed; no tests were run" >&2
fi

passed=0 failed=0 skipped=0

counter() { # counter NAME FILE -> value of NAME="..." on the TRX <Counters> line
  local v
  v=$(grep -o "<Counters [^>]*" "$2" | grep -oE "[[:space:]]$1=\"[0-9]+\"" | grep -oE '[0-9]+' | head -n1 || true)
  echo "${v:-0}"
}

# Sequential on purpose: the machines have 2 cores, and both projects share
# the one database server.
for proj in "${TEST_PROJECTS[@]}"; do
  name=$(basename "$proj" .csproj)
  trx="$RESULTS_DIR/$name.trx"
  rc=0
  if ((build_ok)); then
    say "testing $name"
    # A hung test would otherwise eat the whole CI budget without a summary.
    dotnet test "$proj" --no-build -c "$CONFIG" \
      --logger "trx;LogFileName=$name.trx" \
      --logger "console;verbosity=normal" \
      --results-directory "$RESULTS_DIR" \
      --blame-hang-timeout 15m --blame-hang-dump-type none \
      "$@" || rc=$?
  fi

  if [[ ! -f $trx ]]; then
    echo "test.sh: $name produced no TRX results; counting it as 1 failure" >&2
    failed=$((failed + 1))
    continue
  fi
  p=$(counter passed "$trx")
  f=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  # VSTest's TRX logger leaves notExecuted at 0 for skipped tests; they show
  # up only as total minus executed.
  s=$(($(counter total "$trx") - $(counter executed "$trx")))
  ns=$(counter notExecuted "$trx")
  ((ns > s)) && s=$ns
  if ((rc != 0 && f == 0)); then
    echo "test.sh: dotnet test for $name exited with $rc but reported no failed test; counting 1 failure" >&2
    f=1
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

# Stop the cluster now rather than in the EXIT trap, so nothing it might say
# lands after the summary line.
stop_postgres

status=0
((failed == 0 && build_ok)) || status=1
if ((passed + failed == 0)); then
  echo "test.sh: no test ran" >&2
  status=1
fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
exit "$status"
