#!/usr/bin/env bash
# Verifies a felhom DSSE envelope (a signed op or a signed desired state) with openssl.
#
#   Sources/Slices/SignedOps/docs/verify-op.sh ENVELOPE.json PUBLIC_KEY.pem [PAYLOAD_TYPE]
#
# ENVELOPE.json   one envelope: {"payloadType", "payload", "signatures": [{"keyid", "sig"}]}
# PUBLIC_KEY.pem  the hub's key, the "pem" of its entry in GET /api/v1/ops/keys
# PAYLOAD_TYPE    what the envelope must be (default: a signed op)
#
# Prints the verified payload and exits 0; exits 1 with a reason otherwise. It checks
# the signature only: the replay rules (host_id, expires_at, seq) are the agent's
# next step — see Sources/Slices/SignedOps/docs/verifying-signed-ops.md. Needs openssl 3, python3 (to read JSON
# fields), base64, sha256sum.
set -euo pipefail

fail() { echo "verify-op: $*" >&2; exit 1; }
[ $# -ge 2 ] || fail "usage: verify-op.sh ENVELOPE.json PUBLIC_KEY.pem [PAYLOAD_TYPE]"
envelope=$1
pubkey=$2
expected_type=${3:-application/vnd.felhom.signed-op.v1+json}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The envelope's fields, as text.
field() {
  python3 -c 'import json, sys
e = json.load(open(sys.argv[1]))
print({"type": e["payloadType"], "payload": e["payload"],
       "keyid": e["signatures"][0]["keyid"], "sig": e["signatures"][0]["sig"]}[sys.argv[2]])' "$envelope" "$1" \
    || fail "not a DSSE envelope: $envelope"
}
payload_type=$(field type)
keyid=$(field keyid)
[ "$payload_type" = "$expected_type" ] || fail "payloadType is $payload_type, expected $expected_type"

# 2. The keyid must be this key's: the first 16 hex of SHA-256 over the raw 32-byte key
#    (the last 32 bytes of the key's DER form).
own_keyid=$(openssl pkey -pubin -in "$pubkey" -outform DER | tail -c 32 | sha256sum | cut -c1-16)
[ "$keyid" = "$own_keyid" ] || fail "signed by unknown keyid $keyid (this key is $own_keyid)"

# 3. PAE = "DSSEv1" SP len(type) SP type SP len(payload) SP payload, lengths in bytes.
field payload | base64 -d > "$work/payload.bin" || fail "payload is not base64"
field sig | base64 -d > "$work/sig.bin" || fail "sig is not base64"
type_length=$(printf '%s' "$payload_type" | wc -c | tr -d ' ')
payload_length=$(wc -c < "$work/payload.bin" | tr -d ' ')
{ printf 'DSSEv1 %s %s %s ' "$type_length" "$payload_type" "$payload_length"; cat "$work/payload.bin"; } > "$work/pae.bin"

# 4. Ed25519 over the PAE bytes.
openssl pkeyutl -verify -pubin -inkey "$pubkey" -rawin -in "$work/pae.bin" -sigfile "$work/sig.bin" >/dev/null 2>&1 \
  || fail "bad signature"
cat "$work/payload.bin"
echo
