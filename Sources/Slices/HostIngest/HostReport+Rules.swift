import StrictJSON
import Foundation
import Kernel
import NIOCore

/// The rules of agent protocol §4, applied to a report read in one pass.
///
/// The rules run in a fixed order, field by field and guest by guest, once the whole
/// body is known to be JSON; the first broken one is the one named. That order, and
/// every message, are those of the `Decodable` path this replaced (its `init(from:)`,
/// ``FieldRules`` and ``BodyDecoder``), so an agent sees the same answer as before.
extension HostReport {
    /// Reads and checks a report body; a body that breaks a rule fails with a message
    /// naming the field, like `guests[1].vmid: must be an integer from 100 to 999999999`.
    package init(body: ByteBuffer) throws(ValidationFailure) {
        guard body.readableBytes > 0 else { throw ValidationFailure(BodyDecoder.emptyBodyMessage) }
        var reader = JSONReader(buffer: body)
        let report: FieldReading<HostReportFields>
        do {
            report = try reader.readObject(HostReportFields.read)
            try reader.finish()
        } catch {
            // Field rules never throw from the reader; what does is the body not being
            // JSON, or JSON the hub refuses anywhere (a duplicate key, U+0000).
            throw ValidationFailure(BodyDecoder.message(for: error))
        }
        // The whole body is named by an empty path, as the Decodable path named it.
        try self.init(checking: report.required(""))
    }

    init(checking fields: HostReportFields) throws(ValidationFailure) {
        hostID = try fields.hostID.required("host_id")
        guard !hostID.isEmpty else { throw ValidationFailure("host_id: must not be empty") }
        reportedAt = try fields.reportedAt.required("reported_at")
        reportedAtText = Timestamp.format(reportedAt)
        agentVersion = try fields.agentVersion.required("agent_version")
        guard !agentVersion.isEmpty else { throw ValidationFailure("agent_version: must not be empty") }
        host = try Machine(checking: fields.host.required("host"))
        guests = try Self.guests(fields.guests.required("guests"))
        if let cloudflared = try fields.cloudflared.value(ifAbsent: nil) {
            cloudflaredStatus = try cloudflared.status.required("cloudflared.status")
        } else {
            cloudflaredStatus = nil
        }
        try fields.storageTargets.value(ifAbsent: ())
        try fields.backups.value(ifAbsent: ())
        try fields.restoreTests.value(ifAbsent: ())
        try fields.pbsSnapshots.value(ifAbsent: ())
        try fields.auditTail.value(ifAbsent: ())
    }

    /// Their number, then each guest checked in order, then their vmids for repeats.
    static func guests(_ readings: [FieldReading<GuestFields>]) throws(ValidationFailure) -> [ReportedGuest] {
        guard readings.count <= maximumGuests else {
            throw ValidationFailure("guests: at most \(maximumGuests) per report (this one has \(readings.count))")
        }
        var guests: [ReportedGuest] = []
        guests.reserveCapacity(readings.count)
        for (index, reading) in readings.enumerated() {
            guests.append(try ReportedGuest(checking: reading.required("guests[\(index)]"), index: index))
        }
        var seen = Set<Int>(minimumCapacity: guests.count)
        for (index, guest) in guests.enumerated() where !seen.insert(guest.vmid).inserted {
            throw ValidationFailure("guests[\(index)].vmid: \(guest.vmid) appears twice in this report")
        }
        return guests
    }
}

extension HostReport.Machine {
    init(checking fields: MachineFields) throws(ValidationFailure) {
        hostname = try fields.hostname.required("host.hostname")
        cpuPercent = try Self.percent(fields.cpuPercent, named: "cpu_percent")
        memPercent = try Self.percent(fields.memPercent, named: "mem_percent")
        diskPercent = try Self.percent(fields.diskPercent, named: "disk_percent")
        _ = try fields.uptimeSeconds.value(ifAbsent: 0)
        _ = try fields.pveVersion.value(ifAbsent: nil)
        _ = try fields.kernel.value(ifAbsent: nil)
    }

    static func percent(_ reading: FieldReading<Double>, named key: String) throws(ValidationFailure) -> Double {
        let value = try reading.required("host.\(key)")
        guard value.isFinite, (0...100).contains(value) else {
            throw ValidationFailure("host.\(key): must be a number from 0 to 100")
        }
        return value
    }
}

extension HostReport.ReportedGuest {
    init(checking fields: GuestFields, index: Int) throws(ValidationFailure) {
        vmid = try fields.vmid.required("guests[\(index)].vmid")
        name = try fields.name.required("guests[\(index)].name")
        status = try fields.status.required("guests[\(index)].status")
        controllerVersion = try fields.controllerVersion.value(ifAbsent: nil)
        try fields.spec.value(ifAbsent: ())
    }
}
