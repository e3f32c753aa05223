#!/usr/bin/env python3
"""The cutover on a big database: time and peak memory of `hub migrate --allow-destructive`.

Seeds a temporary hub (slices controller, host-ingest, signed-ops, enrollment) with
CUSTOMERS customers and their hosts, each host reporting once through `hub serve` so
its guests, with or without a controller, are known; then writes REPORTS legacy
controller reports (~300 bytes of agent protocol §3 each, spread evenly over the
customers) straight into `reports` with Python's sqlite3. None of that is timed.

Then, with the cutover slice enabled, prints `hub migrate --dry-run --json` and checks
its counts against what was seeded, and times `hub migrate --allow-destructive` under
`/usr/bin/time -v` (else wait4's rusage): the whole command, and, by when its standard
error lines arrive, the backup, the copy, the verification and the rest (heads,
indexes, the drop, the commit). Afterwards it checks that `guest_reports` holds every
report (the planned number under guests), that `reports` is gone and the database is
intact, and prints the sizes and a table to paste into the README. It reports; it fails
(exit status 1) only when a check does, not on time.

    Benchmarks/cutover.py                                     # 1,000,000 reports, release hub
    Benchmarks/cutover.py --hub .build/debug/hub --reports 50000
    Benchmarks/cutover.py --reports 5000000 --keep            # leaves the data folder behind

Build the release hub first: swift build -c release --product hub
"""
import argparse
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

import serving

GLOBAL_KEY = "d" * 64
BASE_SLICES = "controller,host-ingest,signed-ops,enrollment"
CUTOVER_SLICES = BASE_SLICES + ",cutover"
CUTOVER_STEP = "cutover-001-guest-reports"
BATCH_ROWS = 100_000
SERVICES = ["nextcloud", "vaultwarden", "immich", "paperless", "jellyfin"]


def customer_shapes(customers):
    """What each customer has, by index: the cutover maps a customer's reports only when
    exactly one of its guests runs a controller. One customer in ten has none (no host,
    or a host whose guest runs none) and one in ten has two (on one host, or on two
    hosts); the others' reports map, to a host with the controller alone or beside
    another guest."""
    shapes = []
    for index in range(customers):
        kind = index % 20
        if kind == 0:
            shapes.append(("no host", []))
        elif kind == 1:
            shapes.append(("host without controller", [[("web", None)]]))
        elif kind == 2:
            shapes.append(("two controllers on one host", [[("ctl", "1.4.2"), ("ctl-2", "1.4.2")]]))
        elif kind == 3:
            shapes.append(("two hosts with a controller each", [[("ctl", "1.4.2")], [("ctl", "1.4.1")]]))
        elif kind % 2:
            shapes.append(("one controller and a web guest", [[("ctl", "1.4.2"), ("web", None)]]))
        else:
            shapes.append(("one controller", [[("ctl", "1.4.2")]]))
    return shapes


def maps(guests_by_host):
    return sum(1 for host in guests_by_host for _, version in host if version) == 1


def host_report(host_id, guests):
    return {
        "host_id": host_id, "reported_at": "2026-12-01T10:00:00Z", "agent_version": "0.4.0",
        "host": {"hostname": "pve", "cpu_percent": 1, "mem_percent": 1, "disk_percent": 1},
        "guests": [
            {"vmid": 101 + index, "name": name, "status": "running", **({"controller_version": version} if version else {})}
            for index, (name, version) in enumerate(guests)
        ],
    }


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Hub:
    def __init__(self, binary, data):
        self.binary, self.data = binary, data
        self.process, self.port = None, None

    def environment(self, slices):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
        environment.update(HUB_DATA_DIR=self.data, HUB_GLOBAL_API_KEY=GLOBAL_KEY, HUB_SLICES=slices, HUB_LISTEN="127.0.0.1:0",
                           HUB_TICK_SECONDS="3600", HUB_FLAGS="admin_mint=on")
        return environment

    def command(self, *arguments):
        done = subprocess.run([self.binary, *arguments], env=self.environment(BASE_SLICES), capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"hub {' '.join(arguments)} exited with {done.returncode}:\n{done.stderr}")
        return done.stdout

    def start(self):
        self.process, self.port = serving.serve(self.binary, self.environment(BASE_SLICES), os.path.join(self.data, "hub.log"))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait()

    def post(self, path, key, body):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=json.dumps(body).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def seed_fleet(hub, customers):
    """Customers and hosts through the command line, one host report each through the
    server. Returns the customer ids and which of them the cutover will map."""
    ids, mapped, guests_seen = [], set(), 0
    shapes = customer_shapes(customers)
    hosts = []
    for index, (_, guests_by_host) in enumerate(shapes):
        customer = f"cust-{index:04d}"
        ids.append(customer)
        json.loads(hub.command("customers", "add", customer, "--json"))
        for guests in guests_by_host:
            minted = json.loads(hub.command("hosts", "mint", customer, "--json"))
            hosts.append((minted["host_id"], minted["api_key"], guests))
        if maps(guests_by_host):
            mapped.add(customer)
    hub.start()
    try:
        for host_id, key, guests in hosts:
            status, body = hub.post("/api/v1/host-report", key, host_report(host_id, guests))
            if status != 200:
                raise SystemExit(f"host report for {host_id} answered {status}: {body[:200]!r}")
            guests_seen += len(guests)
    finally:
        hub.stop()
    return ids, mapped, len(hosts), guests_seen


def seed_reports(database, customers, total):
    """`total` legacy controller reports, customer after customer every 15 minutes, in
    transactions of BATCH_ROWS. Returns the number that belongs to each customer."""
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA synchronous = NORMAL")
    start = datetime(2026, 6, 1, tzinfo=timezone.utc)
    counts = dict.fromkeys(customers, 0)
    template = ('{"customer_id": "%s", "reported_at": "%s", "controller_version": "%s", "hostname": "%s", '
                '"disk_percent": %.1f, "services": [%s], "last_backup_at": "%s"}')
    versions = ["1.4.2", "1.4.1", "1.3.9"]

    def rows(first, last):
        for number in range(first, last):
            customer = customers[number % len(customers)]
            counts[customer] += 1
            reported = start + timedelta(seconds=900 * (number // len(customers)) + number % len(customers))
            received = reported + timedelta(milliseconds=250 + number % 500)
            backup = reported.replace(hour=3, minute=0, second=0)
            services = ", ".join(f'{{"name": "{name}", "status": "{"stopped" if (number + offset) % 97 == 0 else "running"}"}}'
                                 for offset, name in enumerate(SERVICES[:1 + number % 3]))
            version = versions[(number // 7) % 3]
            disk = 20 + (number % 700) / 10
            raw = template % (customer, reported.strftime("%Y-%m-%dT%H:%M:%SZ"), version, f"ctl-{customer}", disk, services,
                              backup.strftime("%Y-%m-%dT%H:%M:%SZ"))
            yield customer, stamp(reported), stamp(received), version, f"ctl-{customer}", disk, stamp(backup), raw

    for first in range(0, total, BATCH_ROWS):
        last = min(total, first + BATCH_ROWS)
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO reports (customer_id, reported_at, received_at, controller_version, hostname, disk_percent, last_backup_at, raw_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows(first, last))
        db.execute("COMMIT")
        print(f"  {last:,} / {total:,} reports", file=sys.stderr, flush=True)
    average = db.execute("SELECT AVG(LENGTH(raw_json)) FROM reports").fetchone()[0] or 0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return counts, average


def database_bytes(data, name="hub.sqlite"):
    path = os.path.join(data, name)
    return os.path.getsize(path) if os.path.exists(path) else 0


def number(value):
    return "?" if value is None else f"{value:,}"


def mb(size):
    return f"{size / 1e6:,.0f} MB"


def folder_bytes(folder):
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def run_timed(command, environment, folder):
    """Runs `command` (under `/usr/bin/time -v` when there is one), timestamping each
    line of standard error as it arrives and sampling the size of `folder` meanwhile.
    Returns the exit status, seconds, stdout, [(seconds, line)], the peak RSS in KiB by
    /usr/bin/time and by wait4's rusage (`None` for the first without it), and the
    samples, every 0.2 s: (seconds, folder, WAL and database file bytes)."""
    use_time = os.access("/usr/bin/time", os.X_OK)
    full = ["/usr/bin/time", "-v", *command] if use_time else command
    lines, output, samples, running = [], [], [], threading.Event()
    running.set()

    def sample():
        while running.is_set():
            samples.append((time.monotonic() - began, folder_bytes(folder), database_bytes(folder, "hub.sqlite-wal"),
                            database_bytes(folder)))
            time.sleep(0.2)

    began = time.monotonic()
    sampler = threading.Thread(target=sample)
    sampler.start()
    process = subprocess.Popen(full, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()))
    reader.start()
    for raw in process.stderr:
        line = raw.decode(errors="replace").rstrip("\n")
        lines.append((time.monotonic() - began, line))
        print(f"  [{lines[-1][0]:7.2f} s] {line}", file=sys.stderr, flush=True)
    # wait4, not getrusage(RUSAGE_CHILDREN): the rusage of this child alone (with
    # /usr/bin/time, its own child's included), not the largest of every earlier one.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    running.clear()
    sampler.join()
    samples.append((seconds, folder_bytes(folder), database_bytes(folder, "hub.sqlite-wal"), database_bytes(folder)))
    by_time = None
    for _, line in lines:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
        if found:
            by_time = int(found.group(1))
    return process.returncode, seconds, output[0].decode(errors="replace"), lines, by_time, usage.ru_maxrss, samples


def phases(lines, total_seconds):
    """Seconds of each part of the migration, from when its lines arrived: start and
    backup (up to the backup's log line), plan (the procedure's counts, up to its first
    progress line), copy, verify, and the rest (heads, indexes, the drop, the commit,
    the exit: up to the end)."""
    def first(pattern):
        return next((at for at, line in lines if re.search(pattern, line)), None)

    marks = [
        ("start and backup", first("backed up the database")),
        ("plan", first(rf"{CUTOVER_STEP}: copying 0/")),
        ("copy", first(rf"{CUTOVER_STEP}: verifying 0/")),
        ("verify", first(rf"{CUTOVER_STEP}: verifying (\d+)/\1 ")),
        ("heads, indexes, drop, commit, exit", first("Command being timed") or total_seconds),
    ]
    split, previous = {}, 0.0
    for name, at in marks:
        if at is None:
            return split
        split[name] = at - previous
        previous = at
    return split


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--hub", help="the hub executable (default: .build/release/hub of this checkout)")
    options.add_argument("--reports", type=int, default=1_000_000, help="legacy controller reports to move (default 1,000,000)")
    options.add_argument("--customers", type=int, default=200, help="customers to spread them over (default 200)")
    options.add_argument("--keep", action="store_true", help="leave the data folder behind")
    arguments = options.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    binary = os.path.abspath(arguments.hub or os.path.join(root, ".build", "release", "hub"))
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no hub at {binary}; build it with: swift build -c release --product hub")

    data = tempfile.mkdtemp(prefix="hub-cutover-")
    hub = Hub(binary, data)
    failures = []
    try:
        print(f"seeding {arguments.customers} customers and their hosts in {data}…", file=sys.stderr, flush=True)
        customers, mapped_customers, host_count, guest_count = seed_fleet(hub, arguments.customers)
        print(f"seeding {arguments.reports:,} legacy controller reports…", file=sys.stderr, flush=True)
        database = os.path.join(data, "hub.sqlite")
        counts, average_raw = seed_reports(database, customers, arguments.reports)
        expected_mapped = sum(count for customer, count in counts.items() if customer in mapped_customers)
        os.sync()  # the seed's writes on the disk before the clock starts
        size_before = database_bytes(data)
        if database_bytes(data, "hub.sqlite-wal"):
            raise SystemExit("the seed left a WAL behind; its checkpoint did not finish")
        folder_before = folder_bytes(data)

        environment = hub.environment(CUTOVER_SLICES)
        began = time.monotonic()
        dry = subprocess.run([binary, "migrate", "--dry-run", "--json"], env=environment, capture_output=True, text=True)
        dry_seconds = time.monotonic() - began
        if dry.returncode != 0:
            raise SystemExit(f"hub migrate --dry-run exited with {dry.returncode}:\n{dry.stderr}")
        print(f"hub migrate --dry-run --json ({dry_seconds:.2f} s):")
        print(dry.stdout.strip())
        plan = json.loads(dry.stdout)
        planned = plan.get("cutover", {})
        for name, want in (("reports", arguments.reports), ("mapped", expected_mapped), ("unmapped", arguments.reports - expected_mapped)):
            if planned.get(name) != want:
                failures.append(f"dry run: cutover.{name} is {planned.get(name)}, seeded {want}")

        print(f"\nhub migrate --allow-destructive on {arguments.reports:,} reports…", file=sys.stderr, flush=True)
        status, seconds, output, lines, time_kb, wait4_kb, samples = run_timed([binary, "migrate", "--allow-destructive"], environment, data)
        peak_kb = time_kb if time_kb is not None else wait4_kb
        peak_how = f"/usr/bin/time -v; wait4 says {wait4_kb / 1024:,.0f} MB" if time_kb is not None else "wait4 rusage"
        print(f"\nhub migrate --allow-destructive: exit {status} in {seconds:.2f} s")
        for _, line in lines:
            if "Command being timed" in line:
                break
            print(f"  stderr: {line}")
        for line in output.splitlines():
            print(f"  stdout: {line}")
        if status != 0:
            failures.append(f"hub migrate --allow-destructive exited with {status}")
        split = phases(lines, seconds)
        largest = max(folder for _, folder, _, _ in samples)
        # The WAL grows until the commit (one transaction; the file is never truncated),
        # hub.sqlite until the checkpoint after it has copied the new pages in.
        wal_final = next(at for at, _, wal, _ in samples if wal == samples[-1][2])
        file_final = next(at for at, _, _, size in samples if size == samples[-1][3])

        size_after, wal_after = database_bytes(data), database_bytes(data, "hub.sqlite-wal")
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        moved = db.execute("SELECT COUNT(*) FROM guest_reports").fetchone()[0] if "guest_reports" in tables else None
        under_guests = db.execute("SELECT COUNT(*) FROM guest_reports WHERE guest_id IS NOT NULL").fetchone()[0] if moved is not None else None
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages_after = db.execute("PRAGMA page_count").fetchone()[0] * page_size
        free_pages = db.execute("PRAGMA freelist_count").fetchone()[0]
        db.close()
        if moved != arguments.reports:
            failures.append(f"guest_reports holds {moved} rows, {arguments.reports} were seeded")
        if under_guests != expected_mapped:
            failures.append(f"{under_guests} reports under guests, {expected_mapped} expected")
        if "reports" in tables:
            failures.append("table reports is still there")
        if integrity != "ok":
            failures.append(f"PRAGMA integrity_check: {integrity}")
        backups = [os.path.join(data, "backups", name) for name in sorted(os.listdir(os.path.join(data, "backups")))] \
            if os.path.isdir(os.path.join(data, "backups")) else []
        backup_size = sum(os.path.getsize(path) for path in backups)
        if not backups:
            failures.append("no backup in backups/")

        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
        rows = [
            ("machine", f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}"),
            ("legacy reports", f"{arguments.reports:,} (~{average_raw:.0f}-byte raw_json), {arguments.customers} customers, "
                               f"{host_count} hosts, {guest_count} guests"),
            ("mapped / unmapped", f"{number(under_guests)} / {number(None if moved is None else moved - under_guests)} "
                                  f"(planned {expected_mapped:,} / {arguments.reports - expected_mapped:,})"),
            ("dry run", f"{dry_seconds:.2f} s"),
            ("migrate --allow-destructive", f"{seconds:.1f} s, {arguments.reports / seconds:,.0f} reports/s (exit {status})"),
            *((f"  {name}", f"{value:.1f} s") for name, value in split.items()),
            ("  WAL / hub.sqlite at their final size", f"{wal_final:.1f} s / {file_final:.1f} s (≈ commit / checkpoint; sizes sampled every 0.2 s)"),
            ("peak RSS", f"{peak_kb / 1024:,.0f} MB ({peak_how})"),
            ("database before / after", f"{mb(size_before)} / {mb(pages_after)} ({mb(free_pages * page_size)} of it free pages)"),
            ("files after: hub.sqlite, -wal", f"{mb(size_after)}, {mb(wal_after)}"),
            ("data folder before / largest / after", f"{mb(folder_before)} / {mb(largest)} / {mb(folder_bytes(data))}"),
            ("backup", f"{mb(backup_size)}" + (f" ({os.path.basename(backups[0])})" if backups else "")),
            ("after", f"guest_reports {number(moved) if moved is not None else 'missing'}, reports "
                      f"{'still there' if 'reports' in tables else 'gone'}, integrity_check {integrity}"),
        ]
        width = max(len(name) for name, _ in rows)
        print(f"\n| {'figure'.ljust(width)} | value |")
        print(f"| {'-' * width} | --- |")
        for name, value in rows:
            print(f"| {name.ljust(width)} | {value} |")
        print(f"\n| reports | seconds | reports/s | peak RSS | database before → after | backup |")
        print(f"| --- | --- | --- | --- | --- | --- |")
        print(f"| {arguments.reports:,} | {seconds:.1f} | {arguments.reports / seconds:,.0f} | {peak_kb / 1024:,.0f} MB | "
              f"{mb(size_before)} → {mb(pages_after)} | {mb(backup_size)} |")
        for failure in failures:
            print(f"FAILED: {failure}")
    finally:
        if hub.process and hub.process.poll() is None:
            hub.stop()
        if arguments.keep:
            print(f"kept {data}", file=sys.stderr)
        else:
            shutil.rmtree(data, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
