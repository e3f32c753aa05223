import Foundation
import Kernel

/// A host agent's heartbeat (agent protocol §4), validated as it is read (see
/// `HostReport+Rules.swift`). Fields the contract does not name are ignored here and
/// kept in the stored raw report.
public struct HostReport: Sendable {
    public let hostID: String
    public let reportedAt: Date
    public let agentVersion: String
    public let host: Machine
    public let guests: [ReportedGuest]
    public let cloudflaredStatus: String?
    /// `reported_at` in the stored form, formatted while reading rather than on the writer.
    public let reportedAtText: String

    public struct Machine: Sendable {
        public let hostname: String
        public let cpuPercent: Double
        public let memPercent: Double
        public let diskPercent: Double
    }

    /// The most guests one report may list. A Proxmox host runs tens of guests, a
    /// large one a few hundred; without a bound, one 4 MiB report could create a
    /// hundred thousand guest rows that every later listing of the host would carry.
    public static let maximumGuests = 1_000

    public struct ReportedGuest: Sendable {
        public let vmid: Int
        public let name: String
        public let status: String
        public let controllerVersion: String?

        public static let vmidRange = 100...999_999_999
    }

    /// Guests whose status is exactly `running`.
    public var runningGuestCount: Int {
        guests.filter { $0.status == "running" }.count
    }
}
