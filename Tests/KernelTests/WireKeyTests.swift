import Foundation
import GRDB
import Kernel
import Testing

/// Property names become snake_case on the wire and in columns, both ways, without a
/// `CodingKeys` enum; the keys of documents the hub only carries stay as they are.
@Suite struct WireKeyTests {
    struct Sample: Codable, Equatable, SnakeCaseRecord, PersistableRecord {
        static let databaseTableName = "samples"
        var id: Int64
        var customerID: String
        var webhookURL: String?
        var apiKeyHash: String
        var pollIntervalSeconds: Int
        var lastSeenAt: Timestamp?
        var payload: JSONValue
        var desiredJSON: String?
    }

    static let sample = Sample(
        id: 7, customerID: "acme", webhookURL: "https://example.com/hook", apiKeyHash: "f00", pollIntervalSeconds: 900,
        lastSeenAt: Timestamp(millisecondsSince1970: 1_780_912_800_000), payload: .object(["camelCase": .number(1), "snake_case": .null]),
        desiredJSON: "{}"
    )

    @Test func propertiesAreWrittenInSnakeCaseAndDocumentsAsTheyAre() throws {
        #expect(try WireJSON.encodeString(Self.sample) == """
            {"api_key_hash":"f00","customer_id":"acme","desired_json":"{}","id":7,"last_seen_at":"2026-06-08T10:00:00.000Z",\
            "payload":{"camelCase":1,"snake_case":null},"poll_interval_seconds":900,"webhook_url":"https://example.com/hook"}
            """)
        #expect(try WireJSON.encodeString(["fooBar": ["bazQux": 1]]) == #"{"fooBar":{"bazQux":1}}"#)
    }

    @Test func keysAsDeclaredAreForDocumentsAStandardSpells() throws {
        struct Envelope: Encodable { let payloadType: String }
        #expect(try WireJSON.encodeString(Envelope(payloadType: "t")) == #"{"payload_type":"t"}"#)
        #expect(try WireJSON.encodeString(Envelope(payloadType: "t"), keys: .asDeclared) == #"{"payloadType":"t"}"#)
    }

    @Test func aRecordIsReadFromAndWrittenToSnakeCaseColumns() throws {
        let database = try DatabaseQueue()
        let read = try database.write { db in
            try db.execute(sql: """
                CREATE TABLE samples (id INTEGER PRIMARY KEY, customer_id TEXT, webhook_url TEXT, api_key_hash TEXT,
                    poll_interval_seconds INTEGER, last_seen_at TEXT, payload TEXT, desired_json TEXT, not_a_property TEXT DEFAULT 'ignored')
                """)
            try Self.sample.insert(db)
            let columns = try Row.fetchOne(db, sql: "SELECT * FROM samples")
            #expect(columns?["customer_id"] == "acme")
            #expect(columns?["webhook_url"] == "https://example.com/hook")
            #expect(columns?["last_seen_at"] == "2026-06-08T10:00:00.000Z")
            #expect(columns?["payload"] == #"{"camelCase":1,"snake_case":null}"#)
            #expect(columns?["desired_json"] == "{}")
            return try Sample.fetchOne(db, key: 7)
        }
        #expect(read == Self.sample)
    }

    @Test func aMissingColumnIsAnErrorThatNamesTheProperty() throws {
        let database = try DatabaseQueue()
        #expect(throws: (any Error).self) {
            try database.read { db in try Sample.fetchOne(db, sql: "SELECT 7 AS id, 'acme' AS customer_id") }
        }
    }
}
