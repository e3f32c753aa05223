#!/usr/bin/env python3
"""Seeds a migrated hub database for the benchmark.

Creates customer `bench`, HOSTS hosts with known keys (stored as SHA-256 hashes, as the
hub stores them), all recently reported so the staleness checker has a real fleet to
scan (SILENT_PERCENT of them silent past the down threshold), and EXPIRED rows of
expired host reports for the prune to delete. Writes `hosts-all.txt` (every host) and
`hosts-load.txt` (the first LOAD hosts) as `host_id key` lines for the load script.
"""
import hashlib
import os
import secrets
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

data_dir, hosts, load, expired, silent_percent = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


now = datetime.now(timezone.utc)
db = sqlite3.connect(os.path.join(data_dir, "hub.sqlite"))
db.execute("PRAGMA journal_mode = WAL")
customer_key = secrets.token_hex(32)
db.execute(
    "INSERT INTO customer_configs (customer_id, name, status, api_key_hash, created_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?)",
    ("bench", "Benchmark", hashlib.sha256(customer_key.encode()).hexdigest(), stamp(now), stamp(now)),
)
rows, lines = [], []
silent_every = max(1, 100 // silent_percent) if silent_percent else 0
for index in range(hosts):
    host_id = f"bench-{index:06d}"
    key = secrets.token_hex(32)
    lines.append(f"{host_id} {key}\n")
    silent = silent_every and index % silent_every == silent_every - 1 and index >= load
    last = now - (timedelta(hours=3) if silent else timedelta(seconds=index % 600))
    rows.append((host_id, "bench", hashlib.sha256(key.encode()).hexdigest(), "0.3.1", stamp(last), stamp(now), stamp(now)))
db.executemany(
    "INSERT INTO hosts (host_id, customer_id, api_key_hash, agent_version, last_report_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    rows,
)
old = stamp(now - timedelta(days=90))
db.execute(
    """
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
    INSERT INTO host_reports (host_id, customer_id, reported_at, received_at, agent_version, cpu_percent, mem_percent,
        disk_percent, guest_total, guest_running, cloudflared_status, raw_json)
    SELECT printf('bench-%06d', i % ?), 'bench', ?, ?, '0.3.1', 1.0, 2.0, 3.0, 4, 2, 'connected', '{"expired":true}' FROM n
    """,
    (expired, max(hosts, 1), old, old),
)
db.commit()
db.close()
with open(os.path.join(data_dir, "hosts-all.txt"), "w") as out:
    out.writelines(lines)
with open(os.path.join(data_dir, "hosts-load.txt"), "w") as out:
    out.writelines(lines[:load])
