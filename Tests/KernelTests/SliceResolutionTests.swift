import Foundation
import HubTestSupport
import Kernel
import Testing

@Suite struct SliceResolutionTests {
    func catalogue(defaults: [String]) -> [Slice] {
        [
            toySlice("base", number: 1, enabledByDefault: defaults.contains("base")),
            toySlice("middle", number: 2, requires: ["base"], enabledByDefault: defaults.contains("middle")),
            toySlice("top", number: 3, requires: ["middle"], enabledByDefault: defaults.contains("top")),
            toySlice("side", number: 4, enabledByDefault: defaults.contains("side")),
        ]
    }

    func resolve(_ names: [String]?, defaults: [String] = ["base"]) throws -> [String] {
        try SliceResolver(catalogue: catalogue(defaults: defaults)).resolve(names).map(\.name)
    }

    func configurationError(_ names: [String]) -> ConfigurationError? {
        do {
            _ = try resolve(names)
            return nil
        } catch {
            return error as? ConfigurationError
        }
    }

    @Test func unknownSliceIsRefusedByName() {
        let error = configurationError(["base", "nonesuch"])
        #expect(error?.message.contains("'nonesuch'") == true)
        #expect(error?.message.contains("HUB_SLICES") == true)
    }

    @Test func sliceWhosePrerequisiteIsOffIsRefusedNamingBoth() {
        let error = configurationError(["middle"])
        #expect(error?.message.contains("'middle'") == true)
        #expect(error?.message.contains("'base'") == true)
    }

    @Test func sliceNamedTwiceIsRefused() {
        let error = configurationError(["base", "side", "base"])
        #expect(error?.message.contains("'base'") == true)
        #expect(error?.message.contains("twice") == true)
    }

    @Test func enabledSlicesComeAfterTheSlicesTheyRequire() throws {
        #expect(try resolve(["top", "side", "middle", "base"]) == ["base", "middle", "top", "side"])
    }

    @Test func dependencyOrderWinsOverRoadmapNumbers() throws {
        let catalogue = [toySlice("early", number: 1, requires: ["late"]), toySlice("late", number: 9)]
        let resolved = try SliceResolver(catalogue: catalogue).resolve(["early", "late"]).map(\.name)
        #expect(resolved == ["late", "early"])
    }

    @Test func noRequestedSlicesMeansTheDefaultSet() throws {
        #expect(try resolve(nil, defaults: ["side", "base"]) == ["base", "side"])
    }

    @Test func resolutionErrorsStopTheRuntimeBeforeTheDatabaseIsCreated() async throws {
        try await withDataDirectory { directory in
            let dataDirectory = directory.appendingPathComponent("data")
            await #expect(throws: ConfigurationError.self) {
                try await openRuntime(in: dataDirectory, catalogue: catalogue(defaults: []), enabled: ["top"])
            }
            #expect(!FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("hub.sqlite").path))
        }
    }
}
