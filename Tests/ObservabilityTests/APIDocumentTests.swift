import Foundation
import HubTestSupport
import Kernel
import Testing
@testable import hub

/// The OpenAPI document (`GET /api/v1/openapi.json`) names exactly the routes the hub
/// mounts — no route missing, none described that is not there — for every combination
/// of slices the catalogue allows, and it is a valid OpenAPI 3.1 document.
@Suite struct APIDocumentTests {
    /// Every set of slices whose requirements it holds itself, the empty set aside.
    static var combinations: [[String]] {
        let names = SliceCatalogue.all.map(\.name)
        return (1..<(1 << names.count)).compactMap { mask -> [String]? in
            let chosen = names.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            let slices = SliceCatalogue.all.filter { chosen.contains($0.name) }
            return slices.allSatisfy { $0.requires.allSatisfy(chosen.contains) } ? chosen : nil
        }
    }

    @Test(arguments: combinations)
    func theDocumentNamesExactlyTheMountedRoutes(_ enabled: [String]) async throws {
        let hub = try await TestHub(slices: SliceCatalogue.all, enabled: enabled)
        #expect(hub.hub.api.undocumented == [], "mounted but not described, with \(enabled)")
        #expect(hub.hub.api.unmounted == [], "described but not mounted, with \(enabled)")
        let served = try await hub.withClient { client in try await client.send(.get, "/api/v1/openapi.json") }
        #expect(served.status == 200)
        let paths = try #require(served.json["paths"] as? [String: [String: Any]])
        let operations = Set(paths.flatMap { path, item in item.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(operations.contains("GET /api/v1/openapi.json"))
        #expect(operations.contains("POST /api/v1/report") == enabled.contains("controller"))
    }

    @Test func theDocumentOfEverySliceValidatesAsOpenAPI31() async throws {
        let hub = try await TestHub(slices: SliceCatalogue.all, enabled: SliceCatalogue.all.map(\.name))
        let file = hub.directory.appendingPathComponent("openapi.json")
        try Data(try hub.hub.api.encoded()).write(to: file)
        let outcome = try await ExternalProcess.run("python3", [
            "-c", "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')", file.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("valid"))
    }

    @Test func everyKeyedOperationSaysWhichKeysItTakes() async throws {
        let hub = try await TestHub(slices: SliceCatalogue.all, enabled: SliceCatalogue.all.map(\.name))
        let paths = try #require(hub.hub.api.document.objectValue?["paths"]?.objectValue)
        for (path, item) in paths {
            for (method, operation) in item.objectValue ?? [:] {
                let object = try #require(operation.objectValue)
                let secured = !(object["security"]?.arrayValue ?? []).isEmpty
                #expect(secured == (object["x-key-kinds"] != nil), "\(method) \(path)")
                #expect(object["responses"]?.objectValue?["503"] != nil, "\(method) \(path)")
            }
        }
    }
}
