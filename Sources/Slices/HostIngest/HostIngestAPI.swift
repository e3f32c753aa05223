import Kernel

/// Host-ingest's routes in the OpenAPI document: the host agents' heartbeat and its
/// answer, the control envelope (agent protocol §4–5), and the hosts part of the admin
/// API (operator contract §3).
enum HostIngestAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/api/v1/host-report": {"post": {
          "summary": "A host agent's heartbeat (agent protocol §4), answered with the control envelope (§5)",
          "description": "A host key reports for its own host. The global key may report for any existing host while the flag `global_key_bootstrap` is on; while it is off (and under the cutover, which retires the flag) the global key gets 401. Each accepted report is stored raw, with its figures denormalised, and updates the host's and its guests' reality columns; the report is stored also when the customer is blocked.",
          "operationId": "postHostReport",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HostIngestReport"},
            "example": {"host_id": "acme-k3x9q2", "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.3.1",
              "host": {"hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0, "uptime_seconds": 123456,
                "pve_version": "8.2.4", "kernel": "6.8.12-1-pve"},
              "guests": [
                {"vmid": 101, "name": "felhom-ctl", "status": "running", "controller_version": "1.4.2", "spec": {"cores": 2, "memory_mb": 2048}},
                {"vmid": 102, "name": "media", "status": "stopped", "controller_version": null}
              ],
              "cloudflared": {"status": "connected"},
              "storage_targets": [], "backups": [], "restore_tests": [], "pbs_snapshots": [], "audit_tail": []}}}},
          "responses": {
            "200": {"description": "Stored; the control envelope", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/HostIngestControlEnvelope"},
              "example": {"blocked": false, "desired_generation": 0, "has_signed_ops": false, "poll_interval_seconds": 900, "status": "ok"}}}},
            "400": {"description": "`invalid_report`: a body that is not JSON or breaks a rule of agent protocol §4, the field named in `message` (e.g. `guests[1].vmid: must be an integer from 100 to 999999999`, `host.cpu_percent: must be a number from 0 to 100`, `guests[2].vmid: 101 appears twice in this report`); `unknown_host`: the global key (bootstrap) naming a host the hub does not know; or an unreadable body (`body_too_large` over 4 MiB, `bad_request`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "401": {"description": "`unauthorized`: no key, an unknown or revoked one, or the global key while `global_key_bootstrap` is off (or naming a revoked host)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "`host_mismatch`: a host key and a `host_id` of another host; `forbidden`: a key that is neither a host key nor the global key", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/hosts": {
          "post": {
            "summary": "Mint a host and its key for an existing customer (provisional; served while the flag `admin_mint` is on)",
            "operationId": "mintHost",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HostIngestMintRequest"},
              "example": {"customer_id": "acme", "label": "pve1"}}}},
            "responses": {
              "201": {"description": "Minted: the host's id and key, the key shown this once", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/HostIngestHostKey"},
                "example": {"api_key": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "host_id": "acme-k3x9q2"}}}},
              "400": {"description": "`invalid_host`: a body that is not JSON, lacks `customer_id` or has a member of the wrong type (the field named in `message`); `unknown_customer`: no such customer; or an unreadable body (`body_too_large` over 64 KiB, `bad_request`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "404": {"description": "`not_found`: the flag `admin_mint` is off (the default when enrollment is enabled; retired under the cutover)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "get": {
            "summary": "Hosts, by id, with their dead-man's-switch state (revoked hosts included)",
            "operationId": "listHosts",
            "parameters": [{"name": "customer_id", "in": "query", "required": false, "description": "Only this customer's hosts (an unknown customer: none)",
              "schema": {"type": "string"}, "example": "acme"}],
            "responses": {
              "200": {"description": "The hosts, ordered by `host_id`", "content": {"application/json": {
                "schema": {"type": "object", "required": ["hosts"],
                  "properties": {"hosts": {"type": "array", "items": {"$ref": "#/components/schemas/HostIngestHost"}}}},
                "example": {"hosts": [{"agent_version": "0.3.1", "created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "desired_generation": 0,
                  "host_id": "acme-k3x9q2", "label": "pve1", "last_report_at": "2026-06-08T10:00:00.123Z", "staleness": "ok",
                  "updated_at": "2026-06-01T09:00:00.000Z"}]}}}}
            }
          }
        },
        "/api/v1/admin/hosts/{host_id}": {"get": {
          "summary": "One host with its guests, its latest report's figures and its dead-man's-switch state",
          "operationId": "getHost",
          "parameters": [{"name": "host_id", "in": "path", "required": true, "description": "The host's id (`<customer_id>-<6 of [a-z0-9]>`); percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2"}],
          "responses": {
            "200": {"description": "The host", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/HostIngestHostDetail"},
              "example": {"agent_version": "0.3.1", "created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "desired_generation": 0,
                "guests": [
                  {"controller_version": "1.4.2", "display_name": "felhom-ctl", "guest_id": "acme-k3x9q2/101", "host_id": "acme-k3x9q2",
                    "last_seen_at": "2026-06-08T10:00:00.123Z", "status": "running", "vmid": 101},
                  {"display_name": "media", "guest_id": "acme-k3x9q2/102", "host_id": "acme-k3x9q2",
                    "last_seen_at": "2026-06-08T10:00:00.123Z", "status": "stopped", "vmid": 102}
                ],
                "host_id": "acme-k3x9q2", "label": "pve1", "last_report_at": "2026-06-08T10:00:00.123Z",
                "last_report": {"agent_version": "0.3.1", "cloudflared_status": "connected", "cpu_percent": 12.5, "disk_percent": 63,
                  "guest_running": 1, "guest_total": 2, "mem_percent": 40.1, "received_at": "2026-06-08T10:00:00.123Z", "reported_at": "2026-06-08T10:00:00.000Z"},
                "staleness": "ok", "updated_at": "2026-06-01T09:00:00.000Z"}}}},
            "404": {"description": "`not_found`: no such host", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }}
      },
      "components": {"schemas": {
        "HostIngestReport": {
          "type": "object", "required": ["host_id", "reported_at", "agent_version", "host", "guests"],
          "description": "A host agent's report (agent protocol §4). Members not named here are ignored and kept in the stored raw report.",
          "properties": {
            "host_id": {"type": "string", "minLength": 1, "description": "Under a host key, that key's host (else 403 `host_mismatch`); under the global key, an existing host (else 400 `unknown_host`)", "examples": ["acme-k3x9q2"]},
            "reported_at": {"type": "string", "format": "date-time", "description": "RFC 3339, any offset, fractions allowed", "examples": ["2026-06-08T10:00:00Z"]},
            "agent_version": {"type": "string", "minLength": 1, "examples": ["0.3.1"]},
            "host": {"$ref": "#/components/schemas/HostIngestMachine"},
            "guests": {"type": "array", "maxItems": 1000, "description": "May be empty; at most 1000; each `vmid` at most once in a report",
              "items": {"$ref": "#/components/schemas/HostIngestReportedGuest"}},
            "cloudflared": {"type": ["object", "null"], "required": ["status"],
              "properties": {"status": {"type": "string", "examples": ["connected"]}}},
            "storage_targets": {"type": ["array", "null"], "description": "Stored as sent, not yet interpreted"},
            "backups": {"type": ["array", "null"], "description": "Stored as sent, not yet interpreted"},
            "restore_tests": {"type": ["array", "null"], "description": "Stored as sent, not yet interpreted"},
            "pbs_snapshots": {"type": ["array", "null"], "description": "Stored as sent, not yet interpreted"},
            "audit_tail": {"type": ["array", "null"], "description": "Stored as sent, not yet interpreted"}
          }
        },
        "HostIngestMachine": {
          "type": "object", "required": ["hostname", "cpu_percent", "mem_percent", "disk_percent"],
          "description": "The host itself, as its agent sees it. Members not named here are ignored.",
          "properties": {
            "hostname": {"type": "string", "examples": ["pve1"]},
            "cpu_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "mem_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "disk_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "uptime_seconds": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807, "description": "Checked, not kept; not null"},
            "pve_version": {"type": ["string", "null"], "examples": ["8.2.4"]},
            "kernel": {"type": ["string", "null"], "examples": ["6.8.12-1-pve"]}
          }
        },
        "HostIngestReportedGuest": {
          "type": "object", "required": ["vmid", "name", "status"],
          "description": "One guest (LXC or VM) of the host. Members not named here are ignored and kept in the raw report.",
          "properties": {
            "vmid": {"type": "integer", "minimum": 100, "maximum": 999999999, "examples": [101]},
            "name": {"type": "string", "examples": ["felhom-ctl"]},
            "status": {"type": "string", "description": "`running` counts the guest as running", "examples": ["running"]},
            "controller_version": {"type": ["string", "null"], "description": "Set when the guest runs a controller", "examples": ["1.4.2"]},
            "spec": {"type": ["object", "null"], "description": "Checked for its shape only, kept in the raw report"}
          }
        },
        "HostIngestControlEnvelope": {
          "type": "object", "required": ["status", "poll_interval_seconds", "blocked"],
          "description": "The control envelope (agent protocol §5), keys sorted. Later slices add members, numbers or truth values, each written with a placeholder while that slice does not speak for the host: `desired_generation` (integer, 0) and `has_signed_ops` (boolean, false) from signed-ops.",
          "properties": {
            "status": {"type": "string", "const": "ok"},
            "poll_interval_seconds": {"type": "integer", "minimum": 1, "description": "How long to wait before the next report (`HUB_POLL_INTERVAL_SECONDS`)", "examples": [900]},
            "blocked": {"type": "boolean", "description": "The host's customer is blocked (the report is stored all the same)"}
          },
          "additionalProperties": {"type": ["integer", "boolean"]}
        },
        "HostIngestMintRequest": {
          "type": "object", "required": ["customer_id"],
          "properties": {
            "customer_id": {"type": "string", "description": "An existing customer (else 400 `unknown_customer`)", "examples": ["acme"]},
            "label": {"type": ["string", "null"], "description": "Stored as the empty string when left out or null", "examples": ["pve1"]}
          }
        },
        "HostIngestHostKey": {
          "type": "object", "required": ["host_id", "api_key"],
          "properties": {
            "host_id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,62}-[a-z0-9]{6}$", "examples": ["acme-k3x9q2"]},
            "api_key": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The host key, shown this once"}
          }
        },
        "HostIngestHost": {
          "type": "object", "required": ["host_id", "customer_id", "label", "desired_generation", "created_at", "updated_at", "staleness"],
          "description": "A host without key material; the optional members are left out while they have no value.",
          "properties": {
            "host_id": {"type": "string", "examples": ["acme-k3x9q2"]},
            "customer_id": {"type": "string", "examples": ["acme"]},
            "label": {"type": "string", "description": "Empty when none was given"},
            "agent_version": {"type": "string", "description": "As the last report gave it"},
            "last_report_at": {"type": "string", "format": "date-time", "description": "When the hub last received a report of the host"},
            "desired_generation": {"type": "integer", "minimum": 0, "description": "The generation of the host's signed desired state (signed-ops)"},
            "revoked_at": {"type": "string", "format": "date-time", "description": "When an operator revoked the host (enrollment)"},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "staleness": {"type": "string", "enum": ["ok", "stale", "down", "never", "revoked"], "description": "The host dead-man's switch: `never` for a host that has not reported, `revoked` for a revoked one"}
          }
        },
        "HostIngestHostDetail": {
          "allOf": [{"$ref": "#/components/schemas/HostIngestHost"}],
          "type": "object", "required": ["guests", "last_report"],
          "properties": {
            "guests": {"type": "array", "description": "Ordered by `vmid`", "items": {"$ref": "#/components/schemas/HostIngestGuest"}},
            "last_report": {"description": "The latest stored report's figures; null for a host without reports",
              "oneOf": [{"$ref": "#/components/schemas/HostIngestReportFigures"}, {"type": "null"}]}
          }
        },
        "HostIngestGuest": {
          "type": "object", "required": ["guest_id", "host_id", "vmid"],
          "description": "A guest as its host last reported it; the optional members are left out while they have no value. Later slices add members of their own: the cutover adds the guest's controller `staleness` (`ok`, `stale`, `down`, `never`) and `last_report_at` (a timestamp, or null before its first report).",
          "properties": {
            "guest_id": {"type": "string", "description": "`<host_id>/<vmid>`", "examples": ["acme-k3x9q2/101"]},
            "host_id": {"type": "string"},
            "vmid": {"type": "integer", "minimum": 100, "maximum": 999999999},
            "display_name": {"type": "string"},
            "status": {"type": "string"},
            "controller_version": {"type": "string"},
            "last_seen_at": {"type": "string", "format": "date-time"}
          }
        },
        "HostIngestReportFigures": {
          "type": "object", "required": ["reported_at", "received_at", "agent_version", "guest_total", "guest_running"],
          "description": "The denormalised figures of one stored host report; the optional members are left out while they have no value.",
          "properties": {
            "reported_at": {"type": "string", "format": "date-time"},
            "received_at": {"type": "string", "format": "date-time"},
            "agent_version": {"type": "string"},
            "cpu_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "mem_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "disk_percent": {"type": "number", "minimum": 0, "maximum": 100},
            "guest_total": {"type": "integer", "minimum": 0},
            "guest_running": {"type": "integer", "minimum": 0, "description": "Guests whose `status` is exactly `running`"},
            "cloudflared_status": {"type": "string"}
          }
        }
      }}
    }
    """#)
}
