/// The kernel's own routes in the OpenAPI document: health, readiness, metrics, the
/// admin API of slices, flags and events, and the document itself.
enum KernelAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/healthz": {"get": {
          "summary": "The process serves", "operationId": "healthz",
          "responses": {"200": {"description": "Serving", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KernelHealth"},
            "example": {"status": "ok", "version": "0.15.0"}}}}}
        }},
        "/readyz": {"get": {
          "summary": "Migrations are done and the database answers; says whether this replica leads", "operationId": "readyz",
          "responses": {
            "200": {"description": "Ready", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KernelReadiness"},
              "example": {"status": "ready", "version": "0.17.0", "role": "leader", "store": "sqlite"}}}},
            "503": {"description": "The database does not answer (`not_ready`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/metrics": {"get": {
          "summary": "Prometheus metrics (the global key, unless HUB_METRICS_PUBLIC=1)", "operationId": "metrics",
          "responses": {"200": {"description": "The Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}}}
        }},
        "/api/v1/openapi.json": {"get": {
          "summary": "This document: every route the running hub serves, its enabled slices only", "operationId": "openapi",
          "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
        }},
        "/api/v1/admin/slices": {"get": {
          "summary": "Every slice the hub knows, enabled or not, with its migrations, flags, events and settings", "operationId": "listSlices",
          "responses": {"200": {"description": "The slices", "content": {"application/json": {"schema": {
            "type": "object", "required": ["slices"],
            "properties": {"slices": {"type": "array", "items": {"$ref": "#/components/schemas/KernelSlice"}}}}}}}}
        }},
        "/api/v1/admin/flags": {"get": {
          "summary": "Every flag of the enabled slices with its value and where it comes from", "operationId": "listFlags",
          "responses": {"200": {"description": "The flags", "content": {"application/json": {"schema": {
            "type": "object", "required": ["flags"],
            "properties": {"flags": {"type": "array", "items": {"$ref": "#/components/schemas/KernelFlag"}}}}}}}}
        }},
        "/api/v1/admin/flags/{name}": {"put": {
          "summary": "Set a flag at run time (persisted, audited, obeyed without a restart); a cohort flag may name customers", "operationId": "setFlag",
          "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}, "example": "admin_mint"}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {
            "type": "object", "required": ["enabled"],
            "properties": {"enabled": {"type": "boolean"}, "customers": {"type": ["array", "null"], "items": {"type": "string"}, "description": "null or absent: every customer"}}},
            "example": {"enabled": true, "customers": ["acme"]}}}},
          "responses": {
            "200": {"description": "The flag as it now is", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KernelFlag"}}}},
            "400": {"description": "`invalid_flag` (a list for a flag that takes none, or with enabled=false), `unknown_customer`, or an unreadable body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "No such flag (`not_found`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "409": {"description": "A flag an enabled slice retired (`flag_retired`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/events": {"get": {
          "summary": "Events, oldest first", "operationId": "listEvents",
          "parameters": [
            {"name": "customer_id", "in": "query", "schema": {"type": "string"}},
            {"name": "type", "in": "query", "schema": {"type": "string"}, "example": "host_stale"},
            {"name": "after_id", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}
          ],
          "responses": {
            "200": {"description": "The events", "content": {"application/json": {"schema": {
              "type": "object", "required": ["events"],
              "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/KernelEvent"}}}}}}},
            "400": {"description": "`after_id` or `limit` out of range (`invalid_query`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }}
      },
      "components": {"schemas": {
        "KernelHealth": {"type": "object", "required": ["status", "version"],
          "properties": {"status": {"type": "string", "enum": ["ok", "ready"]}, "version": {"type": "string"}}},
        "KernelReadiness": {"type": "object", "required": ["status", "version", "role", "store"],
          "properties": {"status": {"type": "string", "enum": ["ready"]}, "version": {"type": "string"},
            "role": {"type": "string", "enum": ["leader", "follower"], "description": "Whether this replica runs the checkers, the prune and webhook delivery"},
            "store": {"type": "string", "enum": ["sqlite", "postgres"]}}},
        "KernelFlag": {"type": "object", "required": ["name", "slice", "enabled", "customers", "source"],
          "properties": {"name": {"type": "string"}, "slice": {"type": "string"}, "enabled": {"type": "boolean"},
            "customers": {"type": "array", "items": {"type": "string"}},
            "source": {"type": "string", "enum": ["default", "env", "runtime", "retired"]}}},
        "KernelEvent": {"type": "object", "required": ["id", "customer_id", "type", "subject", "payload", "created_at"],
          "properties": {"id": {"type": "integer"}, "customer_id": {"type": "string"}, "type": {"type": "string"},
            "subject": {"type": "string"}, "payload": {"type": "object"}, "created_at": {"type": "string", "format": "date-time"}}},
        "KernelSlice": {"type": "object", "required": ["name", "number", "enabled", "requires", "migrations", "flags"],
          "properties": {"name": {"type": "string"}, "number": {"type": "integer"}, "summary": {"type": "string"},
            "enabled": {"type": "boolean"}, "requires": {"type": "array", "items": {"type": "string"}},
            "migrations": {"type": "array", "items": {"type": "object", "required": ["id", "kind"],
              "properties": {"id": {"type": "string"}, "kind": {"type": "string", "enum": ["additive", "destructive"]},
                "applied_at": {"type": ["string", "null"], "format": "date-time"}}}},
            "flags": {"type": "array", "items": {"$ref": "#/components/schemas/KernelFlag"}},
            "event_types": {"type": "array", "items": {"type": "string"}},
            "settings": {"type": "array", "items": {"type": "object"}}}}
      }}
    }
    """#)
}
