"""`hub serve` started for a benchmark: its log appended to a file, its port read from
the log's "listening on" line (the benchmarks listen on port 0)."""
import json
import os
import subprocess
import time
import urllib.error
import urllib.request


def serve(binary, environment, log_path, seconds=60):
    """Starts `binary serve` with `environment`; answers (process, port) once it listens."""
    log = open(log_path, "ab")
    start = os.path.getsize(log_path)
    process = subprocess.Popen([binary, "serve"], env=environment, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    deadline = time.time() + seconds
    while time.time() < deadline:
        with open(log_path, "rb") as reading:
            reading.seek(start)
            for line in reading.read().decode(errors="replace").splitlines():
                if "listening on 127.0.0.1:" in line:
                    return process, int(line.rsplit(":", 1)[1])
        if process.poll() is not None:
            raise SystemExit(f"hub exited with {process.returncode}; see {log_path}")
        time.sleep(0.05)
    process.terminate()
    raise SystemExit("hub did not start listening")


def call(base, method, path, body=None, key=None):
    """One JSON request to the hub at `base`; answers (status, decoded body or None)."""
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
            return answer.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        text = error.read()
        return error.code, (json.loads(text) if text else None)
