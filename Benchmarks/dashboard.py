#!/usr/bin/env python3
"""The operator's dashboard on a big fleet: how fast the hosts pages answer.

Seeds a fresh hub (slices controller, host-ingest, signed-ops) with CUSTOMERS customers
and HOSTS hosts straight into its SQLite database with Python's sqlite3, none of it
timed: 84 % of the hosts reported in the last 10 minutes (ok), 10 % are stale and 3 %
down (silent for 40 minutes and 2 hours, with the states the dead-man's switch records
for them), 2 % never reported and 1 % are revoked. Each host that reported has its
latest report, and one host a week of reports, one a minute, for its charts.

Then starts `hub serve`, logs in through the login form as a browser does (a cookie
jar, the form's CSRF token), and requests each page RUNS times after two warm-ups:
the kernel's flags page (what any page costs), the hosts table (unfiltered, stale only, one customer, page 1,000 of the whole fleet,
page 1,000 of the ok hosts, oldest first), the overview, its live refresh and the
busy host's page with its charts. Prints the median and the 95th percentile in
milliseconds, and checks that each page shows what it should (50 rows, the counts).
It reports; it fails (exit status 1) only when a check does, not on time.

    Benchmarks/dashboard.py                              # 100,000 hosts, release hub
    Benchmarks/dashboard.py --hub .build/debug/hub --hosts 20000
    Benchmarks/dashboard.py --keep                       # leaves the data folder behind

Build the release hub first: swift build -c release --product hub
"""
import argparse
import hashlib
import http.cookiejar
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

import serving

GLOBAL_KEY = "d" * 64
SLICES = "controller,host-ingest,signed-ops"
CHECKER = "host_staleness"
BUSY_REPORTS = 7 * 24 * 60


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def state_of(index):
    """The state host `index` is seeded in, by its place among every hundred."""
    place = index % 100
    if place < 2:
        return "never"
    if place < 3:
        return "revoked"
    if place < 6:
        return "down"
    if place < 16:
        return "stale"
    return "ok"


def seed(database, customers, hosts, now):
    """Customers, hosts, their recorded states and latest reports; answers the busy
    host's id and how many hosts are in each state."""
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO customer_configs (customer_id, name, status, api_key_hash, created_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?)",
        [(f"cust-{number:04d}", f"Customer {number}", hashlib.sha256(f"cust-{number}".encode()).hexdigest(), stamp(now), stamp(now))
         for number in range(customers)])
    host_rows, state_rows, report_rows, counts = [], [], [], {}
    created = stamp(now - timedelta(days=30))
    for index in range(hosts):
        customer = f"cust-{index % customers:04d}"
        host_id = f"{customer}-{index:06x}"
        state = state_of(index)
        counts[state] = counts.get(state, 0) + 1
        silence = {"ok": timedelta(seconds=index % 600), "stale": timedelta(minutes=40, seconds=index % 600),
                   "down": timedelta(hours=2, seconds=index % 600), "revoked": timedelta(days=1)}.get(state)
        last = stamp(now - silence) if silence else None
        host_rows.append((host_id, customer, f"pve {index}", hashlib.sha256(host_id.encode()).hexdigest(),
                          "0.4.0" if last else None, last, stamp(now - timedelta(days=1)) if state == "revoked" else None,
                          created, created))
        if state in ("stale", "down", "revoked"):
            state_rows.append((CHECKER, host_id, customer, "down" if state == "revoked" else state, stamp(now)))
        if last:
            report_rows.append((host_id, customer, last, last, "0.4.0", index % 100, (index * 7) % 100, (index * 13) % 100, 3, 2, "{}"))
    db.executemany(
        "INSERT INTO hosts (host_id, customer_id, label, api_key_hash, agent_version, last_report_at, revoked_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", host_rows)
    db.executemany("INSERT INTO kernel_subject_states (checker, subject, customer_id, state, changed_at) VALUES (?, ?, ?, ?, ?)", state_rows)
    busy = next(row for row in host_rows if state_of(host_rows.index(row)) == "ok")
    busy_id, busy_customer = busy[0], busy[1]
    # A week of reports of the busy host, one a minute, before everyone's latest report.
    week = [(busy_id, busy_customer, stamp(now - timedelta(minutes=minute)), stamp(now - timedelta(minutes=minute)), "0.4.0",
             20 + minute % 60, 50 + minute % 10, 63.0, 3, 2, "{}") for minute in range(BUSY_REPORTS, 0, -1)]
    insert_report = ("INSERT INTO host_reports (host_id, customer_id, reported_at, received_at, agent_version, cpu_percent, mem_percent,"
                     " disk_percent, guest_total, guest_running, raw_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    db.executemany(insert_report, week)
    db.executemany(insert_report, sorted(report_rows, key=lambda row: row[3]))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return busy_id, counts


class Browser:
    """urllib with a cookie jar: what a browser keeps between requests."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def log_in(self):
        status, form = self.get("/ui/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form)
        if status != 200 or not token:
            raise SystemExit(f"the login form answered {status}")
        body = urllib.parse.urlencode({"csrf": token.group(1), "next": "/ui/", "key": GLOBAL_KEY}).encode()
        with self.opener.open(urllib.request.Request(self.base + "/ui/login", data=body, method="POST"), timeout=60) as response:
            page = response.read().decode()
        if "Log out" not in page:
            raise SystemExit("logging in did not reach the overview")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hub", default=".build/release/hub")
    parser.add_argument("--hosts", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="leave the data folder behind")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.hub)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no hub at {binary}: swift build -c release --product hub (or pass --hub .build/debug/hub)")

    data = tempfile.mkdtemp(prefix="hub-dashboard-bench-")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    environment.update(HUB_DATA_DIR=data, HUB_GLOBAL_API_KEY=GLOBAL_KEY, HUB_SLICES=SLICES, HUB_LISTEN="127.0.0.1:0",
                       HUB_TICK_SECONDS="3600")
    process = None
    failures = []
    try:
        done = subprocess.run([binary, "migrate"], env=environment, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"hub migrate exited with {done.returncode}:\n{done.stderr}")
        now = datetime.now(timezone.utc)
        began = time.monotonic()
        busy, counts = seed(os.path.join(data, "hub.sqlite"), arguments.customers, arguments.hosts, now)
        print(f"seeded {arguments.hosts:,} hosts of {arguments.customers:,} customers in {time.monotonic() - began:.1f} s: "
              + ", ".join(f"{counts.get(state, 0):,} {state}" for state in ("ok", "stale", "down", "never", "revoked")), file=sys.stderr)

        process, port = serving.serve(binary, environment, os.path.join(data, "hub.log"))
        browser = Browser(port)
        browser.log_in()
        ok_pages = counts.get("ok", 0) // 50
        all_pages = arguments.hosts // 50
        customer_hosts = len(range(42, arguments.hosts, arguments.customers))
        pages = [
            # A page that reads no hosts: what every page costs (the session, the layout).
            ("/ui/flags", "the flags page, for comparison", lambda body: 'id="flags"' in body),
            ("/ui/hosts", "hosts, newest first", lambda body: body.count('<tr id="host-') == 50),
            ("/ui/hosts?state=stale", "stale hosts", lambda body: body.count('data-state="stale"') == 50
             and f"1–50 of {counts.get('stale', 0)}" in body),
            ("/ui/hosts?customer=cust-0042", "one customer's hosts", lambda body: body.count('<tr id="host-cust-0042-')
             == body.count('<tr id="host-') == min(50, customer_hosts)),
            (f"/ui/hosts?page={min(1000, all_pages)}", "page 1,000 of all", lambda body: body.count('<tr id="host-') == 50),
            (f"/ui/hosts?state=ok&page={min(1000, ok_pages)}", "page 1,000 of the ok hosts", lambda body: body.count('data-state="ok"') == 50),
            ("/ui/hosts?sort=oldest", "hosts, oldest first", lambda body: body.count('<tr id="host-') == 50),
            ("/ui/", "overview", lambda body: 'id="panel-hosts"' in body and f'id="panel-hosts-ok">{counts.get("ok", 0)}</a>' in body),
            ("/ui/overview/panels", "overview's live refresh", lambda body: 'id="panel-hosts"' in body),
            (f"/ui/hosts/{busy}", "a host with a week of reports", lambda body: '<polyline class="series-0"' in body
             and 'id="chart-7d"' in body),
        ]
        kind = "release" if "/release/" in binary else "debug" if "/debug/" in binary else "given"
        print(f"\n{kind} hub {binary}, {arguments.hosts:,} hosts, {arguments.runs} runs each (after 2 warm-ups), milliseconds\n")
        print(f"{'page':<32} {'path':<40} {'median':>8} {'p95':>8} {'max':>8}")
        for path, label, check in pages:
            timings = []
            for run in range(arguments.runs + 2):
                started = time.perf_counter()
                status, body = browser.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if run >= 2:
                    timings.append(elapsed)
                if run == 0 and (status != 200 or not check(body)):
                    failures.append(f"{path} answered {status} without what it should show")
            print(f"{label:<32} {path[:40]:<40} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f} {max(timings):8.1f}")
    finally:
        if process:
            process.send_signal(signal.SIGTERM)
            process.wait()
        if arguments.keep:
            print(f"\ndata folder kept: {data}", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)
    for failure in failures:
        print(f"CHECK FAILED: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
