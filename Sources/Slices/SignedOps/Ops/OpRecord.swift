import GRDB

/// One row of `signed_ops` as closing and expiring need it; the envelope stays in the
/// table and is only ever read as stored text.
struct OpRecord: Sendable, Equatable {
    enum Status: String, Sendable {
        case pending, succeeded, failed, expired
    }

    let opID: String
    let hostID: String
    let customerID: String
    let seq: Int64
    let type: String
    let status: Status
    let expiresAt: String

    static let columns = "op_id, host_id, customer_id, seq, type, status, expires_at"

    init(row: Row) {
        opID = row["op_id"]
        hostID = row["host_id"]
        customerID = row["customer_id"]
        seq = row["seq"]
        type = row["type"]
        status = Status(rawValue: row["status"]) ?? .expired
        expiresAt = row["expires_at"]
    }
}
