import Foundation
import HubTestSupport
import HTTPTypes
import HummingbirdTesting
import Kernel
import Testing

enum HTTPToys {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(routes: [
                SliceRoute(.post, "/toy/echo", access: .open, bodyLimit: 16) { request in
                    .rawJSON(request.body)
                },
                SliceRoute(.get, "/toy/broken", access: .open) { _ in
                    throw ToyFailure()
                },
                SliceRoute(.get, "/toy/verbose", access: .open) { _ in
                    throw VerboseFailure()
                },
                SliceRoute(.get, "/toy/busy", access: .open) { _ in
                    throw HubError.conflict("toy_busy", "the toy is busy")
                },
                SliceRoute(.get, "/toy/items/{item}", access: .open) { request in
                    try .json(["item": try request.parameter("item")])
                },
            ])
        }
    }
}

/// An error that describes itself at length, as a database error quoting a whole
/// statement does.
struct VerboseFailure: Error, CustomStringConvertible {
    var description: String { "verbose failure: " + String(repeating: "SELECT * FROM t WHERE x = ?; ", count: 500) }
}

@Suite struct HTTPErrorTests {
    func send(_ uri: String, _ method: HTTPRequest.Method, body text: String? = nil) async throws -> (ToyHub, TestResponse) {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [HTTPToys.slice])
            let response = try await hub.withClient { client in
                try await client.execute(uri: uri, method: method, body: text.map(body))
            }
            return (hub, response)
        }
    }

    @Test func unknownPathIsAJSONNotFound() async throws {
        let (_, answer) = try await send("/no/such/path", .get)
        #expect(answer.status == .notFound)
        #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
        let json = try answer.json()
        #expect(json["error"]?.stringValue == "not_found")
        #expect(json["message"]?.stringValue?.isEmpty == false)
    }

    /// With the `Allow` header RFC 9110 requires, naming the methods the path serves; the
    /// rarer methods (TRACE, OPTIONS, HEAD) too, which a fuzzer found answered 404.
    @Test(arguments: [
        ("/healthz", HTTPRequest.Method.delete, "GET"),
        ("/healthz", .trace, "GET"),
        ("/healthz", .options, "GET"),
        ("/toy/echo", .get, "POST"),
        ("/api/v1/admin/events", .post, "GET"),
        ("/api/v1/admin/flags/admin_mint", .head, "PUT"),
        ("/api/v1/admin/events", HTTPRequest.Method("QUERY")!, "GET"),
    ])
    func wrongMethodOnAKnownPathIsAJSONMethodNotAllowed(uri: String, method: HTTPRequest.Method, allowed: String) async throws {
        let (_, answer) = try await send(uri, method)
        #expect(answer.status == .methodNotAllowed)
        #expect(answer.headers[.allow] == allowed)
        if method != .head {
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(answer.errorCode == "method_not_allowed")
        }
    }

    @Test func bodyOverTheRouteLimitIsRefused() async throws {
        let (_, answer) = try await send("/toy/echo", .post, body: #"{"padding": "\#(String(repeating: "x", count: 100))"}"#)
        #expect(answer.status == .badRequest)
        #expect(answer.errorCode == "body_too_large")
    }

    @Test func bodyWithinTheRouteLimitReachesTheHandler() async throws {
        let (_, answer) = try await send("/toy/echo", .post, body: #"{"a": 1}"#)
        #expect(answer.status == .ok)
        #expect(answer.text == #"{"a": 1}"#)
    }

    @Test func handlerFailureIsAJSONInternalErrorWithoutDetails() async throws {
        let (hub, answer) = try await send("/toy/broken", .get)
        #expect(answer.status == .internalServerError)
        #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(answer.errorCode == "internal")
        #expect(!answer.text.contains("exploded"))
        #expect(!answer.text.lowercased().contains("<html"))
        #expect(hub.logs.text.contains("toy handler exploded"))
    }

    @Test func unexpectedErrorIsLoggedCutToAFewHundredCharacters() async throws {
        let (hub, answer) = try await send("/toy/verbose", .get)
        #expect(answer.status == .internalServerError)
        let line = try #require(hub.logs.all.first { $0.contains("request failed") })
        #expect(line.contains("verbose failure: SELECT"))
        #expect(line.contains("…"))
        #expect(line.count < LoggedError.limit + 100, "a \(line.count)-character log line")
    }

    @Test func hubErrorFromAHandlerKeepsItsStatusAndCode() async throws {
        let (_, answer) = try await send("/toy/busy", .get)
        #expect(answer.status == .conflict)
        let json = try answer.json()
        #expect(json == .object(["error": .string("toy_busy"), "message": .string("the toy is busy")]))
    }

    @Test func pathParametersReachTheHandler() async throws {
        let (_, answer) = try await send("/toy/items/seven", .get)
        #expect(try answer.json()["item"]?.stringValue == "seven")
    }

    @Test func healthzAnswersWithTheVersionWithoutAKey() async throws {
        let (_, answer) = try await send("/healthz", .get)
        #expect(answer.status == .ok)
        #expect(try answer.json() == .object(["status": .string("ok"), "version": .string("test")]))
    }

    @Test func readyzAnswersWhileTheDatabaseDoes() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [HTTPToys.slice])
            let ready = try await hub.withClient { client in try await client.execute(uri: "/readyz", method: .get) }
            #expect(ready.status == .ok)
            #expect(try ready.json()["status"]?.stringValue == "ready")

            try hub.runtime.close()
            let closed = try await hub.withClient { client in try await client.execute(uri: "/readyz", method: .get) }
            #expect(closed.status == .serviceUnavailable)
            #expect(closed.errorCode == "not_ready")
        }
    }
}
