import Kernel

/// The metrics the controller slice records.
enum ControllerMetrics {
    static let controllers = MetricDefinition(
        "hub_controllers", .gauge, labels: ["state"], summary: "customers' controllers by staleness (`ok`, `stale`, `down`, `never`)"
    )
    static let outboxDepth = MetricDefinition("hub_webhook_outbox_depth", .gauge, summary: "webhook deliveries waiting")
    static let webhookDelivered = MetricDefinition("hub_webhook_delivered_total", .counter, summary: "deliveries acknowledged with 2xx")
    static let webhookFailures = MetricDefinition(
        "hub_webhook_delivery_failures_total", .counter, summary: "failed attempts (non-2xx, timeout, refused target)"
    )
    static let webhookGivenUp = MetricDefinition(
        "hub_webhook_given_up_total", .counter, summary: "deliveries given up (`notification_failed`)"
    )

    static let all = [controllers, outboxDepth, webhookDelivered, webhookFailures, webhookGivenUp]
}
