import Kernel

/// The controller slice's routes in the OpenAPI document: the legacy controller report
/// (agent protocol §3) and the customers part of the admin API (operator contract §3).
enum ControllerAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/api/v1/report": {"post": {
          "summary": "A controller's heartbeat on the legacy path (agent protocol §3); the report is stored also when the customer is blocked",
          "operationId": "postReport",
          "requestBody": {"$ref": "#/components/requestBodies/ControllerReport"},
          "responses": {
            "200": {"$ref": "#/components/responses/ControllerReportAccepted"},
            "400": {"description": "`invalid_report`: a body that is not JSON or breaks a rule, the field named in `message` (e.g. `controller_version: must not be empty`, `disk_percent: must be between 0 and 100`, `customer_id: required under the global key`); `unknown_customer`: the global key naming a customer the hub does not know; or an unreadable body (`body_too_large` over 1 MiB, `bad_request`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "`customer_mismatch`: a customer key and a `customer_id` of another customer; `forbidden`: a key that is neither the global key nor a customer key", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/customers": {
          "post": {
            "summary": "Create a customer and its key (the key is shown once, never stored in the clear)",
            "operationId": "createCustomer",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControllerNewCustomer"},
              "example": {"customer_id": "acme", "name": "Acme"}}}},
            "responses": {
              "201": {"description": "Created: the customer's key, shown this once", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ControllerCustomerKey"},
                "example": {"api_key": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "customer_id": "acme"}}}},
              "400": {"description": "`invalid_customer_id`: a body that is not JSON, lacks `customer_id` or has a member of the wrong type (the field named in `message`), or an id that breaks `^[a-z0-9][a-z0-9-]{1,62}$`; or an unreadable body (`body_too_large` over 64 KiB, `bad_request`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "409": {"description": "`exists`: the customer exists already", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "get": {
            "summary": "Every customer, by id (no key material)",
            "operationId": "listCustomers",
            "responses": {
              "200": {"description": "The customers, ordered by `customer_id`", "content": {"application/json": {
                "schema": {"type": "object", "required": ["customers"],
                  "properties": {"customers": {"type": "array", "items": {"$ref": "#/components/schemas/ControllerCustomer"}}}},
                "example": {"customers": [{"created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "last_report_at": "2026-06-08T10:00:00.000Z",
                  "name": "Acme", "status": "active", "updated_at": "2026-06-01T09:00:00.000Z"}]}}}}
            }
          }
        },
        "/api/v1/admin/customers/{customer_id}": {
          "get": {
            "summary": "One customer (no key material)",
            "operationId": "getCustomer",
            "parameters": [{"name": "customer_id", "in": "path", "required": true, "description": "The customer's id (`^[a-z0-9][a-z0-9-]{1,62}$`); percent-decoded before use", "schema": {"type": "string"}, "example": "acme"}],
            "responses": {
              "200": {"description": "The customer", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ControllerCustomer"},
                "example": {"created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "last_report_at": "2026-06-08T10:00:00.000Z",
                  "name": "Acme", "paid_until": "2026-12-31T00:00:00.000Z", "status": "active", "updated_at": "2026-06-02T12:00:00.000Z",
                  "webhook_url": "https://hooks.example.com/felhom"}}}},
              "404": {"description": "`not_found`: no such customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "patch": {
            "summary": "Change a customer: a member left out is left alone; `paid_until` and `webhook_url` may be null to clear them",
            "description": "A webhook signing secret is made, and answered once as `webhook_secret`, when the first `webhook_url` is set, when `webhook_url` moves to another scheme, host or port, and when `rotate_webhook_secret` is true. Clearing `webhook_url` clears the secret.",
            "operationId": "changeCustomer",
            "parameters": [{"name": "customer_id", "in": "path", "required": true, "description": "The customer's id (`^[a-z0-9][a-z0-9-]{1,62}$`); percent-decoded before use", "schema": {"type": "string"}, "example": "acme"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControllerCustomerChange"},
              "examples": {
                "block": {"value": {"status": "blocked"}},
                "deadline": {"value": {"paid_until": "2026-12-31T00:00:00Z"}},
                "webhook": {"value": {"webhook_url": "https://hooks.example.com/felhom"}},
                "rotate": {"value": {"rotate_webhook_secret": true}}
              }}}},
            "responses": {
              "200": {"description": "The customer as it now is, with `webhook_secret` when this change made one", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ControllerChangedCustomer"},
                "example": {"created_at": "2026-06-01T09:00:00.000Z", "customer_id": "acme", "name": "Acme", "status": "active",
                  "updated_at": "2026-06-08T10:05:00.000Z", "webhook_secret": "3f0a1c5e9b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468",
                  "webhook_url": "https://hooks.example.com/felhom"}}}},
              "400": {"description": "`invalid_customer`: a body that is not JSON or breaks a rule, the field named in `message` (e.g. `status: must be active or blocked`, `paid_until: must be an RFC 3339 timestamp or null`), or `rotate_webhook_secret` without a `webhook_url`; `invalid_webhook_url`: a URL that is not http(s) with a valid host, carries a user name or password, points at the hub itself, or (unless the flag `webhooks_allow_private_targets` is on for the customer) at a loopback, link-local, private or other non-public address or a local name; or an unreadable body (`body_too_large` over 64 KiB, `bad_request`, `invalid_path`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "404": {"description": "`not_found`: no such customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        }
      },
      "components": {
        "requestBodies": {
          "ControllerReport": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ControllerReport"},
            "example": {"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "hostname": "felhom-ctl",
              "disk_percent": 41.5, "services": [{"name": "nextcloud", "status": "running"}], "last_backup_at": "2026-06-08T03:00:00Z"}}}}
        },
        "responses": {
          "ControllerReportAccepted": {"description": "Stored; `blocked` says whether the customer is blocked", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ControllerReportAnswer"},
            "example": {"blocked": false, "poll_interval_seconds": 900, "status": "ok"}}}}
        },
        "schemas": {
          "ControllerReport": {
            "type": "object", "required": ["reported_at", "controller_version"],
            "description": "A controller's report (agent protocol §3). Members not named here are ignored and kept in the stored raw report.",
            "properties": {
              "customer_id": {"type": ["string", "null"], "description": "Required (non-empty) under the global key; under a customer key it may be left out, and when given must be that key's customer (else 403 `customer_mismatch`)", "examples": ["acme"]},
              "reported_at": {"type": "string", "format": "date-time", "description": "RFC 3339, any offset, fractions allowed", "examples": ["2026-06-08T10:00:00Z"]},
              "controller_version": {"type": "string", "minLength": 1, "examples": ["1.4.2"]},
              "hostname": {"type": ["string", "null"], "examples": ["felhom-ctl"]},
              "disk_percent": {"type": ["number", "null"], "minimum": 0, "maximum": 100, "examples": [41.5]},
              "services": {"type": ["array", "null"], "description": "Checked for its shape, kept in the raw report only",
                "items": {"type": "object", "required": ["name", "status"],
                  "properties": {"name": {"type": "string"}, "status": {"type": "string"}}}},
              "last_backup_at": {"type": ["string", "null"], "format": "date-time", "examples": ["2026-06-08T03:00:00Z"]}
            }
          },
          "ControllerReportAnswer": {
            "type": "object", "required": ["status", "poll_interval_seconds", "blocked"],
            "properties": {
              "status": {"type": "string", "const": "ok"},
              "poll_interval_seconds": {"type": "integer", "minimum": 1, "description": "How long to wait before the next report (`HUB_POLL_INTERVAL_SECONDS`)", "examples": [900]},
              "blocked": {"type": "boolean", "description": "The customer's status is `blocked` (the report is stored all the same)"}
            }
          },
          "ControllerNewCustomer": {
            "type": "object", "required": ["customer_id"],
            "properties": {
              "customer_id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,62}$", "examples": ["acme"]},
              "name": {"type": ["string", "null"], "description": "Stored as the empty string when left out or null", "examples": ["Acme"]}
            }
          },
          "ControllerCustomerKey": {
            "type": "object", "required": ["customer_id", "api_key"],
            "properties": {
              "customer_id": {"type": "string"},
              "api_key": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The customer key, shown this once"}
            }
          },
          "ControllerCustomer": {
            "type": "object", "required": ["customer_id", "name", "status", "created_at", "updated_at"],
            "description": "A customer without key material; the optional members are left out while they have no value.",
            "properties": {
              "customer_id": {"type": "string", "examples": ["acme"]},
              "name": {"type": "string", "description": "Empty when none was given"},
              "status": {"type": "string", "enum": ["active", "blocked"]},
              "paid_until": {"type": "string", "format": "date-time"},
              "webhook_url": {"type": "string", "examples": ["https://hooks.example.com/felhom"]},
              "last_report_at": {"type": "string", "format": "date-time", "description": "When the hub last received a report of the customer's controller"},
              "created_at": {"type": "string", "format": "date-time"},
              "updated_at": {"type": "string", "format": "date-time"}
            }
          },
          "ControllerChangedCustomer": {
            "allOf": [{"$ref": "#/components/schemas/ControllerCustomer"}],
            "type": "object",
            "properties": {
              "webhook_secret": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The webhook signing secret, present only when this change made one; shown this once"}
            }
          },
          "ControllerCustomerChange": {
            "type": "object",
            "description": "Any of the members; one left out (or `name`, `status`, `rotate_webhook_secret` given as null) is left alone. Unknown members are ignored.",
            "properties": {
              "name": {"type": ["string", "null"]},
              "status": {"type": ["string", "null"], "enum": ["active", "blocked", null]},
              "paid_until": {"type": ["string", "null"], "format": "date-time", "description": "RFC 3339; null clears it"},
              "webhook_url": {"type": ["string", "null"], "description": "An http or https URL; null clears it (and the secret)", "examples": ["https://hooks.example.com/felhom"]},
              "rotate_webhook_secret": {"type": ["boolean", "null"], "description": "true: make a new webhook secret (needs a `webhook_url`, set before or in this change)"}
            }
          }
        }
      }
    }
    """#)
}
