import Kernel

/// The cutover's routes in the OpenAPI document: the controller report as it is after
/// the cutover (agent protocol §8; the document takes this operation in the controller's
/// stead, with the controller's request body and answer, which the controller declares),
/// guest keys and guests' desired specs (operator contract §3).
enum CutoverAPI {
    static let description = APIDescription(#"""
    {
      "paths": {
        "/api/v1/report": {"post": {
          "summary": "A controller's heartbeat, sent as its guest with the guest's key (agent protocol §3 and §8)",
          "description": "After the cutover only guest keys report here: customer keys and the global key get 401. The report is stored under the key's guest, its raw body kept byte for byte, also when the customer is blocked; the answer is the controller's as before the cutover.",
          "operationId": "postGuestReport",
          "requestBody": {"$ref": "#/components/requestBodies/ControllerReport"},
          "responses": {
            "200": {"$ref": "#/components/responses/ControllerReportAccepted"},
            "400": {"description": "`invalid_report`: a body that is not JSON or breaks a rule, the field named in `message` (e.g. `reported_at: must be an RFC 3339 timestamp`, `controller_version: must not be empty`, `disk_percent: must be between 0 and 100`); or an unreadable body (`body_too_large` over 1 MiB, `bad_request`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "401": {"description": "`unauthorized`: no key, an unknown one, a replaced guest key, a guest key of a revoked host, or a key that is not a guest key (customer keys and the global key no longer report here)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "`customer_mismatch`: a `customer_id` other than the guest's customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/guests/{guest_id}/key": {"post": {
          "summary": "Mint a guest's key, replacing the previous one (which gets 401 from then on); no body",
          "operationId": "mintGuestKey",
          "parameters": [{"name": "guest_id", "in": "path", "required": true,
            "description": "The guest's id, `<host_id>/<vmid>`, percent-encoded (`acme-k3x9q2%2F101`); percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2%2F101"}],
          "responses": {
            "201": {"description": "Minted: the guest's id and key, the key shown this once", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/CutoverGuestKey"},
              "example": {"api_key": "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", "guest_id": "acme-k3x9q2/101"}}}},
            "404": {"description": "`unknown_guest`: no such guest, or its host is revoked", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/admin/guests/{guest_id}/desired": {"put": {
          "summary": "Set what a guest should look like; a changed spec raises its host's desired generation, so the host fetches its signed desired state, which carries the spec",
          "operationId": "setGuestDesired",
          "parameters": [{"name": "guest_id", "in": "path", "required": true,
            "description": "The guest's id, `<host_id>/<vmid>`, percent-encoded (`acme-k3x9q2%2F101`); percent-decoded before use",
            "schema": {"type": "string"}, "example": "acme-k3x9q2%2F101"}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CutoverGuestDesired"},
            "example": {"desired": {"memory_mb": 2048, "apps": ["nextcloud", "immich"]}}}}},
          "responses": {
            "200": {"description": "Stored; the host's desired generation, raised when the content changed (equal JSON in another order or spacing is no change)", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/CutoverGuestDesiredAnswer"},
              "example": {"desired_generation": 1, "guest_id": "acme-k3x9q2/101", "host_id": "acme-k3x9q2"}}}},
            "400": {"description": "`invalid_desired`: a body that is not JSON, or `desired` missing, null, not an object or nested more than 64 levels deep (the field named in `message`); or an unreadable body (`body_too_large` over 1 MiB, `bad_request`, `invalid_path`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "`not_found`: no such guest", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }},
        "/api/v1/host-guests/{vmid}/key": {"post": {
          "summary": "A host agent mints the key of one of its own reported guests, to hand to the controller inside it (replacing the previous key); no body",
          "operationId": "mintOwnGuestKey",
          "parameters": [{"name": "vmid", "in": "path", "required": true,
            "description": "The guest's vmid as the host reported it, in decimal without sign or leading zeros",
            "schema": {"type": "integer", "minimum": 0}, "example": 101}],
          "responses": {
            "201": {"description": "Minted: the guest's id (`<host_id>/<vmid>`) and key, the key shown this once", "content": {"application/json": {
              "schema": {"$ref": "#/components/schemas/CutoverGuestKey"},
              "example": {"api_key": "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", "guest_id": "acme-k3x9q2/101"}}}},
            "400": {"description": "`invalid_vmid`: a vmid that is not a non-negative integer written plainly; or an unreadable request (`body_too_large` over 4 KiB, `bad_request`, `invalid_path`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "404": {"description": "`unknown_guest`: the key's host has not reported a guest with this vmid", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          }
        }}
      },
      "components": {"schemas": {
        "CutoverGuestKey": {
          "type": "object", "required": ["guest_id", "api_key"],
          "properties": {
            "guest_id": {"type": "string", "description": "`<host_id>/<vmid>`", "examples": ["acme-k3x9q2/101"]},
            "api_key": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The guest key, shown this once"}
          }
        },
        "CutoverGuestDesired": {
          "type": "object", "required": ["desired"],
          "properties": {
            "desired": {"type": "object", "description": "The guest's spec, any JSON object nested at most 64 levels deep; stored in canonical form (keys sorted, integral numbers as integers)"}
          }
        },
        "CutoverGuestDesiredAnswer": {
          "type": "object", "required": ["guest_id", "host_id", "desired_generation"],
          "properties": {
            "guest_id": {"type": "string", "examples": ["acme-k3x9q2/101"]},
            "host_id": {"type": "string", "examples": ["acme-k3x9q2"]},
            "desired_generation": {"type": "integer", "minimum": 0, "description": "The host's desired-state generation"}
          }
        }
      }}
    }
    """#)
}
