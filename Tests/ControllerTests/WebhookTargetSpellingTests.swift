import Testing

/// A webhook URL is refused when its host, however it is written, reaches an address
/// that is not on the public internet: the resolver reads `2130706433`, `0x7f.1` and
/// `[::ffff:7f00:1]` as 127.0.0.1, so the check must read them the same way.
@Suite struct WebhookTargetSpellingTests {
    static let nonPublicSpellings = [
        // Loopback, spelled the ways inet_aton and inet_pton accept.
        "http://2130706433/hook", "http://0x7f000001/hook", "http://0x7f.0.0.1/hook", "http://0177.0.0.1/hook", "http://127.1/hook",
        "http://0x7F.1/hook", "http://017700000001/hook", "http://127.0.0.1./hook", "http://0/hook", "http://0.0.0.0/hook",
        "http://[0:0:0:0:0:ffff:7f00:1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[0::1]/hook", "http://[::]/hook",
        "http://[::127.0.0.1]/hook",
        // The cloud metadata address, as one number and as two parts.
        "http://2852039166/latest", "http://169.254.43518/latest",
        // NAT64 and 6to4 forms of loopback; the local-use NAT64 prefix.
        "http://[64:ff9b::7f00:1]/hook", "http://[64:ff9b::127.0.0.1]/hook", "http://[2002:7f00:1::1]/hook", "http://[64:ff9b:1::5db8:d822]/hook",
        // IPv6 special-purpose ranges: link-local is fe80::/10, not just "fe80:".
        "http://[fe90::1]/hook", "http://[febf::1]/hook", "http://[fec0::1]/hook", "http://[fc00::1]/hook", "http://[ff02::1]/hook",
        "http://[100::1]/hook", "http://[2001::1]/hook", "http://[2001:db8::1]/hook", "http://[2001:2::1]/hook", "http://[3fff::1]/hook",
        // IPv4 special-purpose ranges.
        "http://100.64.0.1/hook", "http://100.127.255.254/hook", "http://192.0.0.9/hook", "http://192.0.2.1/hook", "http://192.88.99.1/hook",
        "http://198.18.0.1/hook", "http://198.19.255.1/hook", "http://198.51.100.1/hook", "http://203.0.113.1/hook", "http://224.0.0.1/hook",
        "http://239.255.255.250/hook", "http://240.0.0.1/hook", "http://255.255.255.255/hook", "http://172.31.0.1/hook",
        // Names that stay on this machine or its network.
        "http://localhost./hook", "http://LOCALHOST/hook", "http://x.local./hook", "http://printer.local/hook", "http://app.localhost/hook",
        "http://db.internal/hook", "http://nas.home.arpa/hook", "http://intranet/hook",
        // Full-width digits, which international-name mapping turns into 127.0.0.1.
        "http://１２７.０.０.１/hook",
    ]

    @Test(arguments: nonPublicSpellings)
    func aNonPublicTargetIsRefusedHoweverItIsSpelled(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let refused = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(refused.status == .badRequest, "\(url) was accepted")
            #expect(refused.errorCode == "invalid_webhook_url")
            #expect(try await hub.storedWebhook().url == nil)

            try await hub.allowPrivateWebhookTargets(true)
            let allowed = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(allowed.status == .ok, "the operator's flag should let \(url) through: \(allowed.text)")
        }
    }

    /// URLs another reader could take for a different host, whatever the flag says.
    @Test(arguments: [
        "http://hooks.example.com@127.0.0.1/hook", "http://user:secret@hooks.example.com/hook", "http://[fe80::1%25eth0]/hook",
        "http://127.0.0.%31/hook", "http://hooks.example.com:0/hook", "http://hooks.example.com:65536/hook", "http://hooks.example.com:99999/hook",
        "http://hooks..example.com/hook", "http://hooks_example.com!/hook", "http://1.2.3.4.5/hook",
    ])
    func anAmbiguousURLIsRefusedEvenWithTheFlag(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            try await hub.allowPrivateWebhookTargets(true)
            let refused = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(refused.status == .badRequest, "\(url) was accepted")
            #expect(refused.errorCode == "invalid_webhook_url")
            #expect(try await hub.storedWebhook().url == nil)
        }
    }

    @Test(arguments: [
        "https://93.184.216.34/hook", "https://[2606:2800::1]/hook", "https://hooks.example.com/hook", "https://hooks.example.com./hook",
        "https://hooks.example.com:8443/hook", "https://[2002:5db8:d822::1]/hook", "https://[64:ff9b::5db8:d822]/hook",
        "https://[::ffff:93.184.216.34]/hook", "https://100.128.0.1/hook", "https://172.32.0.1/hook", "https://198.20.0.1/hook",
        "https://223.255.255.254/hook", "https://xn--bcher-kva.example/hook",
    ])
    func aPublicTargetStillPasses(url: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let accepted = try await hub.patchCustomer(#"{"webhook_url": "\#(url)"}"#)
            #expect(accepted.status == .ok, "\(url) was refused: \(accepted.text)")
            #expect(try await hub.storedWebhook().url == url)
        }
    }
}
