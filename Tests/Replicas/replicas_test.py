"""Two `hub serve` replicas on one PostgreSQL database, as a fleet runs them behind a load
balancer: agents report to both; the leader is killed with SIGKILL and the other takes
over within two ticks; a host that went silent gets exactly one `host_stale`; a flag set
on one replica is obeyed by the other within a second; a revoked key is refused by both.

    python3 Tests/Replicas/replicas_test.py .build/debug/hub postgres://user@127.0.0.1:5432/postgres

The second argument is a server the test may create a database on (what `.ci/postgres`
prints). Each check waits for its condition with a deadline; none sleeps and then looks."""
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Benchmarks"))
from serving import call, serve  # noqa: E402

GLOBAL_KEY = "r" * 64
TICK_SECONDS = 5
STALE_AFTER_SECONDS = 12


def wait_for(what, condition, seconds):
    """Polls `condition` until it answers something true; fails naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def fresh_database(server_url):
    name = "hub_replicas_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", server_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    parts = urllib.parse.urlsplit(server_url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


class Replica:
    def __init__(self, binary, work, name, database_url):
        self.binary, self.name = binary, name
        self.data = os.path.join(work, name)
        os.makedirs(self.data, mode=0o700, exist_ok=True)
        self.log = os.path.join(work, f"{name}.log")
        self.environment = dict(os.environ)
        self.environment.update({
            "HUB_DATA_DIR": self.data, "HUB_LISTEN": "127.0.0.1:0", "HUB_GLOBAL_API_KEY": GLOBAL_KEY,
            "HUB_DATABASE_URL": database_url, "HUB_SLICES": "controller,host-ingest,signed-ops,enrollment",
            "HUB_TICK_SECONDS": str(TICK_SECONDS), "HUB_STALE_AFTER_SECONDS": str(STALE_AFTER_SECONDS),
            "HUB_DOWN_AFTER_SECONDS": "86400",
        })
        self.process = None
        self.base = None

    def start(self):
        self.process, port = serve(self.binary, self.environment, self.log)
        self.base = f"http://127.0.0.1:{port}"

    def call(self, method, path, body=None, key=GLOBAL_KEY):
        return call(self.base, method, path, body, key)

    def role(self):
        try:
            status, answer = self.call("GET", "/readyz", key=None)
        except OSError:
            return None
        return answer.get("role") if status == 200 else None

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def report(replica, host):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return replica.call("POST", "/api/v1/host-report", {
        "host_id": host["host_id"], "reported_at": now, "agent_version": "0.4.0",
        "host": {"hostname": host["host_id"], "cpu_percent": 10, "mem_percent": 20, "disk_percent": 30},
        "guests": [],
    }, key=host["api_key"])[0]


def checker_rounds(replica):
    """How many rounds of checkers `replica` has run (its tick histogram's count)."""
    request = urllib.request.Request(replica.base + "/metrics", headers={"Authorization": f"Bearer {GLOBAL_KEY}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        text = answer.read().decode()
    counts = re.findall(r"^hub_tick_duration_seconds_count(?:\{[^}]*\})? (\d+)", text, re.MULTILINE)
    return sum(int(count) for count in counts)


def host_stale_events(replica, host_id):
    status, answer = replica.call("GET", "/api/v1/admin/events?type=host_stale&limit=1000")
    assert status == 200, answer
    return [event for event in answer["events"] if event["subject"] == host_id]


def main(binary, server_url):
    work = tempfile.mkdtemp(prefix="hub-replicas-")
    database_url = fresh_database(server_url)
    first = Replica(binary, work, "first", database_url)
    second = Replica(binary, work, "second", database_url)
    try:
        first.start()
        wait_for("the first replica to lead", lambda: first.role() == "leader", 30)
        # One identity: the second replica signs with the first one's key, copied over.
        shutil.copy2(os.path.join(first.data, "ops-signing-key.pem"), os.path.join(second.data, "ops-signing-key.pem"))
        second.start()
        assert second.role() == "follower", second.role()
        _, first_keys = first.call("GET", "/api/v1/ops/keys", key=None)
        _, second_keys = second.call("GET", "/api/v1/ops/keys", key=None)
        assert first_keys == second_keys, (first_keys, second_keys)

        assert first.call("POST", "/api/v1/admin/customers", {"customer_id": "acme", "name": "Acme"})[0] == 201
        hosts = {}
        for name in ["steady", "silent", "revoked"]:
            status, token = second.call("POST", "/api/v1/admin/enrollment-tokens", {"customer_id": "acme"})
            assert status == 201, token
            status, host = first.call("POST", "/api/v1/enroll", {"token": token["token"], "hostname": name, "agent_version": "0.4.0"}, key=None)
            assert status in (200, 201), host
            hosts[name] = host
        # Agents report to both replicas, as a load balancer spreads them.
        for replica in [first, second, first, second]:
            for host in hosts.values():
                assert report(replica, host) == 200
        silent_since = time.monotonic()

        # The leader dies without a word; the follower leads within two ticks.
        first.kill()
        killed = time.monotonic()
        wait_for("the second replica to take over", lambda: second.role() == "leader", 2 * TICK_SECONDS)
        print(f"takeover after {time.monotonic() - killed:.2f} s (two ticks: {2 * TICK_SECONDS} s)")
        first.start()
        wait_for("the restarted replica to follow", lambda: first.role() == "follower", 30)

        # The silent host goes stale once, whichever replica leads and however many ticks run.
        def steady_reports(until):
            """The steady host keeps reporting to both replicas (an agent's heartbeat) until `until()` holds."""
            while not until():
                assert report(second, hosts["steady"]) == 200
                assert report(first, hosts["steady"]) == 200
                time.sleep(0.5)
        steady_reports(lambda: time.monotonic() > silent_since + STALE_AFTER_SECONDS + 1)
        wait_for("host_stale for the silent host", lambda: host_stale_events(second, hosts["silent"]["host_id"]), 6 * TICK_SECONDS)
        # Two more rounds of the checkers on the leader: none may report the silent host again.
        ticked = checker_rounds(second)
        steady_reports(lambda: checker_rounds(second) >= ticked + 2)
        events = host_stale_events(first, hosts["silent"]["host_id"])
        assert len(events) == 1, events
        assert host_stale_events(first, hosts["steady"]["host_id"]) == []

        # A flag set on one replica is obeyed by the other within a second.
        # (With enrollment on, the operator's mint is off by default.)
        assert second.call("POST", "/api/v1/admin/hosts", {"customer_id": "acme"})[0] == 404
        status, answer = first.call("PUT", "/api/v1/admin/flags/admin_mint", {"enabled": True})
        assert status == 200, answer
        set_at = time.monotonic()
        wait_for("the other replica to mint hosts",
                 lambda: second.call("POST", "/api/v1/admin/hosts", {"customer_id": "acme"})[0] == 201, 1.0)
        print(f"flag obeyed by the other replica after {time.monotonic() - set_at:.3f} s")

        # A key revoked on one replica is refused by both.
        assert report(second, hosts["revoked"]) == 200
        status, answer = first.call("POST", f"/api/v1/admin/hosts/{hosts['revoked']['host_id']}/revoke", {"reason": "stolen"})
        assert status == 200, answer
        revoked_at = time.monotonic()
        wait_for("both replicas to refuse the revoked key",
                 lambda: report(second, hosts["revoked"]) == 401 and report(first, hosts["revoked"]) == 401, 1.0)
        print(f"revoked key refused by both after {time.monotonic() - revoked_at:.3f} s")
        print("replicas: all checks passed")
    except BaseException:
        for replica in [first, second]:
            if os.path.exists(replica.log):
                with open(replica.log, errors="replace") as log:
                    print(f"--- the {replica.name} replica's log, last lines ---\n" + "".join(log.readlines()[-40:]), file=sys.stderr)
        raise
    finally:
        first.stop()
        second.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
