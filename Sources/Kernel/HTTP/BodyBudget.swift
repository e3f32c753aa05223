import Synchronization

/// The request body bytes all requests together may hold in memory at once
/// (`HUB_BODY_BUDGET_BYTES`).
///
/// Each request body is read whole into memory before its handler runs, and handling
/// a host report copies it again (the stored raw text, the database's own copy).
/// Without a common bound, a burst of large reports takes as much memory as clients
/// care to send at once. A request reserves its body's size here before reading it
/// (or as the bytes of a chunked body arrive) and gives it back when it has been
/// answered; one that does not fit is answered `503` with `Retry-After`, which an
/// agent treats like any other failed attempt.
final class BodyBudget: Sendable {
    let totalBytes: Int
    private let reserved = Atomic<Int>(0)

    init(totalBytes: Int) {
        self.totalBytes = totalBytes
    }

    /// Takes `bytes` more if they fit beside what others hold; `false` leaves
    /// everything as it was.
    func reserve(_ bytes: Int) -> Bool {
        var current = reserved.load(ordering: .relaxed)
        while current <= totalBytes - bytes {
            let (exchanged, original) = reserved.compareExchange(expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func release(_ bytes: Int) {
        reserved.subtract(bytes, ordering: .relaxed)
    }

    /// Runs `work` (one request, from routing to its answer) with a reservation the
    /// body reader can grow; whatever it reserved is given back when `work` ends,
    /// however it ends: answered, failed, or cut off by a client that went away.
    func withReservation<Value: Sendable>(_ work: () async throws -> Value) async throws -> Value {
        let reservation = BodyReservation(budget: self)
        defer { reservation.releaseAll() }
        return try await BodyReservation.$current.withValue(reservation) { try await work() }
    }
}

/// What one request holds of the ``BodyBudget``.
///
/// It lives as long as the request, not just while its body is read: the handler
/// keeps the body (and makes copies of it) until it answers. The request's scope is
/// set up where the route is mounted and the body is read deep inside the route guard,
/// so the reservation travels as a task-local value instead of through every call.
final class BodyReservation: Sendable {
    @TaskLocal static var current: BodyReservation?

    private let budget: BodyBudget
    private let held = Mutex<Int>(0)

    init(budget: BodyBudget) {
        self.budget = budget
    }

    /// Makes the reservation `bytes` in all. Throws ``HubError/bodyBudgetExhausted``
    /// when the budget cannot spare that much now, and ``HubError/bodyTooLarge`` when
    /// it never could.
    func grow(to bytes: Int) throws {
        guard bytes <= budget.totalBytes else { throw HubError.bodyTooLarge }
        try held.withLock { held in
            guard bytes > held else { return }
            guard budget.reserve(bytes - held) else { throw HubError.bodyBudgetExhausted }
            held = bytes
        }
    }

    func releaseAll() {
        held.withLock { held in
            budget.release(held)
            held = 0
        }
    }
}
