#!/usr/bin/env python3
"""Verifies a felhom signed op the way a host agent must, with the `cryptography` package.

    python3 Sources/Slices/SignedOps/docs/verify_op.py ENVELOPE.json KEYS.json --host-id HOST [--last-seq N] [--now RFC3339]

ENVELOPE.json is one envelope from GET /api/v1/host-ops; KEYS.json is the answer of
GET /api/v1/ops/keys (or the `ops_keys` an agent received at enrollment). Prints the op
and exits 0 when the agent may execute it; exits 1 naming the rule it breaks.
"""
import argparse
import base64
import hashlib
import json
import sys
from datetime import datetime, timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

OP_TYPE = "application/vnd.felhom.signed-op.v1+json"


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSEv1 pre-authentication encoding: lengths are ASCII decimal byte counts."""
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def verify(envelope: dict, keys: list, host_id: str, last_seq: int, now: datetime) -> dict:
    if envelope["payloadType"] != OP_TYPE:
        raise ValueError("wrong payloadType")
    payload = base64.b64decode(envelope["payload"], validate=True)
    signature = envelope["signatures"][0]
    trusted = {k["keyid"]: base64.b64decode(k["public_key"]) for k in keys}
    raw = trusted.get(signature["keyid"])
    if raw is None or hashlib.sha256(raw).hexdigest()[:16] != signature["keyid"]:
        raise ValueError("unknown keyid")
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(
            base64.b64decode(signature["sig"]), pae(envelope["payloadType"], payload))
    except InvalidSignature:
        raise ValueError("bad signature")
    op = json.loads(payload)  # only now is the payload worth reading
    if op["host_id"] != host_id:
        raise ValueError("op is for another host")
    if datetime.fromisoformat(op["expires_at"].replace("Z", "+00:00")) <= now:
        raise ValueError("op has expired")
    if op["seq"] <= last_seq:
        raise ValueError("seq already executed (replay)")
    return op


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("envelope")
    parser.add_argument("keys")
    parser.add_argument("--host-id", required=True)
    parser.add_argument("--last-seq", type=int, default=0, help="the highest seq this agent has executed")
    parser.add_argument("--now", help="RFC 3339; default: the current time")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else datetime.now(timezone.utc)
    with open(args.envelope) as f:
        envelope = json.load(f)
    with open(args.keys) as f:
        keys = json.load(f)["keys"]
    try:
        op = verify(envelope, keys, args.host_id, args.last_seq, now)
    except (ValueError, KeyError) as error:
        print(f"verify_op: reject: {error}", file=sys.stderr)
        return 1
    print(json.dumps(op, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
