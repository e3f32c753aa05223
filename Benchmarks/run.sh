#!/usr/bin/env bash
# The ingest benchmark: builds the hub in release mode, seeds a temporary database
# (100,000 hosts, 5 million expired reports), drives /api/v1/host-report with wrk and
# prints one table of figures. It reports; it does not pass or fail on time.
#
#   Benchmarks/run.sh            # full run, about 4 minutes after the build
#   DURATION=10 Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
here=Benchmarks

duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
hosts=${HOSTS:-100000}
load_hosts=${LOAD_HOSTS:-1000}
expired=${EXPIRED_ROWS:-5000000}
port=${PORT:-18399}
url="http://127.0.0.1:$port"

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3

swift build -c release --product hub >&2
hub="$(swift build -c release --show-bin-path)/hub"
data=$(mktemp -d /tmp/hub-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT
export HUB_DATA_DIR=$data HUB_LISTEN=127.0.0.1:$port HUB_GLOBAL_API_KEY=$(printf 'b%.0s' {1..64})

echo "seeding $hosts hosts and $expired expired reports…" >&2
"$hub" migrate >/dev/null
python3 "$here/seed.py" "$data" "$hosts" "$load_hosts" "$expired" 5
# The seed leaves about a gigabyte for the kernel to write back; on the disk before the
# first phase, it does not slow down whichever phase it would otherwise overlap.
sync

results=$data/results.txt
: >"$results"
hub_pid=
start_hub() { # log file, then extra VAR=value settings
  local log=$1; shift
  env "$@" "$hub" serve >"$log" 2>&1 &
  hub_pid=$!
  for _ in $(seq 100); do curl -sf "$url/readyz" >/dev/null && return; sleep 0.1; done
  echo "hub did not start; see $log" >&2; exit 1
}
stop_hub() { kill -INT "$hub_pid"; wait "$hub_pid" || true; }
run_wrk() { # phase name, then wrk arguments
  local phase=$1; shift
  echo "phase: $phase" >&2
  wrk "$@" | sed -n "s/^RESULT /$phase /p" | tee -a "$results" >&2
}
# One wrk thread throughout: on two cores the load generator takes the same share in every phase.
ingest() { run_wrk "$1" -t1 -c"$2" -d"${3}s" --latency -s "$here/report.lua" "$url" -- "$4" "${5:-0}"; }

# 1. No checker or prune running: the ceiling, the throughput, light load, memory.
start_hub "$data/hub-1.log" HUB_TICK_SECONDS=3600 HUB_RETENTION_DAYS=36500
sleep 2
run_wrk healthz -t1 -c"$connections" -d"${duration}s" -s "$here/healthz.lua" "$url/healthz"
ingest ingest "$connections" "$duration" "$data/hosts-load.txt"
rate=$(awk '$1 == "ingest" { for (i = 2; i <= NF; i++) if ($i ~ /^requests=/ || $i ~ /^duration_us=/) { split($i, kv, "="); v[kv[1]] = kv[2] } } END { printf "%d", v["requests"] / (v["duration_us"] / 1e6) }' "$results")
light_connections=8
light_delay=$(python3 -c "print(max(1, round($light_connections * 1000 / max(1, $rate * 0.1)) - 1))")
ingest light "$light_connections" "$duration" "$data/hosts-load.txt" "$light_delay"
ingest fleet "$connections" "$duration" "$data/hosts-all.txt"
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$hub_pid/status")
stop_hub

# 2. The staleness checker every second over the whole fleet, under the same load.
start_hub "$data/hub-2.log" HUB_TICK_SECONDS=1 HUB_RETENTION_DAYS=36500
ingest ticking "$connections" "$duration" "$data/hosts-load.txt"
stop_hub
grep 'checker=host_staleness' "$data/hub-2.log" | sed -n 's/.*duration_ms=\([0-9.]*\).*/\1/p' >"$data/ticks.txt"

# 3. The daily prune of the expired reports, started with the hub, under the same load.
start_hub "$data/hub-3.log" HUB_TICK_SECONDS=3600 HUB_RETENTION_DAYS=30
ingest pruning "$connections" "$duration" "$data/hosts-load.txt"
for _ in $(seq 600); do grep -q 'pruned old reports' "$data/hub-3.log" && break; sleep 0.5; done
prune_line=$(grep 'pruned old reports' "$data/hub-3.log" | head -1)
pruned=$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' <<<"$prune_line")
prune_seconds=$(sed -n 's/.*duration_ms=\([0-9.]*\).*/\1/p' <<<"$prune_line" | awk '{ printf "%.1f", $1 / 1000 }')
stop_hub

stored=$(sqlite3 "$data/hub.sqlite" "SELECT COUNT(*) FROM host_reports WHERE raw_json NOT LIKE '{\"expired\"%'")
expired_left=$(sqlite3 "$data/hub.sqlite" "SELECT COUNT(*) FROM host_reports WHERE raw_json LIKE '{\"expired\"%'")
integrity=$(sqlite3 "$data/hub.sqlite" "PRAGMA integrity_check")

python3 "$here/report.py" "$results" "$data/ticks.txt" "$rss_kb" "$stored" "${pruned:-0}" "$expired_left" "$prune_seconds" "$integrity" \
  "$connections" "$load_hosts" "$hosts" "$duration" "$light_connections" "$light_delay"
