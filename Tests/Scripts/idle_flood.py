#!/usr/bin/env python3
"""Holds many idle connections to a hub, for ConnectionFloodTests.

Opens COUNT connections to 127.0.0.1:PORT that send nothing, touches READY_FILE, then
waits (up to WAIT seconds) until the hub has answered or closed every one of them.
Prints one JSON object: how many were opened, what the last one received first, and
how many the hub had answered or closed by the end. The sockets live in this process,
not the test's, so the test process does not hold hundreds of descriptors.

    idle_flood.py PORT COUNT READY_FILE WAIT
"""
import json
import select
import socket
import sys
import time

port, count, ready_file, wait = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
sockets = []
for _ in range(count):
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.setblocking(False)
    sockets.append(connection)
open(ready_file, "w").close()

received = {connection: b"" for connection in sockets}
finished = set()
deadline = time.time() + wait
while len(finished) < len(sockets) and time.time() < deadline:
    readable, _, _ = select.select([c for c in sockets if c not in finished], [], [], 0.2)
    for connection in readable:
        try:
            data = connection.recv(65536)
        except OSError:
            data = b""
        if data:
            received[connection] += data
        else:
            finished.add(connection)

print(json.dumps({
    "opened": len(sockets),
    "last_answer": received[sockets[-1]].decode(errors="replace"),
    "finished": len(finished),
    "answered_503": sum(1 for data in received.values() if data.startswith(b"HTTP/1.1 503")),
}))
