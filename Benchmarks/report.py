#!/usr/bin/env python3
"""Prints the benchmark's table from the RESULT lines run.sh collected."""
import platform
import statistics
import subprocess
import sys

(results_file, ticks_file, rss_kb, stored, pruned, expired_left, prune_seconds, integrity,
 connections, load_hosts, hosts, duration, light_connections, light_delay) = sys.argv[1:15]

phases = {}
for line in open(results_file):
    name, *fields = line.split()
    phases[name] = {key: int(value) for key, value in (field.split("=") for field in fields)}


def rate(phase):
    return phases[phase]["requests"] / (phases[phase]["duration_us"] / 1e6)


def ms(phase, percentile):
    return phases[phase][f"p{percentile}_us"] / 1000


ticks = [float(line) for line in open(ticks_file) if line.strip()]
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
acknowledged = sum(phases[p]["ok"] for p in ("ingest", "light", "fleet", "ticking", "pruning"))

rows = [
    ("machine", f"{cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, Linux {platform.release()}"),
    ("load", f"{connections} connections, {load_hosts} hosts, 4-guest report (~1.5 KB), {duration} s per phase"),
    ("ingest reports/s", f"{rate('ingest'):,.0f}"),
    ("ingest p50 / p99", f"{ms('ingest', 50):.2f} ms / {ms('ingest', 99):.2f} ms"),
    ("healthz requests/s (ceiling)", f"{rate('healthz'):,.0f}"),
    ("ingest / healthz", f"{100 * rate('ingest') / rate('healthz'):.1f} %"),
    ("light load (≈10%) reports/s", f"{rate('light'):,.0f} ({light_connections} connections, {light_delay} ms think time)"),
    ("light load p50 / p99", f"{ms('light', 50):.2f} ms / {ms('light', 99):.2f} ms"),
    ("checker tick, host_staleness over " + f"{int(hosts):,} hosts",
     f"median {statistics.median(ticks):.1f} ms, max {max(ticks):.1f} ms ({len(ticks)} ticks; the first moves the silent 5%)" if ticks else "no ticks logged"),
    ("ingest p99 during ticks (every 1 s)", f"{ms('ticking', 99):.2f} ms ({ms('ticking', 99) / ms('ingest', 99):.2f}× without), {rate('ticking'):,.0f} reports/s"),
    ("prune", f"{int(pruned):,} expired rows deleted in {prune_seconds} s, {int(expired_left):,} left"),
    ("ingest p99 during prune", f"{ms('pruning', 99):.2f} ms ({ms('pruning', 99) / ms('ingest', 99):.2f}× without), {rate('pruning'):,.0f} reports/s"),
    (f"peak RSS, load over all {int(hosts):,} hosts", f"{int(rss_kb) / 1024:.0f} MB ({rate('fleet'):,.0f} reports/s, p99 {ms('fleet', 99):.2f} ms)"),
    ("rows stored / 200s returned", f"{int(stored):,} / {acknowledged:,} "
     + ("(every acknowledged report stored; the rest were in flight when wrk stopped)" if int(stored) >= acknowledged else "(REPORTS LOST)")),
    ("non-200 answers, socket errors", ", ".join(f"{p}: {phases[p]['non_ok']}/{phases[p]['socket_errors']}" for p in phases)),
    ("PRAGMA integrity_check", integrity),
]
width = max(len(name) for name, _ in rows)
print(f"| {'figure'.ljust(width)} | value |")
print(f"| {'-' * width} | --- |")
for name, value in rows:
    print(f"| {name.ljust(width)} | {value} |")
