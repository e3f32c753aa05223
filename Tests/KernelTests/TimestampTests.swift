import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

@Suite struct TimestampTests {
    /// Moments on the stored grid, spread over the years the stored form can write.
    static func randomTimestamps(count: Int, seed: UInt64) -> [Timestamp] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            Timestamp(millisecondsSince1970: Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &generator))
        }
    }

    @Test func theStoredFormIsFixedWidthUTCToTheMillisecond() {
        let date = Date(timeIntervalSince1970: 1_780_912_800.5)
        #expect(Timestamp(date).text == "2026-06-08T10:00:00.500Z")
        #expect(Timestamp.format(date) == "2026-06-08T10:00:00.500Z")
        #expect(Timestamp(millisecondsSince1970: 0).text == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(millisecondsSince1970: -1).text == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(millisecondsSince1970: 253_402_300_799_999).text == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp(Date(timeIntervalSince1970: 1_780_912_800.0009)).text == "2026-06-08T10:00:00.000Z", "rounded down, as stored")
    }

    @Test func textRoundTripsExactlyEveryMillisecond() throws {
        for timestamp in Self.randomTimestamps(count: 20_000, seed: 11) {
            #expect(Timestamp(rfc3339: timestamp.text) == timestamp, "\(timestamp.millisecondsSince1970)")
        }
        for millisecond in 0..<1000 {
            let text = "2109-02-02T16:02:52.\(String(1000 + millisecond).dropFirst())Z"
            #expect(try #require(Timestamp(rfc3339: text)).text == text)
        }
    }

    @Test func textOrderIsTimeOrder() {
        let timestamps = Self.randomTimestamps(count: 5_000, seed: 12)
        #expect(timestamps.sorted().map(\.text) == timestamps.map(\.text).sorted())
        #expect(timestamps.sorted().map(\.millisecondsSince1970) == timestamps.map(\.millisecondsSince1970).sorted())
    }

    @Test func valuesCompareAsMoments() throws {
        let utc = try #require(Timestamp(rfc3339: "2026-06-08T10:00:00Z"))
        let budapest = try #require(Timestamp(rfc3339: "2026-06-08T12:00:00+02:00"))
        let later = try #require(Timestamp(rfc3339: "2026-06-08T10:00:00.001Z"))
        #expect(utc == budapest)
        #expect(Set([utc, budapest]).count == 1)
        #expect(utc < later && later > budapest)
        #expect(utc.addingTimeInterval(0.001) == later)
        #expect(later.addingTimeInterval(-7 * 86_400).text == "2026-06-01T10:00:00.001Z")
    }

    @Test(arguments: [
        ("2026-06-08T10:00:00Z", "2026-06-08T10:00:00.000Z"),
        ("2026-06-08t10:00:00z", "2026-06-08T10:00:00.000Z"),
        ("2026-06-08T10:00:00.5Z", "2026-06-08T10:00:00.500Z"),
        ("2026-06-08T10:00:00.123456789Z", "2026-06-08T10:00:00.123Z"),
        ("2026-06-08T10:00:00-05:30", "2026-06-08T15:30:00.000Z"),
        ("2024-02-29T23:59:60Z", "2024-02-29T23:59:59.000Z"),
    ])
    func acceptsRFC3339(text: String, stored: String) throws {
        #expect(try #require(Timestamp(rfc3339: text)).text == stored)
        #expect(Timestamp.parse(text) != nil)
    }

    @Test(arguments: [
        "", "2026-06-08", "2026-06-08T10:00:00", "2026-06-08 10:00:00Z", "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z",
        "2026-13-01T10:00:00Z", "2026-06-08T24:00:00Z", "2026-06-08T10:00:00.Z", "2026-06-08T10:00:00+2:00", "2026-06-08T10:00:00+24:00",
        "2026-06-08T10:00:00Z ", "next month",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func codableWritesTheStoredFormAndReadsAnyRFC3339() throws {
        struct Answer: Codable, Equatable { let at: Timestamp }
        let answer = Answer(at: try #require(Timestamp(rfc3339: "2026-06-08T12:00:00+02:00")))
        #expect(try WireJSON.encodeString(answer) == #"{"at":"2026-06-08T10:00:00.000Z"}"#)
        #expect(try JSONDecoder().decode(Answer.self, from: Data(#"{"at":"2026-06-08T12:00:00+02:00"}"#.utf8)) == answer)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Answer.self, from: Data(#"{"at":"2026-02-30T10:00:00Z"}"#.utf8))
        }
    }

    @Test func databaseValuesAreTheStoredTextAndSortAsTime() throws {
        let database = try DatabaseQueue()
        let timestamps = Self.randomTimestamps(count: 500, seed: 13)
        let (stored, ordered, readBack) = try database.write { db in
            try db.execute(sql: "CREATE TABLE moments (id INTEGER PRIMARY KEY, at TEXT NOT NULL)")
            for timestamp in timestamps {
                try db.execute(sql: "INSERT INTO moments (at) VALUES (?)", arguments: [timestamp])
            }
            return (
                try String.fetchAll(db, sql: "SELECT at FROM moments ORDER BY id"),
                try Timestamp.fetchAll(db, sql: "SELECT at FROM moments ORDER BY at"),
                try Timestamp.fetchAll(db, sql: "SELECT at FROM moments ORDER BY id")
            )
        }
        #expect(stored == timestamps.map(\.text))
        #expect(readBack == timestamps)
        #expect(ordered == timestamps.sorted())
    }

    @Test func aColumnThatIsNoTimestampIsAnErrorNotACrash() throws {
        let database = try DatabaseQueue()
        #expect(throws: (any Error).self) {
            try database.read { db in try Timestamp.fetchOne(db, sql: "SELECT 'yesterday'") }
        }
        #expect(try database.read { db in try Timestamp.fetchOne(db, sql: "SELECT '2026-06-08T10:00:00Z'") }?.text == "2026-06-08T10:00:00.000Z")
    }
}
