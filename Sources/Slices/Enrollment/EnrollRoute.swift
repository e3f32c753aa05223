import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import Kernel
import SignedOpsSlice

/// `POST /api/v1/enroll` (no key): an installer's enrollment token becomes a host and
/// its key (agent protocol §7), with the ops keys the agent pins before its first op.
struct EnrollRoute: Sendable {
    static let bodyLimit = 4096
    /// The one answer for a token that is unknown, expired, revoked or used up, so that
    /// none of them tells an attacker more than the others.
    static let invalidToken = HubError(.unauthorized, "invalid_token", "the enrollment token is not valid")

    let database: HubDatabase
    let hosts: HostStore
    let events: EventLog
    let clock: any HubClock
    let limiter: FailureLimiter
    /// Signed-ops' key ring while that slice is enabled; without it there are no ops keys.
    let opsKeys: OpsKeyRing?
    let pollIntervalSeconds: Int

    struct Answer: Encodable {
        let hostID: String
        let customerID: String
        let apiKey: String
        let pollIntervalSeconds: Int
        let opsKeys: [OpsPublicKey.Entry]
    }

    var route: SliceRoute {
        SliceRoute(.post, "/api/v1/enroll", access: .open, bodyLimit: Self.bodyLimit) { request in
            let now = clock.now()
            if let wait = limiter.retryAfter(client: request.clientAddress, now: now) {
                throw HubError(
                    .tooManyRequests, "too_many_attempts", "too many failed enrollments from this address; retry in \(wait) s",
                    headers: [.retryAfter: "\(wait)"]
                )
            }
            do {
                let body = try request.decode(EnrollRequest.self, errorCode: "invalid_enrollment")
                let answer = try await enroll(body, now: now)
                return try .json(answer, status: .created)
            } catch {
                limiter.recordFailure(client: request.clientAddress, now: now)
                throw error
            }
        }
    }

    /// Uses the token and mints the host in one transaction: a refusal after the token
    /// was counted (its customer is blocked) gives the use back. The ops keys are read
    /// first: once the token is spent and the host minted, nothing may fail before the
    /// installer has its key.
    private func enroll(_ body: EnrollRequest, now: Date) async throws -> Answer {
        let tokenHash = APIKey.hash(body.token)
        let published = try await opsKeys?.publishedKeys().map(\.entry) ?? []
        let minted = try await database.write { db in
            guard let token = try TokenStore.use(tokenHash: tokenHash, now: Timestamp(now), in: db),
                  let customer = try CustomerDirectory().customer(token.customerID, in: db)
            else { throw Self.invalidToken }
            guard customer.status != .blocked else {
                throw HubError(.forbidden, "customer_blocked", "customer \(customer.customerID) is blocked; no host can enroll")
            }
            let minted = try hosts.mint(customerID: token.customerID, label: body.label ?? body.hostname, in: db)
            try events.record(EventDraft(
                customerID: token.customerID, type: EnrollmentVocabulary.hostEnrolled, subject: minted.host.hostID,
                payload: ["host_id": .string(minted.host.hostID), "hostname": .string(body.hostname), "token_id": .string(token.tokenID)]
            ), in: db)
            return minted
        }
        return Answer(
            hostID: minted.host.hostID, customerID: minted.host.customerID, apiKey: minted.apiKey,
            pollIntervalSeconds: pollIntervalSeconds, opsKeys: published
        )
    }
}
