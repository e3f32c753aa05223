"""A hub with a seeded fleet for the browser suite: `hub serve` on a scratch data folder
with every slice, two customers, three hosts enrolled through tokens, a week of host
reports for the charts, and one host silent long enough to be stale."""
import datetime
import os
import random
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Benchmarks"))
from serving import call, serve  # noqa: E402

GLOBAL_KEY = "e" * 64


class Fleet:
    def __init__(self, binary, work):
        self.work = work
        self.data = os.path.join(work, "data")
        environment = dict(os.environ)
        environment.update({
            "HUB_DATA_DIR": self.data, "HUB_LISTEN": "127.0.0.1:0", "HUB_GLOBAL_API_KEY": GLOBAL_KEY,
            "HUB_SLICES": "controller,host-ingest,signed-ops,enrollment,cutover",
            "HUB_TICK_SECONDS": "1", "HUB_STALE_AFTER_SECONDS": "600", "HUB_DOWN_AFTER_SECONDS": "7200",
            "HUB_DASHBOARD_LOGIN_FAILURES_PER_MINUTE": "5",
        })
        self.process, port = serve(binary, environment, os.path.join(work, "serve.log"))
        self.base = f"http://127.0.0.1:{port}"
        self.hosts = {}

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)

    def call(self, method, path, body=None, key=GLOBAL_KEY):
        return call(self.base, method, path, body, key)

    def enroll(self, customer, hostname):
        status, token = self.call("POST", "/api/v1/admin/enrollment-tokens", {"customer_id": customer, "label": f"seed {hostname}"})
        assert status == 201, token
        status, host = self.call("POST", "/api/v1/enroll", {"token": token["token"], "hostname": hostname, "agent_version": "0.4.0"}, key=None)
        assert status in (200, 201), host
        self.hosts[hostname] = host
        return host

    def report(self, hostname, cpu, mem, disk):
        host = self.hosts[hostname]
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        status, answer = self.call("POST", "/api/v1/host-report", {
            "host_id": host["host_id"], "reported_at": now, "agent_version": "0.4.0",
            "host": {"hostname": hostname, "cpu_percent": cpu, "mem_percent": mem, "disk_percent": disk},
            "guests": [{"vmid": 101, "name": "felhom-ctl", "status": "running", "controller_version": "1.4.2"},
                       {"vmid": 102, "name": "nextcloud", "status": "running"}],
        }, key=host["api_key"])
        assert status == 200, answer

    def seed(self):
        for customer, name in [("acme", "Acme Homes"), ("globex", "Globex Family")]:
            status, answer = self.call("POST", "/api/v1/admin/customers", {"customer_id": customer, "name": name})
            assert status == 201, answer
        for customer, hostname in [("acme", "edge-1"), ("acme", "edge-2"), ("globex", "attic")]:
            self.enroll(customer, hostname)
            self.report(hostname, 12.5, 40.0, 63.0)
        self.backfill_history(["edge-1", "edge-2"])
        self.silence("edge-2", minutes=25)
        self.wait_for_state(self.hosts["edge-2"]["host_id"], "stale")

    def backfill_history(self, hostnames):
        """A week of reports every 10 minutes, written straight into the database (the hub
        stamps reports it receives with its own clock, so history cannot come over HTTP)."""
        generator = random.Random(7)
        now = datetime.datetime.now(datetime.timezone.utc)
        with sqlite3.connect(os.path.join(self.data, "hub.sqlite"), timeout=30) as db:
            for hostname in hostnames:
                host_id = self.hosts[hostname]["host_id"]
                customer = db.execute("SELECT customer_id FROM hosts WHERE host_id = ?", (host_id,)).fetchone()[0]
                rows = []
                for step in range(7 * 24 * 6, 0, -1):
                    at = (now - datetime.timedelta(minutes=10 * step)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                    hour = (now - datetime.timedelta(minutes=10 * step)).hour
                    cpu = max(0.0, min(100.0, 20 + 25 * (1 if 8 <= hour <= 20 else 0) + generator.gauss(0, 6)))
                    rows.append((host_id, customer, at, at, "0.4.0", cpu, 45 + generator.gauss(0, 3), 60 + step / 200, 2, 2, None, "{}"))
                db.executemany(
                    "INSERT INTO host_reports (host_id, customer_id, reported_at, received_at, agent_version, cpu_percent, mem_percent, "
                    "disk_percent, guest_total, guest_running, cloudflared_status, raw_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def silence(self, hostname, minutes):
        """Makes a host look silent for `minutes`: its last report moved back in time."""
        at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        host_id = self.hosts[hostname]["host_id"]
        with sqlite3.connect(os.path.join(self.data, "hub.sqlite"), timeout=30) as db:
            db.execute("DELETE FROM host_reports WHERE host_id = ? AND received_at > ?", (host_id, at))
            db.execute("UPDATE hosts SET last_report_at = ? WHERE host_id = ?", (at, host_id))

    def wait_for_state(self, host_id, state, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            status, host = self.call("GET", f"/api/v1/admin/hosts/{host_id}")
            if status == 200 and host.get("staleness") == state:
                return
            time.sleep(0.2)
        raise AssertionError(f"{host_id} never became {state}")

    def expire_sessions(self):
        """Moves every dashboard session's expiry into the past, as if it had run out."""
        with sqlite3.connect(os.path.join(self.data, "hub.sqlite"), timeout=30) as db:
            db.execute("UPDATE kernel_dashboard_sessions SET expires_at = '2000-01-01T00:00:00.000Z'")
