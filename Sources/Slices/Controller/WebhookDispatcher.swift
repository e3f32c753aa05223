import Foundation
import Kernel
import Logging
import ServiceLifecycle

/// Delivers the webhook outbox: a `Service` that `hub serve` runs beside the HTTP
/// server, off the request path, so a slow or dead receiver never slows ingest.
///
/// Every ``pollInterval`` it takes each customer's due head (``WebhookOutbox``) and
/// delivers that customer's events one after another until one fails or none is due.
/// Customers run concurrently, at most ``maxConcurrentCustomers`` at once, and a
/// customer whose delivery is under way is skipped, so a receiver that takes its full
/// timeout delays only its own customer. A failure is retried on the
/// ``RetrySchedule``; past its deadline the delivery is given up and recorded as
/// `notification_failed`. The target is checked against the ``WebhookTargetPolicy``
/// again before each attempt (the flag may have changed since the URL was set, and a
/// name may resolve elsewhere now), and the attempt connects to the address checked.
///
/// Delivery is at least once: a process stopped between the receiver's answer and the
/// update of the row sends that event again, with the same `X-Hub-Event-Id`.
///
/// Tests drive it with ``deliverDue()`` and a ``ManualClock`` instead of ``run()``.
package struct WebhookDispatcher: Service {
    let outbox: WebhookOutbox
    let flags: FlagBook
    let policy: WebhookTargetPolicy
    let resolver: any HostNameResolver
    let sender: WebhookSender
    let schedule: RetrySchedule
    let clock: any HubClock
    let metrics: HubMetrics
    let logger: Logger
    /// A number in [0, 1) for the jitter.
    let random: @Sendable () -> Double
    package let pollInterval: Duration
    package let maxConcurrentCustomers: Int
    private let inFlight = InFlightCustomers()

    init(
        outbox: WebhookOutbox, flags: FlagBook, policy: WebhookTargetPolicy = WebhookTargetPolicy(),
        resolver: any HostNameResolver = SystemHostNameResolver(), sender: WebhookSender = WebhookSender(),
        schedule: RetrySchedule, clock: any HubClock, metrics: HubMetrics, logger: Logger,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        pollInterval: Duration = .seconds(1), maxConcurrentCustomers: Int = 16
    ) {
        self.outbox = outbox
        self.flags = flags
        self.policy = policy
        self.resolver = resolver
        self.sender = sender
        self.schedule = schedule
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
        self.random = random
        self.pollInterval = pollInterval
        self.maxConcurrentCustomers = maxConcurrentCustomers
        // Created now, so a scrape shows them at 0 before the first delivery.
        _ = metrics.counter(ControllerMetrics.webhookDelivered)
        _ = metrics.counter(ControllerMetrics.webhookFailures)
        _ = metrics.counter(ControllerMetrics.webhookGivenUp)
    }

    /// Polls until graceful shutdown; deliveries under way then finish (each within the
    /// sender's timeout) before the service returns.
    package func run() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                for item in await dueHeads() where inFlight.claim(item.customerID) {
                    group.addTask { await deliverInOrder(item.customerID) }
                }
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            }
        }
    }

    /// Delivers everything due now, customers concurrently, and returns when no
    /// customer has a due delivery left. For tests and one-off runs.
    package func deliverDue() async throws {
        while true {
            let due = await dueHeads().filter { inFlight.claim($0.customerID) }
            if due.isEmpty { return }
            await withDiscardingTaskGroup { group in
                for item in due {
                    group.addTask { await deliverInOrder(item.customerID) }
                }
            }
        }
    }

    private func dueHeads() async -> [OutboxItem] {
        let busy = inFlight.current
        do {
            return try await outbox.dueHeads(now: clock.now(), excluding: busy, limit: maxConcurrentCustomers - busy.count)
        } catch {
            logger.error("webhook outbox unreadable", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Delivers `customerID`'s due events oldest first, stopping at the first failure
    /// (the rest wait behind it). The customer must have been claimed; it is released.
    func deliverInOrder(_ customerID: String) async {
        defer { inFlight.release(customerID) }
        do {
            while !Task.isCancelled, let item = try await outbox.head(of: customerID), item.isDue(at: Timestamp(clock.now())) {
                guard try await deliver(item) else { return }
            }
        } catch {
            logger.error("webhook delivery bookkeeping failed", metadata: ["customer_id": "\(customerID)", "error": "\(error)"])
        }
    }

    /// One attempt at `item`; answers whether it is settled (delivered or cancelled) so
    /// that the customer's next event may go.
    private func deliver(_ item: OutboxItem) async throws -> Bool {
        guard let target = try await outbox.target(of: item.customerID) else {
            try await outbox.cancelPending(of: item.customerID, at: clock.now())
            logger.info("webhook deliveries cancelled: the customer has no webhook_url", metadata: ["customer_id": "\(item.customerID)"])
            return false
        }
        let attempt: WebhookAttempt
        do {
            let allowPrivate = try await flags.isEnabled(ControllerVocabulary.webhooksAllowPrivateTargets, for: item.customerID)
            let destination = try await policy.destination(of: target.url, allowPrivate: allowPrivate, resolver: resolver, attempt: item.attempts)
            attempt = await sender.send(item, to: target, at: destination)
        } catch let error as HubError {
            attempt = .failed("the target is refused: \(error.message)")
        } catch let error as UnreachableHostName {
            logger.info("webhook host name has no address the hub may connect to", metadata: [
                "customer_id": "\(item.customerID)", "event_id": "\(item.eventID)", "reason": "\(error)",
            ])
            attempt = .failed(UnreachableHostName.summary)
        }
        let now = clock.now()
        switch attempt {
        case .acknowledged(let status):
            try await outbox.markDelivered(item, at: now)
            metrics.counter(ControllerMetrics.webhookDelivered).increment()
            logger.debug("webhook delivered", metadata: [
                "customer_id": "\(item.customerID)", "event_id": "\(item.eventID)", "status": .stringConvertible(status),
            ])
            return true
        case .failed(let reason):
            metrics.counter(ControllerMetrics.webhookFailures).increment()
            if let next = schedule.nextAttempt(afterFailures: item.attempts + 1, queuedAt: item.createdAt.date, now: now, unit: random()) {
                try await outbox.scheduleRetry(item, error: reason, at: now, next: next)
                logger.warning("webhook delivery failed; will retry", metadata: [
                    "customer_id": "\(item.customerID)", "event_id": "\(item.eventID)", "attempt": .stringConvertible(item.attempts + 1),
                    "next_attempt_at": "\(Timestamp(next))", "error": "\(reason)",
                ])
                return false
            }
            try await outbox.giveUp(item, error: reason, at: now)
            metrics.counter(ControllerMetrics.webhookGivenUp).increment()
            logger.error("webhook delivery given up", metadata: [
                "customer_id": "\(item.customerID)", "event_id": "\(item.eventID)", "attempts": .stringConvertible(item.attempts + 1),
                "error": "\(reason)",
            ])
            return true
        }
    }
}
