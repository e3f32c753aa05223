import GRDB
import Kernel

/// What a later slice adds to each guest of `GET /api/v1/admin/hosts/{host_id}`: the
/// cutover adds a controller guest's own staleness and last report. Registered under
/// ``HostIngestSlice/guestFacts`` while that slice is assembled.
package protocol GuestFactSource: Sendable {
    /// Members to add, by guest id, for the guests of `hostID` this source knows of.
    func facts(forGuestsOf hostID: String, in db: any DatabaseSession) throws -> [String: [String: JSONValue]]
}

/// A guest as the host detail shows it: its own columns, then what later slices add.
struct GuestDetail: Encodable {
    let guest: Guest
    let facts: [String: JSONValue]

    private struct Member: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The guests of `hostID` with what `sources` know of each; where two sources name
    /// the same fact of a guest, the first one's is kept.
    static func all(hostID: String, sources: [any GuestFactSource], in db: any DatabaseSession) throws -> [GuestDetail] {
        var facts: [String: [String: JSONValue]] = [:]
        for source in sources {
            facts.merge(try source.facts(forGuestsOf: hostID, in: db)) { $0.merging($1) { first, _ in first } }
        }
        return try HostStore.guests(hostID: hostID, in: db).map { GuestDetail(guest: $0, facts: facts[$0.guestID] ?? [:]) }
    }

    func encode(to encoder: any Encoder) throws {
        try guest.encode(to: encoder)
        var container = encoder.container(keyedBy: Member.self)
        for (name, value) in facts.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: Member(stringValue: name))
        }
    }
}
