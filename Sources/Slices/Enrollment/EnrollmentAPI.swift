import Kernel

/// Slices 7–8's routes in the OpenAPI document (agent protocol §7, operator API §3):
/// enrolling with a token, host key rotation, the operator's tokens and host revocation.
enum EnrollmentAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/api/v1/enroll": {"post": {
          "summary": "Turn an enrollment token into a host and its key, with the ops keys to pin (no Authorization header)",
          "description": "Each enrollment uses one of the token's uses, also when installers race. Every failed attempt (400, 401, 403) counts against the client's address (its /64 for IPv6); beyond `HUB_ENROLL_FAILURES_PER_MINUTE` (10 by default) in a minute, it gets 429 until the minute is over, even with a good token.",
          "operationId": "enroll",
          "requestBody": {"required": true, "description": "At most 4 KiB.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/EnrollmentRequest"},
            "example": {"token": "felhom_enroll_9c1d0e6f2b8a4c3d7e5f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d", "hostname": "pve1", "agent_version": "0.4.0"}}}},
          "responses": {
            "201": {"description": "The host is enrolled; its key is shown this once", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/EnrollmentEnrolled"},
              "example": {"api_key": "4f6c2d0e8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d", "customer_id": "acme", "host_id": "acme-k3x9q2",
                "ops_keys": [{"alg": "ed25519", "keyid": "3816e7ca0628296c",
                  "pem": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA+a9usfzJH28yt8Mpfs+/1kZtAx31uVKMIObqjM4NnMA=\n-----END PUBLIC KEY-----\n",
                  "public_key": "+a9usfzJH28yt8Mpfs+/1kZtAx31uVKMIObqjM4NnMA="}],
                "poll_interval_seconds": 900}}}},
            "400": {"description": "`invalid_enrollment`: a field missing or malformed (named in `message`): `token` empty, `hostname` not 1–253 bytes, `agent_version` not 1–100 bytes, `label` over 200 bytes; or an unreadable body (`body_too_large` over 4 KiB, `bad_request`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "401": {"description": "The token is unknown, expired, revoked or used up: one answer for all four (`invalid_token`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "The token's customer is blocked; the use is given back (`customer_blocked`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "429": {"description": "Too many failed enrollments from this address; retry after `Retry-After` seconds (`too_many_attempts`)",
              "headers": {"Retry-After": {"description": "Whole seconds until the address's minute is over", "schema": {"type": "integer", "minimum": 1}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/host-key/rotate": {"post": {
          "summary": "A new key for the calling host: it works at once; the old key keeps working until the new one is first used, then gets 401",
          "description": "The body is ignored (send none; at most 1 KiB).",
          "operationId": "rotateHostKey",
          "responses": {
            "200": {"description": "The host's next key, shown this once", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/EnrollmentRotatedKey"},
              "example": {"api_key": "8e2a4c6b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a0c1b3d5f7e9a1c3b5d7f9e0a", "host_id": "acme-k3x9q2"}}}}
          }
        }},
        "/api/v1/admin/enrollment-tokens": {
          "post": {
            "summary": "Issue an enrollment token for a customer; the token is shown this once",
            "operationId": "issueEnrollmentToken",
            "requestBody": {"required": true, "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/EnrollmentTokenRequest"},
              "example": {"customer_id": "acme", "label": "pve1, Kovács family", "ttl_seconds": 86400, "uses": 1}}}},
            "responses": {
              "201": {"description": "The token and what it allows", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/EnrollmentIssuedToken"},
                "example": {"customer_id": "acme", "expires_at": "2026-12-02T17:00:00.000Z",
                  "token": "felhom_enroll_9c1d0e6f2b8a4c3d7e5f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d", "token_id": "et-4k2m9x0q7z", "uses": 1}}}},
              "400": {"description": "`invalid_token_request`: `customer_id` missing or not a string, `ttl_seconds` outside 1–2592000, `uses` outside 1–1000, `label` over 200 bytes (the field named in `message`); `unknown_customer`: no such customer; or an unreadable body (`body_too_large`, `bad_request`)",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "get": {
            "summary": "Enrollment tokens, newest first, never the token itself",
            "operationId": "listEnrollmentTokens",
            "parameters": [{"name": "customer_id", "in": "query", "required": false, "description": "Only this customer's tokens (none for an unknown customer)",
              "schema": {"type": "string"}, "example": "acme"}],
            "responses": {
              "200": {"description": "The tokens", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/EnrollmentTokenListing"},
                "example": {"tokens": [{"created_at": "2026-12-01T17:00:00.000Z", "customer_id": "acme", "expires_at": "2026-12-02T17:00:00.000Z",
                  "label": "pve1, Kovács family", "revoked_at": null, "token_id": "et-4k2m9x0q7z", "used": 0, "uses": 1}]}}}}
            }
          }
        },
        "/api/v1/admin/enrollment-tokens/{token_id}": {"delete": {
          "summary": "Revoke an enrollment token: from now on it gets 401 `invalid_token`; revoking again keeps the first time",
          "operationId": "revokeEnrollmentToken",
          "parameters": [{"name": "token_id", "in": "path", "required": true, "description": "The token's id (not the token); percent-decoded before use",
            "schema": {"type": "string"}, "example": "et-4k2m9x0q7z"}],
          "responses": {
            "204": {"description": "Revoked (or revoked already); no body"},
            "404": {"description": "No such token (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/hosts/{host_id}/revoke": {"post": {
          "summary": "Revoke a host: its key gets 401 at once, also in a hub that has it cached; nobody watches its silence; its history stays; event `host_revoked`",
          "description": "Revoking a revoked host changes nothing and records nothing: the answer is the host as first revoked.",
          "operationId": "revokeHost",
          "parameters": [{"name": "host_id", "in": "path", "required": true, "description": "The host, as minted by the hub; percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2"}],
          "requestBody": {"required": false, "description": "Optional: an empty body revokes without a reason. At most 4 KiB.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/EnrollmentRevocationRequest"},
            "example": {"reason": "decommissioned"}}}},
          "responses": {
            "200": {"description": "The host, with its `revoked_at`", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/EnrollmentRevokedHost"},
              "example": {"created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "desired_generation": 1, "host_id": "acme-k3x9q2", "label": "pve1",
                "agent_version": "0.4.0", "last_report_at": "2026-06-08T10:00:00.000Z", "revoked_at": "2026-06-08T10:05:00.000Z", "updated_at": "2026-06-08T10:05:00.000Z"}}}},
            "400": {"description": "`invalid_revocation`: a body that is not an object or whose `reason` is not a string; or an unreadable body (`body_too_large` over 4 KiB, `bad_request`, `invalid_path`)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such host (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }}
      },
      "components": {"schemas": {
        "EnrollmentRequest": {"type": "object", "required": ["token", "hostname", "agent_version"],
          "properties": {
            "token": {"type": "string", "minLength": 1, "description": "The enrollment token (`felhom_enroll_<64 hex>`); any other text is the same 401"},
            "hostname": {"type": "string", "minLength": 1, "maxLength": 253, "description": "1 to 253 bytes of UTF-8"},
            "agent_version": {"type": "string", "minLength": 1, "maxLength": 100, "description": "1 to 100 bytes of UTF-8"},
            "label": {"type": ["string", "null"], "maxLength": 200, "description": "At most 200 bytes of UTF-8; the host's label (the hostname when absent)"}
          }},
        "EnrollmentOpsKey": {"type": "object", "description": "An entry of `GET /api/v1/ops/keys`, to pin by `keyid`.",
          "required": ["keyid", "alg", "public_key", "pem"],
          "properties": {
            "keyid": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
            "alg": {"type": "string", "const": "ed25519"},
            "public_key": {"type": "string", "description": "Base64 of the raw 32 bytes", "contentEncoding": "base64", "pattern": "^[A-Za-z0-9+/]{43}=$"},
            "pem": {"type": "string", "description": "SubjectPublicKeyInfo PEM"}
          }},
        "EnrollmentEnrolled": {"type": "object", "required": ["host_id", "customer_id", "api_key", "poll_interval_seconds", "ops_keys"],
          "properties": {
            "host_id": {"type": "string", "examples": ["acme-k3x9q2"]},
            "customer_id": {"type": "string"},
            "api_key": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The host's key; the hub keeps only its hash"},
            "poll_interval_seconds": {"type": "integer", "minimum": 1},
            "ops_keys": {"type": "array", "description": "The published ops keys, active first; empty while signed-ops is off",
              "items": {"$ref": "#/components/schemas/EnrollmentOpsKey"}}
          }},
        "EnrollmentRotatedKey": {"type": "object", "required": ["host_id", "api_key"],
          "properties": {
            "host_id": {"type": "string"},
            "api_key": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
          }},
        "EnrollmentTokenRequest": {"type": "object", "required": ["customer_id"],
          "properties": {
            "customer_id": {"type": "string", "description": "An existing customer"},
            "ttl_seconds": {"type": ["integer", "null"], "minimum": 1, "maximum": 2592000, "default": 86400, "description": "Lifetime: default one day, at most 30 days"},
            "uses": {"type": ["integer", "null"], "minimum": 1, "maximum": 1000, "default": 1, "description": "How many hosts it may enroll"},
            "label": {"type": ["string", "null"], "maxLength": 200, "description": "At most 200 bytes of UTF-8"}
          }},
        "EnrollmentIssuedToken": {"type": "object", "required": ["token_id", "token", "customer_id", "expires_at", "uses"],
          "properties": {
            "token_id": {"type": "string", "pattern": "^et-[a-z0-9]{10}$"},
            "token": {"type": "string", "pattern": "^felhom_enroll_[0-9a-f]{64}$", "description": "The token itself, shown this once; the hub keeps only its hash"},
            "customer_id": {"type": "string"},
            "expires_at": {"type": "string", "format": "date-time"},
            "uses": {"type": "integer", "minimum": 1, "maximum": 1000}
          }},
        "EnrollmentToken": {"type": "object", "description": "A token as listed: every field, `null` included; never the token.",
          "required": ["token_id", "customer_id", "label", "created_at", "expires_at", "uses", "used", "revoked_at"],
          "properties": {
            "token_id": {"type": "string", "pattern": "^et-[a-z0-9]{10}$"},
            "customer_id": {"type": "string"},
            "label": {"type": ["string", "null"]},
            "created_at": {"type": "string", "format": "date-time"},
            "expires_at": {"type": "string", "format": "date-time"},
            "uses": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "How many hosts it may enroll"},
            "used": {"type": "integer", "minimum": 0, "description": "How many it has"},
            "revoked_at": {"type": ["string", "null"], "format": "date-time"}
          }},
        "EnrollmentTokenListing": {"type": "object", "required": ["tokens"],
          "properties": {"tokens": {"type": "array", "items": {"$ref": "#/components/schemas/EnrollmentToken"}}}},
        "EnrollmentRevocationRequest": {"type": "object",
          "properties": {"reason": {"type": ["string", "null"], "description": "Recorded in the `host_revoked` event"}}},
        "EnrollmentRevokedHost": {"type": "object", "description": "The host without key material; fields without a value are absent.",
          "required": ["host_id", "customer_id", "label", "desired_generation", "revoked_at", "created_at", "updated_at"],
          "properties": {
            "host_id": {"type": "string"},
            "customer_id": {"type": "string"},
            "label": {"type": "string"},
            "agent_version": {"type": "string", "description": "Absent until the host first reports"},
            "last_report_at": {"type": "string", "format": "date-time", "description": "Absent until the host first reports"},
            "desired_generation": {"type": "integer", "minimum": 0},
            "revoked_at": {"type": "string", "format": "date-time"},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"}
          }}
      }}
    }
    """#)
}
