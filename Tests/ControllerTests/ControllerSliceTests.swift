import ControllerSlice
import Foundation
import HubTestSupport
import HummingbirdTesting
import Kernel
import Testing

@Suite struct ControllerSliceTests {
    @Test func reportsArePrunedByTheirReceivedTime() {
        #expect(ControllerSlice.slice.prunedTables.contains(PruneTarget(table: "reports", idColumn: "id", timeColumn: "received_at")))
    }

    @Test func declaresTheContractsNameFlagsAndEventTypes() {
        let slice = ControllerSlice.slice
        #expect(slice.name == "controller")
        #expect(slice.number == 1)
        #expect(slice.requires.isEmpty)
        #expect(Set(slice.eventTypes) == [
            "controller_stale", "controller_down", "controller_recovered", "deadline_warning", "deadline_passed", "customer_blocked",
            "notification_failed",
        ])
        #expect(Set(slice.flags.map(\.name)) == ["auto_block_on_deadline", "webhooks_allow_private_targets"])
    }

    @Test func flagsDefaultToOff() async throws {
        try await withControllerHub { hub in
            let states = try await hub.runtime.flags.states()
            #expect(states.map(\.name) == ["auto_block_on_deadline", "webhooks_allow_private_targets"])
            #expect(states.allSatisfy { !$0.enabled && $0.source == .default })
        }
    }

    @Test func reportsOlderThanTheRetentionAreDeletedByTheDailyPrune() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            for _ in 0..<2 {
                let status = try await hub.withClient { client in
                    try await client.execute(uri: "/api/v1/report", method: .post, headers: bearer(key), body: body(reportBody(nil))).status
                }
                #expect(status == .ok)
                hub.clock.advance(by: 20 * 86_400)
            }
            // Reports received 40 and 20 days ago; the retention is 30 days.
            await hub.hub.pruning.pruneIfDue()
            #expect(try await hub.reportCount() == 1)
        }
    }
}
