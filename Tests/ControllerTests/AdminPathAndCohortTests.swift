import ControllerSlice
import Foundation
import HubTestSupport
import HummingbirdTesting
import Kernel
import Testing

/// Operators' scripts spell ids in paths percent-encoded and name customers in flag
/// cohorts; both must mean the customers that exist.
@Suite struct AdminPathAndCohortTests {
    @Test func aPercentEncodedIdInThePathNamesTheSameCustomer() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let (encoded, broken) = try await hub.hub.application(port: 0).test(.live) { client in
                (
                    try await client.execute(uri: "/api/v1/admin/customers/%61cme", method: .get, headers: bearer(globalKey)),
                    try await client.execute(uri: "/api/v1/admin/customers/ac%zzme", method: .get, headers: bearer(globalKey))
                )
            }
            #expect(encoded.status == .ok)
            #expect(try encoded.json()["customer_id"]?.stringValue == "acme")
            #expect(broken.status == .badRequest)
            #expect(broken.errorCode == "invalid_path")
        }
    }

    @Test func aCohortMayNameOnlyExistingCustomers() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let refused = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/auto_block_on_deadline", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["acme", "acme-typo"]}"#)
                )
            }
            #expect(refused.status == .badRequest)
            #expect(refused.errorCode == "unknown_customer")
            #expect(refused.text.contains("acme-typo"))
            #expect(try await hub.runtime.flags.state(of: "auto_block_on_deadline").source == .default)

            let accepted = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/auto_block_on_deadline", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["acme"]}"#)
                )
            }
            #expect(accepted.status == .ok)
            #expect(try await hub.runtime.flags.isEnabled("auto_block_on_deadline", for: "acme"))
        }
    }
}
