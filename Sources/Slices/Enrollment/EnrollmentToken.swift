import Foundation
import GRDB
import Kernel

/// An enrollment token as listed: everything but the token, which only its hash stands
/// for once it was shown.
package struct EnrollmentToken: Sendable, Equatable, SnakeCaseRecord, TableRecord, Encodable {
    package static let databaseTableName = "enrollment_tokens"
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["token_hash"])] }

    package let tokenID: String
    package let customerID: String
    package let label: String?
    package let createdAt: Timestamp
    package let expiresAt: Timestamp
    /// How many hosts the token may enroll, and how many it has.
    package let uses: Int
    package let used: Int
    package let revokedAt: Timestamp?

    /// Every field, `null` included: a listing names each one (``WireJSON`` writes the
    /// names in snake_case, as the database reads them).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tokenID, forKey: .tokenID)
        try container.encode(customerID, forKey: .customerID)
        try container.encode(label, forKey: .label)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(uses, forKey: .uses)
        try container.encode(used, forKey: .used)
        try container.encode(revokedAt, forKey: .revokedAt)
    }
}
