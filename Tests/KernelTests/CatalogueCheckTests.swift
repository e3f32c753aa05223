import Foundation
import HubTestSupport
import Kernel
import Testing

/// Two slices that each work alone must not quietly shadow each other when combined: the
/// start stops with one line naming both owners.
@Suite struct CatalogueCheckTests {
    /// The one line the start stops with, or `nil` when it starts.
    func refusal(_ catalogue: [Slice]) async throws -> String? {
        try await withDataDirectory { directory in
            do {
                let hub = try await startHub(in: directory, catalogue: catalogue)
                try hub.runtime.close()
                return nil
            } catch let error as ConfigurationError {
                return error.message
            }
        }
    }

    @Test func aMigrationIdDeclaredTwiceNamesBothSlices() async throws {
        let migration = Migration.additive("shared-001", sql: "CREATE TABLE IF NOT EXISTS shared (id INTEGER)")
        let message = try await refusal([
            toySlice("first", number: 1, migrations: [migration]), toySlice("second", number: 2, migrations: [migration]),
        ])
        #expect(message == "migration 'shared-001' is declared by both first and second")
    }

    @Test(arguments: ["flag", "event type", "metric", "setting", "status section"])
    func aNameDeclaredTwiceNamesBothSlices(what: String) async throws {
        func slice(_ name: String, _ number: Int) -> Slice {
            switch what {
            case "flag": toySlice(name, number: number, flags: [FlagDefinition(name: "same", summary: "", default: false)])
            case "event type": toySlice(name, number: number, eventTypes: ["same"])
            case "metric": toySlice(name, number: number, metrics: [MetricDefinition("same", .counter, summary: "")])
            case "setting": toySlice(name, number: number, settings: [Setting.positiveInteger("HUB_SAME", summary: "", default: 1).definition])
            default: toySlice(name, number: number, statusSections: [StatusSection(key: "same", label: "SAME") { _, _ in StatusReading(value: 1, line: "") }])
            }
        }
        let message = try #require(try await refusal([slice("first", 1), slice("second", 2)]))
        #expect(message.hasPrefix("\(what) '"))
        #expect(message.hasSuffix("is declared by both first and second"))
    }

    @Test func aSliceMayNotTakeAKernelMetricOrMigration() async throws {
        let metric = try await refusal([toySlice(metrics: [KernelMetrics.tickDuration])])
        #expect(metric == "metric 'hub_tick_duration_seconds' is declared by both kernel and toy")
        let migration = try await refusal([toySlice(migrations: [.additive("kernel-001-events", sql: "SELECT 1")])])
        #expect(migration == "migration 'kernel-001-events' is declared by both kernel and toy")
    }

    @Test func aRouteServedTwiceNamesBothSlices() async throws {
        let route: @Sendable () -> SliceRoute = { SliceRoute(.get, "/toy/same", access: .open) { _ in try .json(["ok": true]) } }
        let message = try await refusal([
            toySlice("first", number: 1) { _ in SliceParts(routes: [route()]) },
            toySlice("second", number: 2) { _ in SliceParts(routes: [route()]) },
        ])
        #expect(message == "route 'GET /toy/same' is declared by both first and second")
        let kernel = try await refusal([toySlice { _ in SliceParts(routes: [SliceRoute(.get, "/healthz", access: .open) { _ in try .json([1]) }]) }])
        #expect(kernel == "route 'GET /healthz' is declared by both kernel and toy")
    }

    @Test func anUnknownOrCircularRequirementIsRefused() async throws {
        let unknown = try await refusal([toySlice("lonely", requires: ["nowhere"])])
        #expect(unknown == "slice 'lonely' requires 'nowhere', which no slice of the catalogue is")
        let circle = try #require(try await refusal([
            toySlice("chicken", number: 1, requires: ["egg"]), toySlice("egg", number: 2, requires: ["chicken"]),
        ]))
        #expect(circle.contains("requires itself"))
    }

    @Test func aFlagEffectMustNameAFlagOfARequiredSlice() async throws {
        let flag = FlagDefinition(name: "old_path", summary: "", default: true)
        let unknown = try await refusal([toySlice(flagEffects: [.defaultsOff("no_such_flag")])])
        #expect(unknown == "slice 'toy' has an effect on flag 'no_such_flag', which no slice declares")
        let unrelated = try await refusal([
            toySlice("earlier", number: 1, flags: [flag]), toySlice("stranger", number: 2, flagEffects: [.retires("old_path")]),
        ])
        #expect(unrelated == "slice 'stranger' has an effect on flag 'old_path' of slice 'earlier', which it does not require")
        let fine = try await refusal([
            toySlice("earlier", number: 1, flags: [flag]),
            toySlice("later", number: 2, requires: ["earlier"], flagEffects: [.defaultsOff("old_path")]),
        ])
        #expect(fine == nil)
    }
}
