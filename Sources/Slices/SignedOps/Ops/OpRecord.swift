import GRDB
import Kernel

/// One row of `signed_ops` as closing and expiring need it; the envelope stays in the
/// table and is only ever read as stored text.
struct OpRecord: Sendable, Equatable, SnakeCaseRecord, TableRecord {
    enum Status: String, Sendable, Decodable {
        case pending, succeeded, failed, expired
    }

    static let databaseTableName = "signed_ops"
    /// The signed documents and the agent's output stay in the table.
    static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["args_json", "envelope_json", "output"])] }

    let opID: String
    let hostID: String
    let customerID: String
    let seq: Int64
    let type: String
    let status: Status
    let expiresAt: Timestamp
}
