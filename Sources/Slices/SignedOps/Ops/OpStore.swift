import Foundation
import GRDB
import HostIngestSlice
import Kernel

/// Signed ops: issuing, serving, closing and expiring them, in `signed_ops`.
///
/// An op is signed once, when it is issued, and its envelope text is stored; every
/// later read serves that text unchanged. `seq` comes from `signed_op_sequences`, a
/// per-host counter raised inside the issuing transaction — SQLite has one writer, so
/// concurrent issues get consecutive numbers, and a number is never handed out twice
/// even if ops are deleted one day.
struct OpStore: Sendable {
    /// How much of an op's output its `op_succeeded` / `op_failed` event carries; the
    /// whole output stays in the op's row.
    static let eventOutputCharacters = 1024

    let database: HubDatabase
    let events: EventLog

    /// The answer to issuing: `201 {"op_id", "seq", "expires_at"}`.
    struct Issued: Encodable, Sendable {
        let opID: String
        let seq: Int64
        let expiresAt: Timestamp
    }

    /// Issues an op to `hostID`: checks the host and the guests the arguments name,
    /// takes the next `seq`, signs and stores — all in one transaction, so a failure
    /// leaves no row and uses up no number.
    func issue(hostID: String, type: OpType, arguments: ValidatedArguments, ttlSeconds: Int, now: Date, key: SigningKey) async throws -> Issued {
        try await database.write { db in
            guard let host = try HostStore.host(hostID, in: db) else { throw HubError.notFound("no host \(hostID)") }
            // A revoked host fetches nothing any more: an op would only wait to expire.
            guard host.revokedAt == nil else { throw SignedOpsRefusal.hostRevoked(hostID) }
            if !arguments.guestVMIDs.isEmpty {
                let known = Set(try HostStore.guests(hostID: hostID, in: db).map(\.vmid))
                for vmid in arguments.guestVMIDs where !known.contains(vmid) {
                    throw OpType.invalid("args.vmid: \(vmid) is not a guest host \(hostID) has reported")
                }
            }
            let seq = try Self.nextSeq(hostID: hostID, in: db)
            let payload = OpPayload(
                opID: UUID().uuidString.lowercased(), hostID: hostID, seq: seq, type: type.name, args: arguments.values,
                issuedAt: Timestamp(now), expiresAt: Timestamp(now.addingTimeInterval(TimeInterval(ttlSeconds)))
            )
            let envelope = try DSSEEnvelope.sign(try WireJSON.encodeData(payload), payloadType: PayloadType.signedOp, with: key)
            try db.execute(
                sql: """
                    INSERT INTO signed_ops (op_id, host_id, customer_id, seq, type, args_json, issued_at, expires_at, keyid, envelope_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    payload.opID, hostID, host.customerID, seq, type.name, try WireJSON.encodeString(arguments.values),
                    payload.issuedAt, payload.expiresAt, key.keyID, try envelope.encoded(),
                ]
            )
            return Issued(opID: payload.opID, seq: seq, expiresAt: payload.expiresAt)
        }
    }

    static func nextSeq(hostID: String, in db: any DatabaseSession) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO signed_op_sequences (host_id, last_seq) VALUES (?, 1)
                ON CONFLICT(host_id) DO UPDATE SET last_seq = signed_op_sequences.last_seq + 1
                """,
            arguments: [hostID]
        )
        return try Int64.fetchOne(db, sql: "SELECT last_seq FROM signed_op_sequences WHERE host_id = ?", arguments: [hostID]) ?? 1
    }

    /// The stored envelopes of `hostID`'s pending ops that have not expired at `now`, in
    /// `seq` order.
    func pendingEnvelopes(hostID: String, now: Date) async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT envelope_json FROM signed_ops WHERE host_id = ? AND status = 'pending' AND expires_at > ? ORDER BY seq",
                arguments: [hostID, Timestamp(now)]
            )
        }
    }

    /// The host's ops for the operator, newest first; 404 for an unknown host.
    func list(hostID: String, status: OpRecord.Status?, limit: Int, now: Date) async throws -> OpList {
        try await database.read { db in
            guard try HostStore.host(hostID, in: db) != nil else { throw HubError.notFound("no host \(hostID)") }
            return OpList(ops: try OpListing.list(hostID: hostID, status: status, limit: limit, now: now, in: db))
        }
    }

    struct OpList: Encodable, Sendable {
        let ops: [OpListing]
    }

    /// Whether ``pendingEnvelopes(hostID:now:)`` would answer any.
    static func hasPending(hostID: String, now: Date, in db: any DatabaseSession) throws -> Bool {
        // Asked inside every host report's write: a prepared statement.
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM signed_ops WHERE host_id = ? AND status = 'pending' AND expires_at > ?)",
            arguments: [hostID, Timestamp.format(now)]
        ) ?? false
    }

    /// Closes `opID` with the agent's result. 404 `not_found` for an op that is not
    /// `hostID`'s (unknown, or another host's: the same answer, so ids leak nothing);
    /// 409 `op_closed` for one already finished or expired — an overdue op is expired
    /// here and then, with its `op_expired` event, as the checker would.
    func close(opID: String, hostID: String, result: OpResultBody, now: Date) async throws {
        let refusal = try await database.write { db -> HubError? in
            guard let op = try OpRecord.fetchOne(db, sql: "SELECT * FROM signed_ops WHERE op_id = ?", arguments: [opID]), op.hostID == hostID else {
                return .notFound("no op \(opID) for this host")
            }
            guard op.status == .pending else {
                return .conflict("op_closed", "op \(opID) is already \(op.status.rawValue)")
            }
            let now = Timestamp(now)
            guard op.expiresAt > now else {
                try expire(op, now: now, in: db)
                return .conflict("op_closed", "op \(opID) expired at \(op.expiresAt)")
            }
            try db.execute(
                sql: "UPDATE signed_ops SET status = ?, output = ?, closed_at = ? WHERE op_id = ? AND status = 'pending'",
                arguments: [result.outcome.rawValue, result.output, now, opID]
            )
            let type = result.outcome == .succeeded ? SignedOpsVocabulary.opSucceeded : SignedOpsVocabulary.opFailed
            var payload = Self.eventPayload(op)
            payload["output"] = .string(String(result.output.prefix(Self.eventOutputCharacters)))
            try events.record(EventDraft(customerID: op.customerID, type: type, subject: op.opID, payload: payload), in: db)
            return nil
        }
        if let refusal { throw refusal }
    }

    /// Expires every pending op whose `expires_at` has come; answers how many.
    @discardableResult
    func expireOverdue(now: Date) async throws -> Int {
        let now = Timestamp(now)
        return try await database.write { db in
            let overdue = try OpRecord.fetchAll(
                db, sql: "SELECT * FROM signed_ops WHERE status = 'pending' AND expires_at <= ? ORDER BY op_id", arguments: [now]
            )
            var expired = 0
            for op in overdue {
                if try expire(op, now: now, in: db) { expired += 1 }
            }
            return expired
        }
    }

    /// Moves a pending op to `expired` and records `op_expired` — once: an op no longer
    /// pending is left alone and answers false.
    @discardableResult
    func expire(_ op: OpRecord, now: Timestamp, in db: any DatabaseSession) throws -> Bool {
        try db.execute(
            sql: "UPDATE signed_ops SET status = 'expired', closed_at = ? WHERE op_id = ? AND status = 'pending'",
            arguments: [now, op.opID]
        )
        guard db.changesCount == 1 else { return false }
        var payload = Self.eventPayload(op)
        payload["expires_at"] = .string(op.expiresAt.text)
        try events.record(EventDraft(customerID: op.customerID, type: SignedOpsVocabulary.opExpired, subject: op.opID, payload: payload), in: db)
        return true
    }

    static func eventPayload(_ op: OpRecord) -> [String: JSONValue] {
        ["host_id": .string(op.hostID), "seq": .number(Double(op.seq)), "type": .string(op.type)]
    }
}
