import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// Warm keys are answered from memory; a revoked key stops working on the next request.
@Suite struct KeyCacheTests {
    @Test func warmKeyNeedsNoLookupAndARevokedKeyStopsAtOnce() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        #expect(try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key).status == 200)

        // Revoke behind the cache's back: the warm key is still answered from memory…
        try await fixture.hub.database.write { db in
            try db.execute(sql: "UPDATE hosts SET api_key_hash = 'revoked' WHERE host_id = ?", arguments: [host.id])
        }
        #expect(try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key).status == 200)

        // …until whoever revoked it announces the change, as every key change must.
        fixture.hub.runtime.announceKeyChange()
        let refused = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        #expect(refused.status == 401)
    }
}
