import StrictJSON
import Foundation
import HostIngestSlice
import Kernel

/// The `Decodable` host report the hub used before ``HostReport/init(body:)``, kept
/// word for word (renamed) as the reference the one-pass reader is compared against:
/// Foundation's `JSONDecoder` through ``BodyDecoder``, with ``FieldRules``. One rule
/// came later and is added here: at most ``HostReport/maximumGuests`` guests, counted
/// before any is checked. (Duplicate keys and U+0000 are ``BodyDecoder``'s to refuse.)
struct CodableHostReport: Sendable, Decodable {
    let hostID: String
    let reportedAt: Date
    let agentVersion: String
    let host: Machine
    let guests: [ReportedGuest]
    let cloudflaredStatus: String?
    /// `reported_at` in the stored form, formatted while decoding rather than on the writer.
    let reportedAtText: String

    struct Machine: Sendable, Decodable {
        let hostname: String
        let cpuPercent: Double
        let memPercent: Double
        let diskPercent: Double

        enum CodingKeys: String, CodingKey {
            case hostname
            case cpuPercent = "cpu_percent"
            case memPercent = "mem_percent"
            case diskPercent = "disk_percent"
            case uptimeSeconds = "uptime_seconds"
            case pveVersion = "pve_version"
            case kernel
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            hostname = try container.decode(String.self, forKey: .hostname)
            cpuPercent = try Self.percent(container, .cpuPercent)
            memPercent = try Self.percent(container, .memPercent)
            diskPercent = try Self.percent(container, .diskPercent)
            if container.contains(.uptimeSeconds) {
                _ = try FieldRules.integer(container, .uptimeSeconds, name: "host.uptime_seconds", in: 0...Int.max)
            }
            _ = try container.decodeIfPresent(String.self, forKey: .pveVersion)
            _ = try container.decodeIfPresent(String.self, forKey: .kernel)
        }

        static func percent(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Double {
            let value = try container.decode(Double.self, forKey: key)
            guard value.isFinite, (0...100).contains(value) else {
                throw ValidationFailure("host.\(key.stringValue): must be a number from 0 to 100")
            }
            return value
        }
    }

    struct ReportedGuest: Sendable, Decodable {
        let vmid: Int
        let name: String
        let status: String
        let controllerVersion: String?

        static let vmidRange = 100...999_999_999

        enum CodingKeys: String, CodingKey {
            case vmid, name, status
            case controllerVersion = "controller_version"
            case spec
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let field = BodyDecoder.fieldPath(decoder.codingPath)
            vmid = try FieldRules.integer(container, .vmid, name: "\(field).vmid", in: Self.vmidRange)
            name = try container.decode(String.self, forKey: .name)
            status = try container.decode(String.self, forKey: .status)
            controllerVersion = try container.decodeIfPresent(String.self, forKey: .controllerVersion)
            try FieldRules.objectIfPresent(container, .spec)
        }
    }

    struct Cloudflared: Decodable {
        let status: String
    }

    enum CodingKeys: String, CodingKey {
        case hostID = "host_id"
        case reportedAt = "reported_at"
        case agentVersion = "agent_version"
        case host, guests, cloudflared
        case storageTargets = "storage_targets"
        case backups
        case restoreTests = "restore_tests"
        case pbsSnapshots = "pbs_snapshots"
        case auditTail = "audit_tail"
    }

    /// The arrays the contract reserves: accepted empty or absent, stored as sent.
    static let reservedArrays: [CodingKeys] = [.storageTargets, .backups, .restoreTests, .pbsSnapshots, .auditTail]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hostID = try container.decode(String.self, forKey: .hostID)
        guard !hostID.isEmpty else { throw ValidationFailure("host_id: must not be empty") }
        reportedAt = try FieldRules.timestamp(container, .reportedAt, name: "reported_at")
        reportedAtText = Timestamp.format(reportedAt)
        agentVersion = try container.decode(String.self, forKey: .agentVersion)
        guard !agentVersion.isEmpty else { throw ValidationFailure("agent_version: must not be empty") }
        host = try container.decode(Machine.self, forKey: .host)
        if let listed = try? container.nestedUnkeyedContainer(forKey: .guests), let count = listed.count, count > HostReport.maximumGuests {
            throw ValidationFailure("guests: at most \(HostReport.maximumGuests) per report (this one has \(count))")
        }
        guests = try container.decode([ReportedGuest].self, forKey: .guests)
        var seen = Set<Int>()
        for (index, guest) in guests.enumerated() where !seen.insert(guest.vmid).inserted {
            throw ValidationFailure("guests[\(index)].vmid: \(guest.vmid) appears twice in this report")
        }
        cloudflaredStatus = try container.decodeIfPresent(Cloudflared.self, forKey: .cloudflared)?.status
        for key in Self.reservedArrays {
            try FieldRules.arrayIfPresent(container, key)
        }
    }
}

/// The shape checks only the reference report still uses: the hub's own bodies are read
/// with ``JSONReader`` now.
extension FieldRules {
    /// An optional object, checked for its shape only (its members are kept raw).
    /// Opening a nested container costs nothing per member, unlike decoding them.
    static func objectIfPresent<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return }
        _ = try container.nestedContainer(keyedBy: AnyMemberKey.self, forKey: key)
    }

    /// An optional array, checked for its shape only.
    static func arrayIfPresent<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return }
        _ = try container.nestedUnkeyedContainer(forKey: key)
    }
}

/// A coding key for any member name.
struct AnyMemberKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
