#!/usr/bin/env bash
# Alternating ingest runs of two hub binaries on one machine, for "did this change slow
# ingest?": raw figures drift between runs and days on a shared machine, so each pair
# runs back to back, and the CPU the hub spent per report is printed beside the rate.
#
#   Benchmarks/compare.sh OLD_HUB NEW_HUB [PAIRS]
#   (build each with `swift build -c release --product hub`, e.g. in a git worktree)
set -euo pipefail
cd "$(dirname "$0")"
old=$1 new=$2 pairs=${3:-3}
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

# One 15-second ingest of 64 connections over 1,000 of 10,000 seeded hosts.
# Prints: reports/s, p99 in ms, hub CPU in ms per 1,000 reports.
run() {
  local hub=$1 port=18411 data pid before after result
  data=$(mktemp -d /tmp/hub-compare.XXXXXX)
  HUB_DATA_DIR=$data "$hub" migrate >/dev/null
  python3 seed.py "$data" 10000 1000 1000 5 >/dev/null 2>&1
  sync
  HUB_DATA_DIR=$data HUB_LISTEN=127.0.0.1:$port HUB_TICK_SECONDS=3600 HUB_RETENTION_DAYS=36500 \
    HUB_GLOBAL_API_KEY=$(printf 'b%.0s' {1..64}) "$hub" serve >"$data/hub.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  result=$(wrk -t1 -c64 -d15s -s report.lua "http://127.0.0.1:$port" -- "$data/hosts-load.txt" 0 | sed -n 's/^RESULT //p')
  after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  kill -INT "$pid"; wait "$pid" || true
  rm -rf "$data"
  python3 - "$result" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import sys
fields = dict(pair.split("=") for pair in sys.argv[1].split())
requests, ticks, per_second = int(fields["requests"]), int(sys.argv[2]), int(sys.argv[3])
print(f"{requests / (int(fields['duration_us']) / 1e6):8.0f} {int(fields['p99_us']) / 1000:8.2f} {ticks * 1000 / per_second / requests * 1000:8.0f}")
PY
}

echo "binary  reports/s  p99 ms  cpu ms/1000"
for _ in $(seq "$pairs"); do
  echo "old  $(run "$old")"
  echo "new  $(run "$new")"
done
