# Shared helpers of the load scripts (sourced, not run). Callers set $work (a scratch directory) and may set
# PG_EXTRA (extra postgresql.conf lines) before start_postgres.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

# A free loopback port.
port() { local p; while :; do p=$((20000 + RANDOM % 20000)); (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }; done; }

# Waits until the URL answers (up to 300 s); otherwise shows the app log and stops the script.
wait_up() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "not up: $1" >&2; tail -20 "$work/app.log" >&2 2>/dev/null; exit 1; }

# A throw-away PostgreSQL 15 cluster in $work/pg on a free port (sets PG_PORT). fsync and synchronous_commit stay
# at their durable defaults unless PG_EXTRA says otherwise.
start_postgres() {
  mkdir -p "$work/pg" "$work/pgrun" && chown postgres: "$work/pg" "$work/pgrun" && chmod 700 "$work/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg" -U kovablik -E UTF8 --locale=C.UTF-8 --auth=trust --no-instructions >/dev/null
  printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 300\nshared_buffers = 256MB\n%b" "$work/pgrun" "${PG_EXTRA:-}" >>"$work/pg/postgresql.conf"
  PG_PORT=$(port)
  runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$work/pg" -l "$work/pgrun/pg.log" -o "-p $PG_PORT" -w -t 60 >/dev/null
}

stop_postgres() { [ -d "$work/pg" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$work/pg" -m immediate >/dev/null 2>&1 || true; }

# The plain Kestrel "hello" ceiling app (sets HELLO and HELLO_PORT); needs bench/Kovablik.Hello built in Release.
start_hello() {
  HELLO_PORT=$(port)
  ASPNETCORE_URLS=http://127.0.0.1:$HELLO_PORT Logging__LogLevel__Default=Warning dotnet "$ROOT/artifacts/bin/Kovablik.Hello/release/Kovablik.Hello.dll" >"$work/hello.log" 2>&1 & HELLO=$!
  wait_up "http://127.0.0.1:$HELLO_PORT/"
}

# "req/s p99" of the hello app at the given connections for the given duration, after a 3 s warm-up.
hello_rate() {
  wrk -t2 -c"$1" -d3s "http://127.0.0.1:$HELLO_PORT/" >/dev/null 2>&1 || true
  wrk -t2 -c"$1" -d"$2" --latency "http://127.0.0.1:$HELLO_PORT/" >"$work/hello-wrk.txt" 2>&1 || true
  echo "$(awk '/Requests\/sec/ {print $2}' "$work/hello-wrk.txt") $(awk '$1=="99%" {print $2}' "$work/hello-wrk.txt")"
}

# The 1-minute load average, to say how busy the shared machine was.
load_average() { cut -d' ' -f1 /proc/loadavg; }
