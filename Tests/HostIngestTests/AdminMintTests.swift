import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct AdminMintTests {
    @Test func nonGlobalKeysAreForbidden() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        for key in [fixture.customerKey, host.key] {
            let reply = try await fixture.hub.withClient { client in
                try await client.send(.post, "/api/v1/admin/hosts", key: key, json: ["customer_id": "acme"])
            }
            #expect(reply.status == 403)
            #expect(reply.errorCode == "forbidden")
        }
        let anonymous = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/hosts", json: ["customer_id": "acme"])
        }
        #expect(anonymous.status == 401)
    }

    @Test func unknownCustomerIs400() async throws {
        let fixture = try await HostIngestFixture.make()
        let reply = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "nobody"])
        }
        #expect(reply.status == 400)
        #expect(reply.errorCode == "unknown_customer")
        #expect(try await fixture.hub.count("hosts") == 0)
    }

    @Test func mintedKeyRoundTripsThroughHostReport() async throws {
        let fixture = try await HostIngestFixture.make()
        let reply = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme", "label": "pve1"])
        }
        #expect(reply.status == 201)
        let hostID = try #require(reply.json["host_id"] as? String)
        let key = try #require(reply.json["api_key"] as? String)
        #expect(hostID.wholeMatch(of: /acme-[a-z0-9]{6}/) != nil)
        #expect(APIKey.isWellFormed(key))
        #expect(try await fixture.sendReport(HostIngestFixture.report(hostID: hostID), key: key).status == 200)
        let stored = try await fixture.hub.database.read { db in try String.fetchOne(db, sql: "SELECT api_key_hash FROM hosts")! }
        #expect(stored == APIKey.hash(key))
    }

    @Test func adminMintOffAnswers404FromTheNextRequest() async throws {
        let fixture = try await HostIngestFixture.make()
        let switched = try await fixture.hub.withClient { client in
            try await client.send(.put, "/api/v1/admin/flags/admin_mint", key: TestHub.globalKey, json: ["enabled": false])
        }
        #expect(switched.status == 200)
        let reply = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"])
        }
        #expect(reply.status == 404)
        #expect(reply.errorCode == "not_found")
    }

    @Test func withAdminMintOffACallerWithoutTheGlobalKeyLearnsNothingOfTheFlag() async throws {
        let fixture = try await HostIngestFixture.make()
        try await fixture.hub.runtime.flags.set(HostIngestVocabulary.adminMint, enabled: false, customers: [], actor: "test")
        let (anonymous, customer, global) = try await fixture.hub.withClient { client in
            (
                try await client.send(.post, "/api/v1/admin/hosts", json: ["customer_id": "acme"]),
                try await client.send(.post, "/api/v1/admin/hosts", key: fixture.customerKey, json: ["customer_id": "acme"]),
                try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"])
            )
        }
        // The same answers as while the flag is on: the key decides, not the switch.
        #expect(anonymous.status == 401)
        #expect(customer.status == 403)
        #expect(global.status == 404)
    }

    @Test func adminMintSwitchedOffByAnotherProcessAnswers404WithoutRestart() async throws {
        let fixture = try await HostIngestFixture.make()
        #expect(try await fixture.mintHost().id.hasPrefix("acme-"))
        // What `hub flags set admin_mint off` does: its own runtime on the same folder.
        let cli = try await HubRuntime(
            configuration: fixture.hub.runtime.configuration, resolver: fixture.hub.runtime.resolver, version: "cli", logger: fixture.hub.logs.logger
        )
        try await cli.flags.set(HostIngestVocabulary.adminMint, enabled: false, customers: [], actor: "cli:test")
        try cli.close()
        try await fixture.hub.withClient { client in
            try await seesChangeFromAnotherProcess("the mint answering 404") {
                try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"]).status == 404
            }
        }
    }

    @Test func listingAndDetailShowGuestsFiguresAndStaleness() async throws {
        let fixture = try await HostIngestFixture.make()
        let reported = try await fixture.mintHost()
        let silent = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: reported.id), key: reported.key)
        let (list, detail) = try await fixture.hub.withClient { client in
            (
                try await client.send(.get, "/api/v1/admin/hosts?customer_id=acme", key: TestHub.globalKey),
                try await client.send(.get, "/api/v1/admin/hosts/\(reported.id)", key: TestHub.globalKey)
            )
        }
        let hosts = try #require(list.json["hosts"] as? [[String: Any]])
        let states = Dictionary(uniqueKeysWithValues: hosts.map { ($0["host_id"] as! String, $0["staleness"] as! String) })
        #expect(states == [reported.id: "ok", silent.id: "never"])
        #expect((detail.json["guests"] as? [[String: Any]])?.map { $0["guest_id"] as? String } == ["\(reported.id)/101", "\(reported.id)/102"])
        #expect((detail.json["last_report"] as? [String: Any])?["guest_running"] as? Int == 1)
        #expect(detail.json["api_key_hash"] == nil && detail.json["api_key"] == nil)
        let missing = try await fixture.hub.withClient { client in
            try await client.send(.get, "/api/v1/admin/hosts/acme-nohost", key: TestHub.globalKey)
        }
        #expect(missing.status == 404)
    }
}
