import HTTPTypes

/// What the kernel adds to every operation of the document, from the route itself: the
/// key it takes and the answers the kernel gives before the handler runs. A slice's
/// description may describe any of these answers more closely; what it leaves out is
/// filled in here, so the document never misses an answer the router can give.
enum KernelAnswers {
    static func completing(_ described: [String: JSONValue], for route: SliceRoute, owner: String) -> [String: JSONValue] {
        var operation = described
        var responses = described["responses"]?.objectValue ?? [:]
        func answer(_ status: String, _ name: String) {
            if responses[status] == nil { responses[status] = .object(["$ref": .string("#/components/responses/\(name)")]) }
        }
        switch route.access {
        case .open:
            operation["security"] = .array([])
        case .kinds(let kinds):
            operation["security"] = bearer
            operation["x-key-kinds"] = .array(kinds.map(\.rawValue).sorted().map(JSONValue.string))
            answer("401", "Unauthorized")
            answer("403", "Forbidden")
        case .exclusively(let kinds):
            operation["security"] = bearer
            operation["x-key-kinds"] = .array(kinds.map(\.rawValue).sorted().map(JSONValue.string))
            answer("401", "Unauthorized")
        }
        let names = parameterNames(in: route.path)
        if route.gate != nil || !names.isEmpty { answer("404", "NotFound") }
        if [.post, .put, .patch, .delete].contains(route.method) || !names.isEmpty { answer("400", "BadRequest") }
        answer("503", "Busy")
        operation["responses"] = .object(responses)
        operation["parameters"] = .array(pathParameters(names, declared: described["parameters"]?.arrayValue ?? []))
        if operation["tags"] == nil { operation["tags"] = .array([.string(owner)]) }
        if let gate = route.gate, operation["x-flag"] == nil { operation["x-flag"] = .string(gate) }
        return operation
    }

    static let bearer: JSONValue = .array([.object(["bearer": .array([])])])

    /// `{host_id}` and the like in a route's path.
    static func parameterNames(in path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    /// The declared parameters, with every path parameter the slice did not declare
    /// added as a required string.
    static func pathParameters(_ names: [String], declared: [JSONValue]) -> [JSONValue] {
        let declaredPath = Set(declared.compactMap { parameter -> String? in
            guard let object = parameter.objectValue, object["in"]?.stringValue == "path" else { return nil }
            return object["name"]?.stringValue
        })
        return declared + names.filter { !declaredPath.contains($0) }.map { name in
            .object([
                "name": .string(name), "in": .string("path"), "required": .bool(true),
                "description": .string("percent-encoded; decoded before use"),
                "schema": .object(["type": .string("string")]),
            ])
        }
    }

    static let schemas: [String: JSONValue] = [
        "Error": .object([
            "type": .string("object"),
            "description": .string("Every error answer (agent protocol): a code to branch on and a sentence for people."),
            "required": .array([.string("error"), .string("message")]),
            "properties": .object([
                "error": .object(["type": .string("string"), "examples": .array([.string("invalid_report")])]),
                "message": .object(["type": .string("string")]),
            ]),
        ]),
    ]

    static let responses: [String: JSONValue] = [
        "BadRequest": errorResponse(
            "The request cannot be read: a body that is not JSON, repeats a key, holds U+0000 or breaks a field's rule (the route's code, e.g. `invalid_report`, and the field in `message`); a body over the route's limit (`body_too_large`) or with broken framing (`bad_request`); a path parameter that is not valid percent-encoding (`invalid_path`)."
        ),
        "Unauthorized": errorResponse("No key, or one the hub does not know here (`unauthorized`)."),
        "Forbidden": errorResponse("A key of a kind this route does not take (`forbidden`)."),
        "NotFound": errorResponse("No such resource, or the route is switched off by its flag (`not_found`)."),
        "Busy": .object([
            "description": .string("The hub holds as many request bodies as it allows; try again after `Retry-After` seconds (`busy`)."),
            "headers": .object(["Retry-After": .object(["schema": .object(["type": .string("integer")])])]),
            "content": errorContent,
        ]),
    ]

    static let errorContent: JSONValue = .object([
        "application/json": .object(["schema": .object(["$ref": .string("#/components/schemas/Error")])]),
    ])

    static func errorResponse(_ description: String) -> JSONValue {
        .object(["description": .string(description), "content": errorContent])
    }
}
