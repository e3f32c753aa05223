import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document of the routes a hub serves, assembled from the kernel's and
/// the enabled slices' ``APIDescription``s: one operation per mounted route, taken from
/// the description of the slice that mounts it (after a takeover, the taker's), with what
/// the kernel decides for every route added.
///
/// ``undocumented`` and ``unmounted`` name the routes where the descriptions and the
/// router disagree; the tests require both empty for every combination of slices.
package struct APIDocument: Sendable {
    /// The document as served.
    package let document: JSONValue
    /// Mounted routes no description has an operation for (`GET /x (owner)`).
    package let undocumented: [String]
    /// Operations in an enabled slice's description that no mounted route answers.
    package let unmounted: [String]

    /// Serves the document at this path, without a key.
    package static let path = "/api/v1/openapi.json"

    struct Mounted {
        let owner: String
        let route: SliceRoute
    }

    static func assemble(
        version: String, mounted: [Mounted], descriptions: [(owner: String, description: APIDescription)]
    ) throws -> APIDocument {
        var operations: [String: [String: [String: JSONValue]]] = [:]
        // Every section of `components` (schemas, requestBodies, responses, …), by name:
        // a slice may name what an earlier one declared, never declare it again.
        var components: [String: [String: JSONValue]] = ["schemas": KernelAnswers.schemas, "responses": KernelAnswers.responses]
        var componentOwners: [String: String] = [:]
        for (section, named) in components {
            for name in named.keys { componentOwners["\(section)/\(name)"] = KernelSchema.owner }
        }
        var described: [(owner: String, method: String, path: String)] = []
        for (owner, description) in descriptions {
            let fragment = try parse(description, owner: owner)
            for (path, item) in fragment["paths"]?.objectValue ?? [:] {
                for (method, operation) in item.objectValue ?? [:] {
                    operations[owner, default: [:]]["\(method.uppercased()) \(path)", default: [:]] = operation.objectValue ?? [:]
                    described.append((owner, method.uppercased(), path))
                }
            }
            for (section, named) in fragment["components"]?.objectValue ?? [:] {
                for (name, component) in named.objectValue ?? [:] {
                    if let first = componentOwners["\(section)/\(name)"], first != owner {
                        throw ConfigurationError("API component '\(section)/\(name)' is described by both \(first) and \(owner)")
                    }
                    componentOwners["\(section)/\(name)"] = owner
                    components[section, default: [:]][name] = component
                }
            }
        }
        var paths: [String: [String: JSONValue]] = [:]
        var undocumented: [String] = []
        let mountedKeys = Set(mounted.map { "\($0.route.method.rawValue) \($0.route.path)" })
        for entry in mounted {
            let key = "\(entry.route.method.rawValue) \(entry.route.path)"
            guard let operation = operations[entry.owner]?[key] else {
                undocumented.append("\(key) (\(entry.owner))")
                continue
            }
            paths[entry.route.path, default: [:]][entry.route.method.rawValue.lowercased()] = .object(
                KernelAnswers.completing(operation, for: entry.route, owner: entry.owner)
            )
        }
        let unmounted = described.filter { !mountedKeys.contains("\($0.method) \($0.path)") }.map { "\($0.method) \($0.path) (\($0.owner))" }
        let document: JSONValue = .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("felhom hub"),
                "version": .string(version),
                "description": .string(
                    "What host agents, controllers and operators' scripts send to the hub and what they get back. "
                        + "Every call but the open ones carries `Authorization: Bearer <key>`; `x-key-kinds` names the keys a route takes."
                ),
            ]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object(
                components.mapValues { JSONValue.object($0) }.merging([
                    "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
                ]) { described, _ in described }
            ),
        ])
        return APIDocument(document: document, undocumented: undocumented.sorted(), unmounted: unmounted.sorted())
    }

    /// The document's bytes, as every answer of the hub writes JSON.
    package func encoded() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try document.write(into: &bytes)
        return bytes
    }

    private static func parse(_ description: APIDescription, owner: String) throws -> [String: JSONValue] {
        do {
            guard let object = try JSONDecoder().decode(JSONValue.self, from: Data(description.json.utf8)).objectValue else {
                throw ConfigurationError("the API description of \(owner) is not a JSON object")
            }
            return object
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("the API description of \(owner) is not valid JSON: \(error)")
        }
    }
}
