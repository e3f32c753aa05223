import Foundation
import HubTestSupport
import HTTPTypes
import HummingbirdTesting
import Kernel
import Testing

/// Keys of the toy kind `toy`, recognised by their hash like a slice's keys are.
struct ToyKeyStrategy: AuthStrategy {
    static let key = String(repeating: "7e", count: 32)
    let kind: PrincipalKind = "toy"

    func principal(forKeyHash keyHash: String) async throws -> Principal? {
        keyHash == APIKey.hash(Self.key) ? Principal(kind: kind, id: "toy-1", customerID: "acme") : nil
    }
}

enum AuthToys {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(
                routes: [
                    SliceRoute(.get, "/toy/admin", access: .global) { request in
                        try .json(["who": try request.requirePrincipal().auditName])
                    },
                    SliceRoute(.get, "/toy/mine", access: .kinds(["toy"])) { request in
                        try .json(["who": try request.requirePrincipal().auditName])
                    },
                    SliceRoute(.post, "/toy/fail", access: .kinds([.global, "toy"])) { _ in
                        throw ToyFailure()
                    },
                ],
                authStrategies: [ToyKeyStrategy()]
            )
        }
    }
}

struct ToyFailure: Error, CustomStringConvertible {
    var description: String { "toy handler exploded" }
}

@Suite struct AuthTests {
    static let unknownKey = String(repeating: "0f", count: 32)

    @Test(arguments: [
        nil,
        "Bearer",
        "Bearer ",
        "Basic \(globalKey)",
        "Bearer \(globalKey) extra",
        "\(globalKey)",
        "Bearer \(unknownKey)",
        "Bearer \(globalKey.uppercased())",
    ] as [String?])
    func missingMalformedOrUnknownKeyIsUnauthorized(header: String?) async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice])
            let answer = try await hub.withClient { client in
                try await client.execute(uri: "/toy/admin", method: .get, headers: header.map(authorization) ?? [:])
            }
            #expect(answer.status == .unauthorized)
            #expect(answer.errorCode == "unauthorized")
        }
    }

    @Test func validKeyOfTheWrongKindIsForbidden() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice])
            let (toyOnAdmin, globalOnToy) = try await hub.withClient { client in
                (
                    try await client.execute(uri: "/toy/admin", method: .get, headers: bearer(ToyKeyStrategy.key)),
                    try await client.execute(uri: "/toy/mine", method: .get, headers: bearer(globalKey))
                )
            }
            #expect(toyOnAdmin.status == .forbidden)
            #expect(toyOnAdmin.errorCode == "forbidden")
            #expect(globalOnToy.status == .forbidden)
        }
    }

    @Test func eachKeyReachesTheRoutesOfItsKind() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice])
            let (admin, mine) = try await hub.withClient { client in
                (
                    try await client.execute(uri: "/toy/admin", method: .get, headers: bearer(globalKey)),
                    try await client.execute(uri: "/toy/mine", method: .get, headers: bearer(ToyKeyStrategy.key))
                )
            }
            #expect(admin.status == .ok)
            #expect(try admin.json()["who"]?.stringValue == "global:global")
            #expect(mine.status == .ok)
            #expect(try mine.json()["who"]?.stringValue == "toy:toy-1")
        }
    }

    @Test func kernelAdminAPIWantsTheGlobalKey() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice])
            let statuses = try await hub.withClient { client in
                [
                    try await client.execute(uri: "/api/v1/admin/slices", method: .get).status,
                    try await client.execute(uri: "/api/v1/admin/slices", method: .get, headers: bearer(ToyKeyStrategy.key)).status,
                    try await client.execute(uri: "/api/v1/admin/slices", method: .get, headers: bearer(globalKey)).status,
                ]
            }
            #expect(statuses == [.unauthorized, .forbidden, .ok])
        }
    }

    @Test func keysNeverAppearInTheLogs() async throws {
        try await withDataDirectory { directory in
            let logs = LogCapture()
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice], logs: logs)
            let secrets = [globalKey, ToyKeyStrategy.key, Self.unknownKey]
            try await hub.withClient { client in
                for key in secrets {
                    for (uri, method) in [("/toy/admin", HTTPRequest.Method.get), ("/toy/mine", .get), ("/toy/fail", .post), ("/nowhere", .get), ("/toy/admin", .delete)] {
                        _ = try await client.execute(uri: uri, method: method, headers: bearer(key), body: body("{}"))
                    }
                    _ = try await client.execute(uri: "/toy/admin", method: .get, headers: authorization("Basic \(key)"))
                }
            }

            let logged = logs.text
            #expect(logs.all.filter { $0.contains("request") }.count >= 18, "the request log was not captured")
            #expect(logged.contains("toy handler exploded"), "the failing handler was not logged")
            for key in secrets {
                #expect(!logged.contains(key))
                #expect(!logged.contains(APIKey.hash(key)))
            }
        }
    }

    @Test func generatedGlobalKeyIsWrittenOwnerOnlyAndOnlyItsFileIsLogged() async throws {
        try await withDataDirectory { directory in
            let logs = LogCapture()
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice], globalAPIKey: nil, logs: logs)
            let file = directory.appendingPathComponent("global-api-key")
            let key = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int

            #expect(APIKey.isWellFormed(key))
            #expect(permissions == 0o600)
            #expect(logs.text.contains(file.path))
            #expect(!logs.text.contains(key))
            let status = try await hub.withClient { client in
                try await client.execute(uri: "/toy/admin", method: .get, headers: bearer(key)).status
            }
            #expect(status == .ok)

            let restarted = try await startHub(in: directory, catalogue: [AuthToys.slice], globalAPIKey: nil)
            let again = try await restarted.withClient { client in
                try await client.execute(uri: "/toy/admin", method: .get, headers: bearer(key)).status
            }
            #expect(again == .ok)
        }
    }

    @Test func aGlobalKeyFileLeftReadableByOthersIsClosedAndStillUsed() async throws {
        try await withDataDirectory { directory in
            let file = directory.appendingPathComponent("global-api-key")
            let key = String(repeating: "5e", count: 32)
            try (key + "\n").write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            let hub = try await startHub(in: directory, catalogue: [AuthToys.slice], globalAPIKey: nil)
            #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
            let status = try await hub.withClient { client in
                try await client.execute(uri: "/toy/admin", method: .get, headers: bearer(key)).status
            }
            #expect(status == .ok)
        }
    }

    @Test func aDataFolderOpenToOthersIsNamedAtStartAndLeftAsTheOperatorMadeIt() async throws {
        try await withDataDirectory { directory in
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            let logs = LogCapture()
            _ = try await startHub(in: directory, catalogue: [AuthToys.slice], logs: logs)
            #expect(logs.text.contains("the data folder is open to other users"))
            #expect(try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int == 0o755)

            let closed = directory.appendingPathComponent("fresh")
            let quiet = LogCapture()
            _ = try await startHub(in: closed, catalogue: [AuthToys.slice], logs: quiet)
            #expect(try FileManager.default.attributesOfItem(atPath: closed.path)[.posixPermissions] as? Int == 0o700)
            #expect(!quiet.text.contains("open to other users"))
        }
    }
}
