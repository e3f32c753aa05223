import Foundation
import HubTestSupport
import Kernel
import Testing

/// A slice's settings are its own: declared beside the code that reads them, checked when
/// the slice is enabled, shown with their values by `GET /api/v1/admin/slices`.
@Suite struct SliceSettingsTests {
    static let retries = Setting.positiveInteger("HUB_TOY_RETRIES", summary: "how often the toy retries", default: 3)
    static let read = Recorder<Int>()

    static var slice: Slice {
        toySlice("toy", settings: [retries.definition]) { environment in
            read.append(environment.settings[retries])
            return SliceParts()
        }
    }

    func start(in directory: URL, settings: [String: String], enabled: [String]? = nil) async throws -> HubRuntime {
        let configuration = HubConfiguration(
            dataDirectory: directory, globalAPIKey: globalKey, sliceNames: enabled, sliceSettings: settings
        )
        return try await HubRuntime(
            configuration: configuration, resolver: SliceResolver(catalogue: [Self.slice, toySlice("other", number: 2)]),
            version: "test", logger: LogCapture().logger
        )
    }

    @Test func theSliceReadsItsValueOrItsDefault() async throws {
        #expect(SettingValues([:])[Self.retries] == 3)
        #expect(SettingValues(["HUB_TOY_RETRIES": " 7 "])[Self.retries] == 7)
        #expect(SettingValues(["HUB_TOY_RETRIES": ""])[Self.retries] == 3)
    }

    @Test func aBadValueStopsTheStartNamingTheVariableButOnlyWhenTheSliceIsOn() async throws {
        try await withDataDirectory { directory in
            await #expect(throws: ConfigurationError("HUB_TOY_RETRIES=many is not a positive whole number")) {
                try await start(in: directory.appendingPathComponent("on"), settings: ["HUB_TOY_RETRIES": "many"])
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("on/hub.sqlite").path))
            let off = try await start(in: directory.appendingPathComponent("off"), settings: ["HUB_TOY_RETRIES": "many"], enabled: ["other"])
            try off.close()
        }
    }

    @Test func theAdminAPIShowsEachSettingWithItsValueAndDefault() async throws {
        try await withDataDirectory { directory in
            let runtime = try await start(in: directory, settings: ["HUB_TOY_RETRIES": "5"])
            try await runtime.migrator.migrate(allowDestructive: false)
            let toy = try #require(try await runtime.sliceReports().first { $0.name == "toy" })
            #expect(toy.settings == [.init(name: "HUB_TOY_RETRIES", summary: "how often the toy retries", value: "5", defaultText: "3")])
            _ = try await runtime.assemble()
            #expect(Self.read.all.last == 5)
        }
    }
}
