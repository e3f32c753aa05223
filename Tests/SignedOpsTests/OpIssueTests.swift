import Foundation
import HubTestSupport
import Kernel
import Testing

@Suite struct OpIssueTests {
    @Test func everyRegisteredTypeIsIssuedWithItsArguments() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let accepted: [(String, [String: Any])] = [
            ("restart_guest", ["vmid": 102]),
            ("reboot_host", [:]),
            ("run_backup", [:]),
            ("run_backup", ["vmid": 101]),
            ("upgrade_agent", ["version": "0.4.0-rc.1"]),
        ]
        for (type, args) in accepted {
            let reply = try await fixture.issue(host.id, type: type, args: args)
            #expect(reply.status == 201, "\(type) \(args): \(reply.body)")
            #expect(reply.json["op_id"] as? String != nil)
        }
        let keys = try await fixture.publishedKeys()
        let payloads = try await fixture.pendingOps(host).map { try EnvelopeCheck.verify($0, keys: keys, expectedType: EnvelopeCheck.opType) }
        #expect(payloads.map { $0["type"] as? String ?? "" } == accepted.map(\.0))
        #expect((payloads[4]["args"] as? [String: Any])?["version"] as? String == "0.4.0-rc.1")
    }

    @Test func unknownTypesAndBadArgumentsAre400InvalidOp() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let refused: [(String, [String: Any], String)] = [
            ("format_disk", [:], "type"),
            ("restart_guest", [:], "args.vmid"),
            ("restart_guest", ["vmid": "101"], "args.vmid"),
            ("restart_guest", ["vmid": 101.5], "args.vmid"),
            ("restart_guest", ["vmid": 99], "args.vmid"),
            ("restart_guest", ["vmid": 103], "args.vmid"),
            ("restart_guest", ["vmid": 101, "force": true], "args.force"),
            ("reboot_host", ["now": true], "args.now"),
            ("run_backup", ["vmid": 777], "args.vmid"),
            ("upgrade_agent", [:], "args.version"),
            ("upgrade_agent", ["version": ""], "args.version"),
            ("upgrade_agent", ["version": "1.0; rm -rf /"], "args.version"),
        ]
        for (type, args, field) in refused {
            let reply = try await fixture.issue(host.id, type: type, args: args)
            #expect(reply.status == 400, "\(type) \(args)")
            #expect(reply.errorCode == "invalid_op", "\(type) \(args)")
            #expect(reply.message.hasPrefix(field), "\(type) \(args): \(reply.message)")
        }
        for body in [#"{"args": {}}"#, #"{"type": "reboot_host", "args": [1]}"#, #"{"type": 5}"#, "[]", "nope"] {
            let reply = try await fixture.hub.withClient { client in
                try await client.send(.post, "/api/v1/admin/hosts/\(host.id)/ops", key: TestHub.globalKey, body: body)
            }
            #expect(reply.status == 400, "\(body)")
            #expect(reply.errorCode == "invalid_op", "\(body)")
        }
        #expect(try await fixture.hub.count("signed_ops") == 0)
    }

    @Test func ttlDefaultsToAnHourAndIsCappedAtSevenDays() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let now = fixture.hub.clock.now()
        let standard = try await fixture.issue(host.id)
        #expect(standard.json["expires_at"] as? String == Timestamp.format(now.addingTimeInterval(3600)))
        let longest = try await fixture.issue(host.id, ttl: 604_800)
        #expect(longest.json["expires_at"] as? String == Timestamp.format(now.addingTimeInterval(604_800)))
        for ttl in [0, -5, 604_801] {
            let reply = try await fixture.issue(host.id, ttl: ttl)
            #expect(reply.status == 400, "ttl \(ttl)")
            #expect(reply.errorCode == "invalid_op")
            #expect(reply.message.hasPrefix("ttl_seconds"))
        }
        let fractional = try await fixture.send(.post, "/api/v1/admin/hosts/\(host.id)/ops", json: ["type": "reboot_host", "ttl_seconds": 1.5])
        #expect(fractional.status == 400)
    }

    @Test func unknownHostIs404AndOnlyTheGlobalKeyIssues() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let unknown = try await fixture.issue("acme-zzzzzz")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "not_found")
        let byHost = try await fixture.send(.post, "/api/v1/admin/hosts/\(host.id)/ops", key: host.key, json: ["type": "reboot_host"])
        #expect(byHost.status == 403)
        let anonymous = try await fixture.send(.post, "/api/v1/admin/hosts/\(host.id)/ops", key: nil, json: ["type": "reboot_host"])
        #expect(anonymous.status == 401)
        #expect(try await fixture.hub.count("signed_ops") == 0)
    }
}
