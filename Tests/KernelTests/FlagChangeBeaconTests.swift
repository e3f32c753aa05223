import Foundation
import HubTestSupport
import HummingbirdTesting
import Kernel
import Testing

/// A second `HubRuntime` on the same folder stands in for `hub flags set` run while the
/// server is up. On SQLite the server sees the change file on its very next request or
/// tick, which is what these tests hold it to; on PostgreSQL a change arrives by
/// notification, asynchronously (the replicas test and `HostRevocationTests` cover that).
@Suite struct FlagChangesFromAnotherProcessTests {
    @Test func changeByAnotherProcessIsSeenByTheServersNextRequest() async throws {
        try await withDataDirectory { directory in
            let server = try await startHub(in: directory, catalogue: [FlagToys.slice], onSQLite: true)
            try await server.withClient { client in
                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .notFound)

                let cli = try await openRuntime(in: directory, catalogue: [FlagToys.slice], onSQLite: true)
                try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")

                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .ok)
            }
        }
    }

    @Test func changeByAnotherProcessBeforeTheFirstRequestIsSeen() async throws {
        try await withDataDirectory { directory in
            let server = try await startHub(in: directory, catalogue: [FlagToys.slice], onSQLite: true)
            // The server read its flags already, say from a checker at start.
            #expect(try await !server.runtime.flags.isEnabled("toy_switch"))

            let cli = try await openRuntime(in: directory, catalogue: [FlagToys.slice], onSQLite: true)
            try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")

            let status = try await server.withClient { client in try await client.execute(uri: "/toy/gated", method: .get).status }
            #expect(status == .ok)
        }
    }

    @Test func changeByAnotherProcessReachesTheServersCheckersWithoutARequest() async throws {
        try await withDataDirectory { directory in
            let seen = Recorder<Bool>()
            let slice = toySlice(flags: FlagToys.flags) { environment in
                SliceParts(checkers: [FlagReadingChecker(flags: environment.flags, seen: seen)])
            }
            let server = try await startHub(in: directory, catalogue: [slice], onSQLite: true)
            await server.hub.ticker.tick()

            let cli = try await openRuntime(in: directory, catalogue: [slice], onSQLite: true)
            try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")
            await server.hub.ticker.tick()

            #expect(seen.all == [false, true])
        }
    }
}

/// Records the value of `toy_switch` each tick.
struct FlagReadingChecker: Checker {
    let name = "flag_reader"
    let flags: FlagBook
    let seen: Recorder<Bool>

    func check(now: Date) async throws {
        seen.append(try await flags.isEnabled("toy_switch"))
    }
}
