import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

@Suite struct CustomerWebhookTests {
    func patch(_ text: String, in hub: ControllerHub) async throws -> TestResponse {
        try await hub.withClient { client in
            try await client.execute(uri: "/api/v1/admin/customers/acme", method: .patch, headers: bearer(globalKey), body: body(text))
        }
    }

    func storedSecret(_ hub: ControllerHub) async throws -> String? {
        try await hub.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT webhook_secret FROM customer_configs WHERE customer_id = 'acme'")
        }
    }

    @Test func secretIsReturnedWhenTheFirstWebhookURLIsSetAndNotAfterwards() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")

            let first = try await patch(#"{"webhook_url": "https://hooks.example.com/acme"}"#, in: hub)
            #expect(first.status == .ok)
            #expect(try first.json()["webhook_url"]?.stringValue == "https://hooks.example.com/acme")
            let secret = try #require(try first.json()["webhook_secret"]?.stringValue)
            #expect(APIKey.isWellFormed(secret))
            #expect(try await storedSecret(hub) == secret)

            let moved = try await patch(#"{"webhook_url": "https://hooks.example.com/acme-2"}"#, in: hub)
            #expect(moved.status == .ok)
            #expect(try moved.json()["webhook_secret"] == nil)
            #expect(try await storedSecret(hub) == secret)

            let renamed = try await patch(#"{"name": "Acme"}"#, in: hub)
            #expect(try renamed.json()["webhook_secret"] == nil)
        }
    }

    @Test func rotatingReturnsANewSecret() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let first = try await patch(#"{"webhook_url": "https://hooks.example.com/acme"}"#, in: hub)
            let original = try #require(try first.json()["webhook_secret"]?.stringValue)

            let rotated = try await patch(#"{"rotate_webhook_secret": true}"#, in: hub)

            #expect(rotated.status == .ok)
            let replacement = try #require(try rotated.json()["webhook_secret"]?.stringValue)
            #expect(replacement != original)
            #expect(try await storedSecret(hub) == replacement)
        }
    }

    @Test func rotatingWithoutAWebhookURLIsRefused() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await patch(#"{"rotate_webhook_secret": true}"#, in: hub)
            #expect(response.status == .badRequest)
            #expect(try await storedSecret(hub) == nil)
        }
    }

    @Test func clearingTheWebhookURLForgetsTheSecret() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            _ = try await patch(#"{"webhook_url": "https://hooks.example.com/acme"}"#, in: hub)
            let cleared = try await patch(#"{"webhook_url": null}"#, in: hub)
            #expect(cleared.status == .ok)
            #expect(try cleared.json()["webhook_url"] == nil)
            #expect(try await storedSecret(hub) == nil)

            let again = try await patch(#"{"webhook_url": "https://hooks.example.com/acme"}"#, in: hub)
            #expect(try again.json()["webhook_secret"]?.stringValue != nil)
        }
    }

    @Test(arguments: [
        "http://127.0.0.1/hook", "http://localhost:8080/hook", "https://10.1.2.3/hook", "https://192.168.1.10/hook",
        "https://172.20.0.1/hook", "https://169.254.169.254/latest", "http://[::1]/hook", "https://[fd00::1]/hook",
    ])
    func privateTargetIsRefusedUnlessTheFlagAllowsIt(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let refused = try await patch(#"{"webhook_url": "\#(url)"}"#, in: hub)
            #expect(refused.status == .badRequest)
            #expect(refused.errorCode == "invalid_webhook_url")
            #expect(try await hub.database.pool.read { db in
                try String.fetchOne(db, sql: "SELECT webhook_url FROM customer_configs WHERE customer_id = 'acme'")
            } == nil)

            let flagged = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/webhooks_allow_private_targets", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true}"#)
                ).status
            }
            #expect(flagged == .ok)
            let allowed = try await patch(#"{"webhook_url": "\#(url)"}"#, in: hub)
            #expect(allowed.status == .ok)
            #expect(try allowed.json()["webhook_url"]?.stringValue == url)
        }
    }

    @Test(arguments: ["ftp://hooks.example.com/x", "not a url", "https://"])
    func webhookURLMustBeHTTPWithAHost(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await patch(#"{"webhook_url": "\#(url)"}"#, in: hub)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_webhook_url")
        }
    }
}

@Suite struct WebhookOwnAddressTests {
    /// A webhook that points back at the hub would have the hub post to itself.
    @Test func theHubsOwnAddressIsRefusedUnlessTheOperatorAllowsIt() throws {
        let policy = WebhookTargetPolicy(ownAddresses: ["203.0.113.7", "hub.example.net"])
        for url in ["https://203.0.113.7/hook", "http://HUB.example.net:8080/x"] {
            #expect(throws: HubError.self) { try policy.check(url, allowPrivate: false) }
            try policy.check(url, allowPrivate: true)
        }
        try policy.check("https://198.51.100.9/hook", allowPrivate: false)
    }

    @Test func ownAddressesIncludeTheListenHostAndTheInterfaces() {
        let addresses = OwnAddresses.current(listenHost: "0.0.0.0")
        #expect(addresses.contains("0.0.0.0"))
        #expect(addresses.contains("127.0.0.1"))
        #expect(addresses.contains(ProcessInfo.processInfo.hostName.lowercased()))
    }
}
