import Kernel

/// Slice 4's routes in the OpenAPI document (agent protocol §6, operator API §3): the
/// published ops keys, desired state and ops as the operator sets them and as hosts
/// fetch them signed, and ops' results.
enum SignedOpsAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/api/v1/ops/keys": {"get": {
          "summary": "The public keys agents verify envelopes with: the active key first, then retired keys for 30 days after their retirement",
          "operationId": "listOpsKeys",
          "responses": {
            "200": {"description": "The published keys", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsKeyListing"},
              "example": {"keys": [{"keyid": "3816e7ca0628296c", "alg": "ed25519",
                "public_key": "+a9usfzJH28yt8Mpfs+/1kZtAx31uVKMIObqjM4NnMA=",
                "pem": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA+a9usfzJH28yt8Mpfs+/1kZtAx31uVKMIObqjM4NnMA=\n-----END PUBLIC KEY-----\n"}]}}}}
          }
        }},
        "/api/v1/admin/hosts/{host_id}/desired": {"put": {
          "summary": "Set a host's desired state; the generation rises by one when the content changes, not otherwise",
          "description": "The state is stored in canonical form (keys sorted, one encoding), so content equal as JSON is equal whatever order or spacing was sent. It is refused unless the hub can sign exactly what the host will fetch.",
          "operationId": "setHostDesiredState",
          "parameters": [{"name": "host_id", "in": "path", "required": true, "description": "The host, as minted by the hub (`<customer_id>-<6 of [a-z0-9]>`); percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2"}],
          "requestBody": {"required": true, "description": "At most 1 MiB.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/SignedOpsDesiredStateRequest"},
            "example": {"desired": {"guests": {"101": {"running": true}}}}}}},
          "responses": {
            "200": {"description": "The state as stored, with the host's desired generation", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsDesiredStateSet"},
              "example": {"desired_generation": 1, "host_id": "acme-k3x9q2"}}}},
            "400": {"description": "`invalid_desired`: `desired` missing or not an object, nested more than 64 levels, or not signable; or an unreadable body (`body_too_large` over 1 MiB, `bad_request`, `invalid_path`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such host (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "409": {"description": "`host_revoked`: the host is revoked and fetches nothing any more", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/hosts/{host_id}/ops": {"get": {
          "summary": "A host's ops, newest first: what was issued, what the agent answered, what expired",
          "operationId": "listOps",
          "parameters": [
            {"name": "host_id", "in": "path", "required": true, "description": "The host; percent-decoded before use",
              "schema": {"type": "string"}, "example": "acme-k3x9q2"},
            {"name": "status", "in": "query", "description": "Only ops in this state (a pending op past its expiry is `expired`)",
              "schema": {"type": "string", "enum": ["pending", "succeeded", "failed", "expired"]}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}
          ],
          "responses": {
            "200": {"description": "The ops", "content": {"application/json": {"schema": {
              "type": "object", "required": ["ops"],
              "properties": {"ops": {"type": "array", "items": {"$ref": "#/components/schemas/SignedOpsListedOp"}}}},
              "example": {"ops": [{"op_id": "0f8fad5b-d9cb-469f-a165-70867728950e", "seq": 1, "type": "restart_guest", "args": {"vmid": 101},
                "status": "succeeded", "issued_at": "2026-06-08T10:00:00.000Z", "expires_at": "2026-06-08T11:00:00.000Z",
                "closed_at": "2026-06-08T10:00:42.000Z", "output": "restarted"}]}}}},
            "400": {"description": "`status` or `limit` out of range (`invalid_query`), or a `host_id` that is not valid percent-encoding (`invalid_path`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such host (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }, "post": {
          "summary": "Issue a signed op to a host: it gets the host's next seq, is signed once and served unchanged until it is closed or expires",
          "operationId": "issueOp",
          "parameters": [{"name": "host_id", "in": "path", "required": true, "description": "The host, as minted by the hub; percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2"}],
          "requestBody": {"required": true, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/SignedOpsOpRequest"},
            "examples": {
              "restart_guest": {"value": {"type": "restart_guest", "args": {"vmid": 101}}},
              "upgrade_agent": {"value": {"type": "upgrade_agent", "args": {"version": "0.4.0"}, "ttl_seconds": 86400}},
              "reboot_host": {"value": {"type": "reboot_host"}}
            }}}},
          "responses": {
            "409": {"description": "`host_revoked`: the host is revoked and fetches nothing any more", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "201": {"description": "The op is issued", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsIssuedOp"},
              "example": {"expires_at": "2026-06-08T11:00:00.000Z", "op_id": "6f1c2a4e-8b3d-4c5f-9a7e-2d1b0c9e8f70", "seq": 1}}}},
            "400": {"description": "`invalid_op`: `type` missing or not a known op type, `args` not an object, an argument missing, unknown to the type or of the wrong kind, a `vmid` the host has not reported as a guest, or `ttl_seconds` outside 1–604800 (the field named in `message`); or an unreadable body (`body_too_large`, `bad_request`, `invalid_path`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such host (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/host-desired": {"get": {
          "summary": "The host's desired state, signed: a DSSE envelope of type application/vnd.felhom.desired-state.v1+json",
          "description": "Only for hosts whose customer is in the `signed_ops` cohort; any other host gets 404, as if the slice were off. A host that never got a desired state gets generation 0 and `desired: {}`.",
          "operationId": "getHostDesiredState",
          "x-flag": "signed_ops",
          "responses": {
            "200": {"description": "The signed desired state (the envelope's fields as DSSE spells them)", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsDesiredStateEnvelope"},
              "example": {"payload": "eyJkZXNpcmVkIjp7Imd1ZXN0cyI6eyIxMDEiOnsicnVubmluZyI6dHJ1ZX19fSwiZGVzaXJlZF9nZW5lcmF0aW9uIjoxLCJob3N0X2lkIjoiYWNtZS1rM3g5cTIiLCJpc3N1ZWRfYXQiOiIyMDI2LTA2LTA4VDEwOjAwOjAwLjAwMFoifQ==",
                "payloadType": "application/vnd.felhom.desired-state.v1+json",
                "signatures": [{"keyid": "3816e7ca0628296c", "sig": "DVhAGosegrez1+SwjpjvkNOJCH00wDa8gznYy8zxyTYiiS4WqR/fqWxnhKnxfxb1YY29sXm3nX4ErIyhG7dWDQ=="}]}}}},
            "404": {"description": "The host's customer is outside the `signed_ops` cohort, or the host is gone (`not_found`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "409": {"description": "The stored desired state cannot be signed (set by an earlier hub); an operator must set it again (`desired_unservable`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/host-ops": {"get": {
          "summary": "The host's pending, unexpired ops, signed, in seq order",
          "description": "Only for hosts whose customer is in the `signed_ops` cohort; any other host gets 404, as if the slice were off. Each envelope is the one signed when the op was issued, served unchanged.",
          "operationId": "getHostOps",
          "x-flag": "signed_ops",
          "responses": {
            "200": {"description": "The pending ops (possibly none)", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsPendingOps"},
              "example": {"ops": [{"payload": "eyJhcmdzIjp7InZtaWQiOjEwMX0sImV4cGlyZXNfYXQiOiIyMDI2LTA2LTA4VDExOjAwOjAwLjAwMFoiLCJob3N0X2lkIjoiYWNtZS1rM3g5cTIiLCJpc3N1ZWRfYXQiOiIyMDI2LTA2LTA4VDEwOjAwOjAwLjAwMFoiLCJvcF9pZCI6IjZmMWMyYTRlLThiM2QtNGM1Zi05YTdlLTJkMWIwYzllOGY3MCIsInNlcSI6MSwidHlwZSI6InJlc3RhcnRfZ3Vlc3QifQ==",
                "payloadType": "application/vnd.felhom.signed-op.v1+json",
                "signatures": [{"keyid": "3816e7ca0628296c", "sig": "VTf8CK3kPQKv0d3tx1qoFG5n/YNYi7BcU2hdblprJnCGnnbDBaxXowGuhr0k/zSq+8e5MfYpP1tEnP3wgjaCCw=="}]}]}}}},
            "404": {"description": "The host's customer is outside the `signed_ops` cohort (`not_found`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/host-ops/{op_id}/result": {"post": {
          "summary": "Report an op's result; the op is closed and `op_succeeded` or `op_failed` recorded",
          "operationId": "postOpResult",
          "x-flag": "signed_ops",
          "parameters": [{"name": "op_id", "in": "path", "required": true, "description": "The op's `op_id`, from its signed payload; percent-decoded before use",
            "schema": {"type": "string"}, "example": "6f1c2a4e-8b3d-4c5f-9a7e-2d1b0c9e8f70"}],
          "requestBody": {"required": true, "description": "At most 512 KiB.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/SignedOpsOpResult"},
            "example": {"status": "succeeded", "output": "guest 101 restarted"}}}},
          "responses": {
            "200": {"description": "The op is closed with this status", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/SignedOpsOpClosed"},
              "example": {"op_id": "6f1c2a4e-8b3d-4c5f-9a7e-2d1b0c9e8f70", "status": "succeeded"}}}},
            "400": {"description": "`invalid_result`: `status` missing or not `succeeded`/`failed`, `output` not a string or over 64 KiB of UTF-8; or an unreadable body (`body_too_large`, `bad_request`, `invalid_path`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such op for this host (unknown, or another host's: the same answer), or the host's customer is outside the `signed_ops` cohort (`not_found`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "409": {"description": "The op is already succeeded, failed or expired, or its `expires_at` has passed (it is expired now) (`op_closed`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }}
      },
      "components": {"schemas": {
        "SignedOpsListedOp": {"type": "object",
          "required": ["op_id", "seq", "type", "args", "status", "issued_at", "expires_at", "closed_at", "output"],
          "properties": {"op_id": {"type": "string"}, "seq": {"type": "integer", "minimum": 1}, "type": {"type": "string"},
            "args": {"type": "object"}, "status": {"type": "string", "enum": ["pending", "succeeded", "failed", "expired"]},
            "issued_at": {"type": "string", "format": "date-time"}, "expires_at": {"type": "string", "format": "date-time"},
            "closed_at": {"type": ["string", "null"], "format": "date-time"}, "output": {"type": ["string", "null"]}}},
        "SignedOpsKey": {"type": "object", "description": "A public key agents verify with; `keyid` is the first 16 hex characters of SHA-256 over the raw 32-byte key.",
          "required": ["keyid", "alg", "public_key", "pem"],
          "properties": {
            "keyid": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
            "alg": {"type": "string", "const": "ed25519"},
            "public_key": {"type": "string", "description": "Base64 of the raw 32 bytes", "contentEncoding": "base64", "pattern": "^[A-Za-z0-9+/]{43}=$"},
            "pem": {"type": "string", "description": "SubjectPublicKeyInfo PEM, for `openssl pkeyutl -pubin`", "pattern": "^-----BEGIN PUBLIC KEY-----\n"}
          }},
        "SignedOpsKeyListing": {"type": "object", "required": ["keys"],
          "properties": {"keys": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/SignedOpsKey"}}}},
        "SignedOpsEnvelope": {"type": "object",
          "description": "A DSSE envelope (https://github.com/secure-systems-lab/dsse). `sig` is the Ed25519 signature over the pre-authentication encoding `\"DSSEv1\" SP len(payloadType) SP payloadType SP len(payload) SP payload` of the decoded payload bytes.",
          "required": ["payloadType", "payload", "signatures"],
          "properties": {
            "payloadType": {"type": "string", "enum": ["application/vnd.felhom.signed-op.v1+json", "application/vnd.felhom.desired-state.v1+json"]},
            "payload": {"type": "string", "description": "Base64 of the exact signed JSON bytes", "contentEncoding": "base64", "contentMediaType": "application/json"},
            "signatures": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["keyid", "sig"],
              "properties": {
                "keyid": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                "sig": {"type": "string", "description": "Base64 of the 64-byte Ed25519 signature", "contentEncoding": "base64", "pattern": "^[A-Za-z0-9+/]{86}==$"}
              }}}
          }},
        "SignedOpsOpEnvelope": {"allOf": [{"$ref": "#/components/schemas/SignedOpsEnvelope"}, {
          "properties": {
            "payloadType": {"const": "application/vnd.felhom.signed-op.v1+json"},
            "payload": {"contentSchema": {"$ref": "#/components/schemas/SignedOpsOpPayload"}}
          }}]},
        "SignedOpsDesiredStateEnvelope": {"allOf": [{"$ref": "#/components/schemas/SignedOpsEnvelope"}, {
          "properties": {
            "payloadType": {"const": "application/vnd.felhom.desired-state.v1+json"},
            "payload": {"contentSchema": {"$ref": "#/components/schemas/SignedOpsDesiredStatePayload"}}
          }}]},
        "SignedOpsOpPayload": {"type": "object", "description": "What an op's envelope signs. An agent rejects an op whose `host_id` is not its own, that has expired, or whose `seq` it has executed.",
          "required": ["op_id", "host_id", "seq", "type", "args", "issued_at", "expires_at"],
          "properties": {
            "op_id": {"type": "string", "format": "uuid", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},
            "host_id": {"type": "string", "examples": ["acme-k3x9q2"]},
            "seq": {"type": "integer", "minimum": 1, "description": "One more than the host's previous op"},
            "type": {"$ref": "#/components/schemas/SignedOpsOpType"},
            "args": {"$ref": "#/components/schemas/SignedOpsOpArguments"},
            "issued_at": {"type": "string", "format": "date-time", "examples": ["2026-06-08T10:00:00.000Z"]},
            "expires_at": {"type": "string", "format": "date-time", "examples": ["2026-06-08T11:00:00.000Z"]}
          }},
        "SignedOpsDesiredStatePayload": {"type": "object", "description": "What a desired-state envelope signs.",
          "required": ["host_id", "desired_generation", "desired", "issued_at"],
          "properties": {
            "host_id": {"type": "string", "examples": ["acme-k3x9q2"]},
            "desired_generation": {"type": "integer", "minimum": 0, "description": "0 while no desired state was set"},
            "desired": {"type": "object", "description": "As the operator set it (`{}` while none was), keys sorted"},
            "guests": {"type": "object", "description": "Present only when a guest of the host has a desired spec (after the cutover): each spec by vmid",
              "propertyNames": {"pattern": "^[1-9][0-9]*$"}, "additionalProperties": {"type": "object"}},
            "issued_at": {"type": "string", "format": "date-time", "examples": ["2026-06-08T10:00:00.000Z"]}
          }},
        "SignedOpsPendingOps": {"type": "object", "required": ["ops"],
          "properties": {"ops": {"type": "array", "description": "In seq order", "items": {"$ref": "#/components/schemas/SignedOpsOpEnvelope"}}}},
        "SignedOpsDesiredStateRequest": {"type": "object", "required": ["desired"],
          "properties": {"desired": {"type": "object", "description": "Any JSON object, nesting objects and arrays at most 64 levels deep (`desired` itself is level 1)"}}},
        "SignedOpsDesiredStateSet": {"type": "object", "required": ["host_id", "desired_generation"],
          "properties": {
            "host_id": {"type": "string"},
            "desired_generation": {"type": "integer", "minimum": 1}
          }},
        "SignedOpsOpType": {"type": "string", "enum": ["restart_guest", "reboot_host", "run_backup", "upgrade_agent"]},
        "SignedOpsVMID": {"type": "integer", "minimum": 100, "maximum": 999999999, "description": "A guest the host has reported"},
        "SignedOpsOpArguments": {"type": "object", "additionalProperties": false,
          "description": "The op's arguments, as its type defines them: `restart_guest` {vmid}, `reboot_host` {}, `run_backup` {vmid?}, `upgrade_agent` {version}.",
          "properties": {
            "vmid": {"$ref": "#/components/schemas/SignedOpsVMID"},
            "version": {"type": "string", "pattern": "^[0-9A-Za-z.+_-]{1,64}$", "examples": ["0.4.0"]}
          }},
        "SignedOpsOpRequest": {"type": "object", "required": ["type"],
          "description": "An op to issue. Its `args` are checked strictly against its type: every required argument present, none the type does not name (a `null` argument counts as absent).",
          "properties": {
            "type": {"$ref": "#/components/schemas/SignedOpsOpType"},
            "args": {"type": ["object", "null"], "description": "Absent or null: no arguments"},
            "ttl_seconds": {"type": ["integer", "null"], "minimum": 1, "maximum": 604800, "default": 3600, "description": "How long the op stays valid: default one hour, at most seven days"}
          },
          "oneOf": [
            {"properties": {"type": {"const": "restart_guest"}, "args": {"type": "object", "required": ["vmid"], "additionalProperties": false,
              "properties": {"vmid": {"$ref": "#/components/schemas/SignedOpsVMID"}}}}, "required": ["args"]},
            {"properties": {"type": {"const": "reboot_host"}, "args": {"type": ["object", "null"], "maxProperties": 0}}},
            {"properties": {"type": {"const": "run_backup"}, "args": {"type": ["object", "null"], "additionalProperties": false,
              "properties": {"vmid": {"oneOf": [{"$ref": "#/components/schemas/SignedOpsVMID"}, {"type": "null"}]}}}}},
            {"properties": {"type": {"const": "upgrade_agent"}, "args": {"type": "object", "required": ["version"], "additionalProperties": false,
              "properties": {"version": {"type": "string", "pattern": "^[0-9A-Za-z.+_-]{1,64}$"}}}}, "required": ["args"]}
          ]},
        "SignedOpsIssuedOp": {"type": "object", "required": ["op_id", "seq", "expires_at"],
          "properties": {
            "op_id": {"type": "string", "format": "uuid", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},
            "seq": {"type": "integer", "minimum": 1},
            "expires_at": {"type": "string", "format": "date-time"}
          }},
        "SignedOpsOpResult": {"type": "object", "required": ["status"],
          "properties": {
            "status": {"type": "string", "enum": ["succeeded", "failed"]},
            "output": {"type": ["string", "null"], "description": "What the agent saw, at most 64 KiB of UTF-8; absent or null: empty"}
          }},
        "SignedOpsOpClosed": {"type": "object", "required": ["op_id", "status"],
          "properties": {
            "op_id": {"type": "string"},
            "status": {"type": "string", "enum": ["succeeded", "failed"]}
          }}
      }}
    }
    """#)
}
