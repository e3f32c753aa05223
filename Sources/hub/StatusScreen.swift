import Foundation
import HubCommandLine
import Kernel

/// `hub status` for a terminal: a heading, one labelled line per area, then the last
/// events as a table — short enough for one screen.
enum StatusScreen {
    static func render(_ status: HubStatus) -> String {
        var lines = ["felhom hub \(status.version) on \(status.dataDirectory) at \(status.at)", ""]
        func line(_ label: String, _ text: String) {
            lines.append(label.padding(toLength: 13, withPad: " ", startingAt: 0) + text)
        }
        let on = status.slices.filter(\.enabled)
        let off = status.slices.filter { !$0.enabled }
        line("SLICES", on.map { "\($0.name) (\($0.migrationsApplied)/\($0.migrations) migrations)" }.joined(separator: ", ")
            + (off.isEmpty ? "" : "; off: " + off.map(\.name).joined(separator: ", ")))
        line("FLAGS", status.flags.isEmpty ? "none" : status.flags.map(flagText).joined(separator: "  "))
        for section in status.sections {
            if let reading = section.reading { line(section.label, reading.line) }
        }
        line("DATABASE", "\(byteText(status.database.sizeBytes)), WAL \(byteText(status.database.walBytes))")
        lines.append("")
        if status.lastEvents.isEmpty {
            lines.append("LAST EVENTS  none")
        } else {
            lines.append("LAST EVENTS")
            var table = TextTable("ID", "AT", "CUSTOMER", "TYPE", "SUBJECT")
            for event in status.lastEvents {
                table.add("\(event.id)", event.createdAt.text, event.customerID, event.type, event.subject)
            }
            lines.append(table.rendered)
        }
        return lines.joined(separator: "\n")
    }

    static func flagText(_ flag: FlagState) -> String {
        let value = flag.enabled ? "on" : "off"
        return flag.customers.isEmpty ? "\(flag.name)=\(value)" : "\(flag.name)=\(value)[\(flag.customers.joined(separator: ","))]"
    }

    static func byteText(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1024: "\(bytes) B"
        case ..<(1024 * 1024): String(format: "%.1f KiB", Double(bytes) / 1024)
        case ..<(1024 * 1024 * 1024): String(format: "%.1f MiB", Double(bytes) / 1_048_576)
        default: String(format: "%.1f GiB", Double(bytes) / 1_073_741_824)
        }
    }
}
