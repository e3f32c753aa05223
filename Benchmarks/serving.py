"""`hub serve` started for a benchmark: its log appended to a file, its port read from
the log's "listening on" line (the benchmarks listen on port 0)."""
import os
import subprocess
import time


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
