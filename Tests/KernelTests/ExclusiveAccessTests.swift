import Foundation
import HubTestSupport
import HTTPTypes
import HummingbirdTesting
import Kernel
import Testing

/// A route open to one kind of key exclusively answers every other known key as if it
/// were unknown (401), where `.kinds` answers 403: for paths whose contract removed the
/// other keys for good.
@Suite struct ExclusiveAccessTests {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(
                routes: [
                    SliceRoute(.get, "/toy/only", access: .exclusively(["toy"])) { request in
                        try .json(["who": try request.requirePrincipal().auditName])
                    },
                    SliceRoute(.get, "/toy/kinds", access: .kinds(["toy"])) { _ in try .json(["ok": true]) },
                ],
                authStrategies: [ToyKeyStrategy()]
            )
        }
    }

    @Test func otherKeysAre401OnAnExclusiveRouteAnd403OnAnOrdinaryOne() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [Self.slice])
            let answers = try await hub.withClient { client in
                var answers: [String: UInt] = [:]
                for (name, key) in [("toy", ToyKeyStrategy.key), ("global", globalKey), ("unknown", String(repeating: "0", count: 64))] {
                    for path in ["/toy/only", "/toy/kinds"] {
                        let response = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(key)"])
                        answers["\(name) \(path)"] = UInt(response.status.code)
                    }
                }
                return answers
            }
            #expect(answers == [
                "toy /toy/only": 200, "toy /toy/kinds": 200,
                "global /toy/only": 401, "global /toy/kinds": 403,
                "unknown /toy/only": 401, "unknown /toy/kinds": 401,
            ])
        }
    }
}
