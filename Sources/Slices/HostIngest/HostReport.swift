import Foundation
import Kernel

/// A host agent's heartbeat (agent protocol §4), validated as it is read (see
/// `HostReport+Rules.swift`). Fields the contract does not name are ignored here and
/// kept in the stored raw report.
package struct HostReport: Sendable {
    package let hostID: String
    package let reportedAt: Date
    package let agentVersion: String
    package let host: Machine
    package let guests: [ReportedGuest]
    package let cloudflaredStatus: String?
    /// `reported_at` in the stored form, formatted while reading rather than on the writer.
    package let reportedAtText: String

    package struct Machine: Sendable {
        package let hostname: String
        package let cpuPercent: Double
        package let memPercent: Double
        package let diskPercent: Double
    }

    /// The most guests one report may list. A Proxmox host runs tens of guests, a
    /// large one a few hundred; without a bound, one 4 MiB report could create a
    /// hundred thousand guest rows that every later listing of the host would carry.
    package static let maximumGuests = 1_000

    package struct ReportedGuest: Sendable {
        package let vmid: Int
        package let name: String
        package let status: String
        package let controllerVersion: String?

        package static let vmidRange = 100...999_999_999
    }

    /// Guests whose status is exactly `running`.
    package var runningGuestCount: Int {
        guests.filter { $0.status == "running" }.count
    }
}
