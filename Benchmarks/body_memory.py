#!/usr/bin/env python3
"""Memory under a burst of large host reports: peak and settled RSS of `hub serve`.

Starts the release hub on a temporary folder, mints one host, then for each burst size
sends that many 4 MiB host reports at once (valid JSON: the contract's report with one
large field the hub ignores), all under the one host key. For each burst the hub is
started afresh, so its peak (VmHWM) belongs to that burst alone; after the burst the
RSS (VmRSS) is read again once it has settled. Prints the figures and how many
reports were answered 200, 503 (the body budget said "retry") or otherwise. It reports;
it does not pass or fail.

    Benchmarks/body_memory.py                           # builds the release hub, bursts of 64 and 96
    Benchmarks/body_memory.py --hub .build/release/hub --bursts 64 96 128
    Benchmarks/body_memory.py --env HUB_BODY_BUDGET_BYTES=1073741824   # effectively no budget
"""
import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import serving

GLOBAL_KEY = "e" * 64
REPORT_BYTES = 4 * 1024 * 1024 - 64


def call(port, method, path, key, body=None, timeout=120):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        connection.request(method, path, body=data, headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def large_report(host_id):
    """The contract's host report padded to REPORT_BYTES with a field the hub ignores."""
    report = {
        "host_id": host_id, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.3.1",
        "host": {"hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0},
        "guests": [{"vmid": 101, "name": "felhom-ctl", "status": "running"}],
        "padding": "",
    }
    report["padding"] = "x" * (REPORT_BYTES - len(json.dumps(report).encode()))
    body = json.dumps(report).encode()
    assert len(body) == REPORT_BYTES, len(body)
    return body


def memory_kb(pid):
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            fields[name] = int(value.split()[0])
    return fields


class Hub:
    def __init__(self, binary, data, extra_environment):
        self.binary, self.data, self.extra = binary, data, extra_environment
        self.process, self.port = None, None

    def start(self):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
        environment.update(HUB_DATA_DIR=self.data, HUB_LISTEN="127.0.0.1:0", HUB_GLOBAL_API_KEY=GLOBAL_KEY, HUB_TICK_SECONDS="3600")
        environment.update(self.extra)
        self.process, self.port = serving.serve(self.binary, environment, os.path.join(self.data, "hub.log"))

    def stop(self):
        self.process.terminate()
        self.process.wait()


def settled_rss_kb(pid, seconds=20):
    """VmRSS once it has stopped falling (two readings a second apart within 1 MB)."""
    previous = memory_kb(pid)["VmRSS"]
    deadline = time.time() + seconds
    while time.time() < deadline:
        time.sleep(1)
        current = memory_kb(pid)["VmRSS"]
        if abs(previous - current) < 1024:
            return current
        previous = current
    return previous


def burst(hub, size, host_id, key, body):
    statuses, lock = {}, threading.Lock()
    start = threading.Barrier(size)

    def send():
        start.wait()
        try:
            status, _ = call(hub.port, "POST", "/api/v1/host-report", key, body)
        except OSError as error:
            status = type(error).__name__
        with lock:
            statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=send) for _ in range(size)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--hub", help="the hub executable; default: build the release hub")
    options.add_argument("--bursts", type=int, nargs="+", default=[64, 96])
    options.add_argument("--env", nargs="*", default=[], help="extra NAME=value settings for the hub")
    arguments = options.parse_args()
    binary = arguments.hub
    if binary is None:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        subprocess.run(["swift", "build", "-c", "release", "--product", "hub"], cwd=root, check=True, stdout=sys.stderr)
        binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                             capture_output=True, text=True).stdout.strip(), "hub")
    extra = dict(item.split("=", 1) for item in arguments.env)
    data = tempfile.mkdtemp(prefix="hub-body-memory-")
    hub = Hub(os.path.abspath(binary), data, extra)
    try:
        hub.start()
        status, _ = call(hub.port, "POST", "/api/v1/admin/customers", GLOBAL_KEY, {"customer_id": "memory"})
        assert status == 201, status
        status, minted = call(hub.port, "POST", "/api/v1/admin/hosts", GLOBAL_KEY, {"customer_id": "memory"})
        assert status == 201, status
        host = json.loads(minted)
        body = large_report(host["host_id"])
        hub.stop()
        print(f"{'burst':>5}  {'idle RSS':>9}  {'peak RSS':>9}  {'settled RSS':>11}  answers  (settings: {extra or 'defaults'})")
        for size in arguments.bursts:
            hub.start()
            idle = memory_kb(hub.process.pid)["VmRSS"]
            began = time.time()
            statuses = burst(hub, size, host["host_id"], host["api_key"], body)
            took = time.time() - began
            peak = memory_kb(hub.process.pid)["VmHWM"]
            settled = settled_rss_kb(hub.process.pid)
            answers = ", ".join(f"{count}× {status}" for status, count in sorted(statuses.items(), key=lambda item: str(item[0])))
            print(f"{size:>5}  {idle / 1024:>6.0f} MB  {peak / 1024:>6.0f} MB  {settled / 1024:>8.0f} MB  {answers} in {took:.1f} s", flush=True)
            hub.stop()
    finally:
        if hub.process and hub.process.poll() is None:
            hub.stop()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
