import Foundation
import GRDB
import Kernel

/// An op as the operator lists it (`GET /api/v1/admin/hosts/{host_id}/ops`): every member
/// the contract names, `closed_at` and `output` as `null` while there are none. A pending
/// op past its expiry is listed `expired` already, as the expiry checker will record it.
struct OpListing: Sendable, Encodable, SnakeCaseRecord {
    let opID: String
    let seq: Int64
    let type: String
    let argsJSON: String
    let status: String
    let issuedAt: Timestamp
    let expiresAt: Timestamp
    let closedAt: Timestamp?
    let output: String?

    enum Member: String, CodingKey {
        case opID = "op_id", seq, type, args, status, issuedAt = "issued_at", expiresAt = "expires_at", closedAt = "closed_at", output
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Member.self)
        try container.encode(opID, forKey: .opID)
        try container.encode(seq, forKey: .seq)
        try container.encode(type, forKey: .type)
        try container.encode(try JSONDecoder().decode(JSONValue.self, from: Data(argsJSON.utf8)), forKey: .args)
        try container.encode(status, forKey: .status)
        try container.encode(issuedAt, forKey: .issuedAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(closedAt, forKey: .closedAt)
        try container.encode(output, forKey: .output)
    }

    /// The host's ops, newest first, at most `limit`, only those in `status` when given.
    static func list(hostID: String, status: OpRecord.Status?, limit: Int, now: Date, in db: any DatabaseSession) throws -> [OpListing] {
        try OpListing.fetchAll(db, sql: """
            SELECT * FROM (
                SELECT op_id, seq, type, args_json,
                    CASE WHEN status = 'pending' AND expires_at <= ? THEN 'expired' ELSE status END AS status,
                    issued_at, expires_at, closed_at, output
                FROM signed_ops WHERE host_id = ?
            ) AS ops WHERE CAST(? AS TEXT) IS NULL OR status = ?
            ORDER BY seq DESC LIMIT ?
            """, arguments: [Timestamp(now), hostID, status?.rawValue, status?.rawValue, limit])
    }
}
