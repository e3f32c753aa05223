import Foundation
import HubTestSupport
import Kernel
import Testing

/// Slices share components of every kind in the document (a later slice's operation may
/// `$ref` an earlier one's request body or answer); a name declared twice stops the start.
@Suite struct APIComponentsTests {
    static func description(declaring name: String) -> APIDescription {
        APIDescription(#"{"paths": {}, "components": {"responses": {"\#(name)": {"description": "shared"}}, "requestBodies": {"ToyBody": {"content": {}}}}}"#)
    }

    @Test func everyKindOfComponentReachesTheDocument() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [toySlice(api: Self.description(declaring: "ToyAnswer"))])
            let components = try #require(hub.hub.api.document.objectValue?["components"]?.objectValue)
            #expect(components["responses"]?.objectValue?["ToyAnswer"] != nil)
            #expect(components["responses"]?.objectValue?["Unauthorized"] != nil, "the kernel's own answers stay")
            #expect(components["requestBodies"]?.objectValue?["ToyBody"] != nil)
        }
    }

    @Test(arguments: ["Unauthorized", "ToyAnswer"])
    func aComponentDeclaredTwiceStopsTheStart(name: String) async throws {
        try await withDataDirectory { directory in
            let first = toySlice("first", number: 1, api: Self.description(declaring: "ToyAnswer"))
            let second = toySlice("second", number: 2, api: APIDescription(#"{"components": {"responses": {"\#(name)": {"description": "again"}}}}"#))
            await #expect(throws: ConfigurationError.self) {
                try await startHub(in: directory, catalogue: [first, second])
            }
        }
    }
}
