import Kernel

/// The controller slice's areas of `hub status`: customers, their controllers, and the
/// webhook outbox.
enum ControllerStatus {
    static let customers = StatusSection(key: "customers", label: "CUSTOMERS") { _, db in
        let counts = try CustomerCounts.read(in: db)
        return StatusReading(
            value: counts,
            line: "\(counts.total) (\(counts.active) active, \(counts.blocked) blocked), \(counts.withWebhook) with a webhook"
        )
    }

    static let outbox = StatusSection(key: "outbox", label: "OUTBOX") { _, db in
        let outbox = try OutboxBacklog.read(in: db)
        var line = outbox.pending == 0
            ? "nothing waiting"
            : "\(outbox.pending) waiting for \(outbox.customers) customer\(outbox.customers == 1 ? "" : "s"), oldest queued \(outbox.oldestPendingAt?.text ?? "-")"
        if outbox.failed > 0 { line += "; \(outbox.failed) given up (notification_failed)" }
        return StatusReading(value: outbox, line: line)
    }

    static let all = [customers, ControllerCensus.watch.statusSection, outbox]
}
