#!/usr/bin/env python3
"""kill -9 under load: every report the hub acknowledged with 200 is in the database.

Starts `hub serve` on a temporary folder, mints hosts, then for each round drives
concurrent host reports (each carrying a unique `torture_id`), records every one
answered 200, kills the hub with SIGKILL at a random moment, and checks — on the
database as the next start finds it — that every acknowledged report is stored and
`PRAGMA integrity_check` says ok. The hub is restarted for the next round; at the end
it must still serve. Exit status 0 only when nothing acknowledged was lost.

    Benchmarks/crash_test.py --hub .build/release/hub                 # 5 rounds of ~8 s
    Benchmarks/crash_test.py --hub .build/debug/hub --rounds 2 --seconds 2 --clients 8
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

GLOBAL_KEY = "c" * 64


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(port, method, path, key, body=None, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def report(host_id, marker):
    return {
        "host_id": host_id, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.3.1", "torture_id": marker,
        "host": {"hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0},
        "guests": [{"vmid": 100 + index, "name": f"guest-{index}", "status": "running"} for index in range(4)],
    }


class Hub:
    def __init__(self, binary, data, port):
        self.binary, self.data, self.port, self.process = binary, data, port, None

    def start(self):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
        environment.update(HUB_DATA_DIR=self.data, HUB_LISTEN=f"127.0.0.1:{self.port}", HUB_GLOBAL_API_KEY=GLOBAL_KEY, HUB_TICK_SECONDS="3600")
        log = open(os.path.join(self.data, "hub.log"), "ab")
        self.process = subprocess.Popen([self.binary, "serve"], env=environment, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if call(self.port, "GET", "/readyz", GLOBAL_KEY, timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"hub exited with {self.process.returncode} at start; see {self.data}/hub.log")
            time.sleep(0.05)
        raise SystemExit("hub did not become ready")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()


def stored_markers(database):
    connection = sqlite3.connect(database)
    try:
        markers = {row[0] for row in connection.execute("SELECT json_extract(raw_json, '$.torture_id') FROM host_reports")}
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return markers, integrity
    finally:
        connection.close()


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--hub", required=True)
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--seconds", type=float, default=8)
    options.add_argument("--clients", type=int, default=32)
    options.add_argument("--hosts", type=int, default=50)
    options.add_argument("--seed", type=int, default=int(time.time()))
    arguments = options.parse_args()
    random.seed(arguments.seed)
    data = tempfile.mkdtemp(prefix="hub-crash-")
    hub = Hub(os.path.abspath(arguments.hub), data, free_port())
    hub.start()
    status, _ = call(hub.port, "POST", "/api/v1/admin/customers", GLOBAL_KEY, {"customer_id": "crash"})
    assert status == 201, status
    hosts = []
    for _ in range(arguments.hosts):
        status, body = call(hub.port, "POST", "/api/v1/admin/hosts", GLOBAL_KEY, {"customer_id": "crash"})
        assert status == 201, status
        minted = json.loads(body)
        hosts.append((minted["host_id"], minted["api_key"]))

    acknowledged, lost, failures = set(), set(), []
    for round_number in range(arguments.rounds):
        if round_number > 0:
            hub.start()
        stop = threading.Event()
        lock = threading.Lock()

        def client(index):
            sent = 0
            while not stop.is_set():
                host_id, key = random.choice(hosts)
                marker = f"{round_number}-{index}-{sent}"
                sent += 1
                try:
                    status, _ = call(hub.port, "POST", "/api/v1/host-report", key, report(host_id, marker))
                except OSError:
                    time.sleep(0.01)
                    continue
                if status == 200:
                    with lock:
                        acknowledged.add(marker)
                elif status >= 500:
                    failures.append(f"{marker}: {status}")

        threads = [threading.Thread(target=client, args=(index,)) for index in range(arguments.clients)]
        for thread in threads:
            thread.start()
        time.sleep(random.uniform(arguments.seconds * 0.3, arguments.seconds))
        hub.kill()
        stop.set()
        for thread in threads:
            thread.join()
        stored, integrity = stored_markers(os.path.join(data, "hub.sqlite"))
        missing = {marker for marker in acknowledged if marker.startswith(f"{round_number}-")} - stored
        lost |= missing
        if integrity != "ok":
            failures.append(f"round {round_number}: integrity_check says {integrity}")
        print(f"round {round_number}: killed after {len([m for m in acknowledged if m.startswith(f'{round_number}-')])} acknowledged, "
              f"{len(missing)} lost, integrity {integrity}", flush=True)

    hub.start()
    host_id, key = hosts[0]
    status, _ = call(hub.port, "POST", "/api/v1/host-report", key, report(host_id, "after"))
    if status != 200:
        failures.append(f"the restarted hub answered {status} to a report")
    hub.kill()
    print(f"kill -9 rounds: {arguments.rounds}, acknowledged: {len(acknowledged)}, lost: {len(lost)}, "
          f"5xx and other failures: {len(failures)} (seed {arguments.seed})")
    for failure in failures[:10]:
        print("  " + failure)
    if lost:
        print("  lost, for example: " + ", ".join(sorted(lost)[:10]))
    if lost or failures or not acknowledged:
        print(f"kept for inspection: {data}")
        return 1
    shutil.rmtree(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
