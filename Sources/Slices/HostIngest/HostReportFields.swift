import StrictJSON
import Foundation
import Kernel

/// A host report as the body gave it, gathered in one pass of a ``JSONReader``: each
/// member is held to its own rule as it is read (its kind, a number's range), and
/// unknown members are skipped. Which field is missing, and which of several broken
/// ones is named, is left to the report's rules (`HostReport+Rules.swift`), once the
/// whole body is known to be JSON.
struct HostReportFields: Sendable {
    var hostID = FieldReading<String>.absent
    var reportedAt = FieldReading<Date>.absent
    var agentVersion = FieldReading<String>.absent
    var host = FieldReading<MachineFields>.absent
    var guests = FieldReading<[FieldReading<GuestFields>]>.absent
    var cloudflared = FieldReading<CloudflaredFields?>.absent
    /// The arrays the contract reserves, in the contract's order: accepted empty,
    /// absent or null, stored as sent.
    var storageTargets = FieldReading<Void>.absent
    var backups = FieldReading<Void>.absent
    var restoreTests = FieldReading<Void>.absent
    var pbsSnapshots = FieldReading<Void>.absent
    var auditTail = FieldReading<Void>.absent

    /// Reads the members of the report object the reader has just entered.
    static func read(_ reader: inout JSONReader) throws(JSONError) -> HostReportFields {
        var fields = HostReportFields()
        while let key = try reader.nextKey() {
            switch key {
            case "host_id": try reader.readString(into: &fields.hostID)
            case "reported_at": try reader.readTimestamp(into: &fields.reportedAt)
            case "agent_version": try reader.readString(into: &fields.agentVersion)
            case "host": try reader.readObject(into: &fields.host, MachineFields.read)
            case "guests": try reader.readArray(into: &fields.guests, GuestFields.readElement)
            case "cloudflared": try reader.readOptionalObject(into: &fields.cloudflared, CloudflaredFields.read)
            case "storage_targets": try reader.checkOptionalArray(into: &fields.storageTargets)
            case "backups": try reader.checkOptionalArray(into: &fields.backups)
            case "restore_tests": try reader.checkOptionalArray(into: &fields.restoreTests)
            case "pbs_snapshots": try reader.checkOptionalArray(into: &fields.pbsSnapshots)
            case "audit_tail": try reader.checkOptionalArray(into: &fields.auditTail)
            default: try reader.skipValue()
            }
        }
        return fields
    }
}

/// The `host` object as the body gave it.
struct MachineFields: Sendable {
    var hostname = FieldReading<String>.absent
    var cpuPercent = FieldReading<Double>.absent
    var memPercent = FieldReading<Double>.absent
    var diskPercent = FieldReading<Double>.absent
    /// Checked, not kept: the contract asks for a whole number ≥ 0 when it is there
    /// (null included: the `Decodable` path refused it, and so does this).
    var uptimeSeconds = FieldReading<Int>.absent
    var pveVersion = FieldReading<String?>.absent
    var kernel = FieldReading<String?>.absent

    static func read(_ reader: inout JSONReader) throws(JSONError) -> MachineFields {
        var fields = MachineFields()
        while let key = try reader.nextKey() {
            switch key {
            case "hostname": try reader.readString(into: &fields.hostname)
            case "cpu_percent": try reader.readDouble(into: &fields.cpuPercent)
            case "mem_percent": try reader.readDouble(into: &fields.memPercent)
            case "disk_percent": try reader.readDouble(into: &fields.diskPercent)
            case "uptime_seconds": try reader.readInteger(into: &fields.uptimeSeconds, in: 0...Int.max)
            case "pve_version": try reader.readOptionalString(into: &fields.pveVersion)
            case "kernel": try reader.readOptionalString(into: &fields.kernel)
            default: try reader.skipValue()
            }
        }
        return fields
    }
}

/// One element of `guests` as the body gave it.
struct GuestFields: Sendable {
    var vmid = FieldReading<Int>.absent
    var name = FieldReading<String>.absent
    var status = FieldReading<String>.absent
    var controllerVersion = FieldReading<String?>.absent
    /// Checked for its shape only; its members are kept in the raw report.
    var spec = FieldReading<Void>.absent

    /// Reads the element the reader is positioned at, which must be an object.
    static func readElement(_ reader: inout JSONReader) throws(JSONError) -> FieldReading<GuestFields> {
        try reader.readObject(read)
    }

    static func read(_ reader: inout JSONReader) throws(JSONError) -> GuestFields {
        var fields = GuestFields()
        while let key = try reader.nextKey() {
            switch key {
            case "vmid": try reader.readInteger(into: &fields.vmid, in: HostReport.ReportedGuest.vmidRange)
            case "name": try reader.readString(into: &fields.name)
            case "status": try reader.readString(into: &fields.status)
            case "controller_version": try reader.readOptionalString(into: &fields.controllerVersion)
            case "spec": try reader.checkOptionalObject(into: &fields.spec)
            default: try reader.skipValue()
            }
        }
        return fields
    }
}

/// The `cloudflared` object as the body gave it.
struct CloudflaredFields: Sendable {
    var status = FieldReading<String>.absent

    static func read(_ reader: inout JSONReader) throws(JSONError) -> CloudflaredFields {
        var fields = CloudflaredFields()
        while let key = try reader.nextKey() {
            switch key {
            case "status": try reader.readString(into: &fields.status)
            default: try reader.skipValue()
            }
        }
        return fields
    }
}
