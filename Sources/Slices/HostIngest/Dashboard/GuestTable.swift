import Kernel

/// A host's guests as its dashboard page lists them: what the host last reported of
/// each, then a column for each fact later slices add (the cutover adds a controller
/// guest's own `staleness` and `last_report_at`).
struct GuestTable {
    struct Cell {
        let text: String?
        /// A state, shown as a badge.
        let badge: String?
    }

    struct Row {
        let guestID: String
        let vmid: Int
        let name: String?
        let status: String?
        let controllerVersion: String?
        let lastSeen: String?
        let facts: [Cell]
    }

    struct Heading {
        let text: String
    }

    let headings: [Heading]
    let rows: [Row]
    let isEmpty: Bool

    init(_ guests: [GuestDetail]) {
        let names = Set(guests.flatMap(\.facts.keys)).sorted()
        headings = names.map { name in
            // A fact's key (`last_report_at`) as a column's heading (`Last report at`).
            let words = name.replacingOccurrences(of: "_", with: " ")
            return Heading(text: words.prefix(1).uppercased() + words.dropFirst())
        }
        rows = guests.map { detail in
            Row(
                guestID: detail.guest.guestID, vmid: detail.guest.vmid, name: detail.guest.displayName, status: detail.guest.status,
                controllerVersion: detail.guest.controllerVersion, lastSeen: detail.guest.lastSeenAt.map(DashboardTime.display),
                facts: names.map { Self.cell(name: $0, value: detail.facts[$0]) }
            )
        }
        isEmpty = guests.isEmpty
    }

    /// A fact as text: a state as a badge, a time as the tables show times, anything
    /// else as its JSON.
    static func cell(name: String, value: JSONValue?) -> Cell {
        switch value {
        case nil, .null?:
            return Cell(text: nil, badge: nil)
        case .string(let text)?:
            if name == "staleness" || name == "state" { return Cell(text: nil, badge: text) }
            return Cell(text: Timestamp(rfc3339: text).map(DashboardTime.display) ?? text, badge: nil)
        case let other?:
            return Cell(text: (try? WireJSON.encodeString(other)) ?? "", badge: nil)
        }
    }
}
