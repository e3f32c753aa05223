import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

@Suite struct CustomerWebhookTests {
    @Test func secretIsReturnedWhenTheFirstWebhookURLIsSetAndNotAfterwards() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")

            let first = try await hub.patchCustomer(#"{"webhook_url": "https://hooks.example.com/acme"}"#)
            #expect(first.status == .ok)
            #expect(try first.json()["webhook_url"]?.stringValue == "https://hooks.example.com/acme")
            let secret = try #require(try first.json()["webhook_secret"]?.stringValue)
            #expect(APIKey.isWellFormed(secret))
            #expect(try await hub.storedWebhook().secret == secret)

            let moved = try await hub.patchCustomer(#"{"webhook_url": "https://hooks.example.com/acme-2"}"#)
            #expect(moved.status == .ok)
            #expect(try moved.json()["webhook_secret"] == nil)
            #expect(try await hub.storedWebhook().secret == secret)

            let renamed = try await hub.patchCustomer(#"{"name": "Acme"}"#)
            #expect(try renamed.json()["webhook_secret"] == nil)
        }
    }

    @Test func rotatingReturnsANewSecret() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let first = try await hub.patchCustomer(#"{"webhook_url": "https://hooks.example.com/acme"}"#)
            let original = try #require(try first.json()["webhook_secret"]?.stringValue)

            let rotated = try await hub.patchCustomer(#"{"rotate_webhook_secret": true}"#)

            #expect(rotated.status == .ok)
            let replacement = try #require(try rotated.json()["webhook_secret"]?.stringValue)
            #expect(replacement != original)
            #expect(try await hub.storedWebhook().secret == replacement)
        }
    }

    /// The secret authenticates the hub to one receiver; a receiver elsewhere must not be
    /// able to check (or forge) signatures with a secret the previous one knows.
    @Test(arguments: [
        ("https://hooks.example.com/acme", "https://hooks.example.net/acme", true),
        ("https://hooks.example.com/acme", "http://hooks.example.com/acme", true),
        ("https://hooks.example.com/acme", "https://hooks.example.com:8443/acme", true),
        ("https://93.184.216.34/acme", "https://93.184.216.35/acme", true),
        ("https://hooks.example.com/acme", "https://HOOKS.example.com:443/acme/v2?x=1", false),
        ("https://hooks.example.com/acme", "https://hooks.example.com./other", false),
        ("http://93.184.216.34/acme", "http://1572395042:80/acme", false),
    ])
    func movingTheWebhookToAnotherOriginRotatesTheSecret(from: String, to: String, rotates: Bool) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let first = try await hub.patchCustomer(#"{"webhook_url": "\#(from)"}"#)
            let original = try #require(try first.json()["webhook_secret"]?.stringValue)

            let moved = try await hub.patchCustomer(#"{"webhook_url": "\#(to)"}"#)

            #expect(moved.status == .ok)
            let shown = try moved.json()["webhook_secret"]?.stringValue
            let stored = try await hub.storedWebhook().secret
            if rotates {
                let replacement = try #require(shown, "moving to \(to) kept the secret \(from) knows")
                #expect(replacement != original)
                #expect(stored == replacement)
            } else {
                #expect(shown == nil)
                #expect(stored == original)
            }
        }
    }

    @Test func rotatingWithoutAWebhookURLIsRefused() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await hub.patchCustomer(#"{"rotate_webhook_secret": true}"#)
            #expect(response.status == .badRequest)
            #expect(try await hub.storedWebhook().secret == nil)
        }
    }

    @Test func clearingTheWebhookURLForgetsTheSecret() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            _ = try await hub.patchCustomer(#"{"webhook_url": "https://hooks.example.com/acme"}"#)
            let cleared = try await hub.patchCustomer(#"{"webhook_url": null}"#)
            #expect(cleared.status == .ok)
            #expect(try cleared.json()["webhook_url"] == nil)
            #expect(try await hub.storedWebhook().secret == nil)

            let again = try await hub.patchCustomer(#"{"webhook_url": "https://hooks.example.com/acme"}"#)
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
            let refused = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(refused.status == .badRequest)
            #expect(refused.errorCode == "invalid_webhook_url")
            #expect(try await hub.storedWebhook().url == nil)

            try await hub.allowPrivateWebhookTargets(true)
            let allowed = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(allowed.status == .ok)
            #expect(try allowed.json()["webhook_url"]?.stringValue == url)
        }
    }

    @Test(arguments: ["ftp://hooks.example.com/x", "not a url", "https://"])
    func webhookURLMustBeHTTPWithAHost(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_webhook_url")
        }
    }
}

@Suite struct WebhookOwnAddressTests {
    /// A webhook that points back at the hub would have the hub post to itself.
    @Test func theHubsOwnAddressIsRefusedUnlessTheOperatorAllowsIt() throws {
        let policy = WebhookTargetPolicy(ownAddresses: ["93.184.216.34", "hub.example.net"])
        for url in ["https://93.184.216.34/hook", "https://[::ffff:93.184.216.34]/hook", "http://HUB.example.net:8080/x", "https://hub.example.net./x"] {
            #expect(throws: HubError.self) { try policy.check(url, allowPrivate: false) }
            try policy.check(url, allowPrivate: true)
        }
        try policy.check("https://93.184.216.35/hook", allowPrivate: false)
    }

    @Test func ownAddressesIncludeTheListenHostAndTheInterfaces() {
        let addresses = OwnAddresses.current(listenHost: "0.0.0.0")
        #expect(addresses.contains("0.0.0.0"))
        #expect(addresses.contains("127.0.0.1"))
        #expect(addresses.contains(ProcessInfo.processInfo.hostName.lowercased()))
    }
}
