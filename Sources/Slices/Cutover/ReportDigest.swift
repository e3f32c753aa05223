import Crypto
import Foundation
import GRDB
import Kernel

/// A SHA-256 over rows read in id order: each row's id, customer, receive time and raw
/// report, every field length-prefixed so no two different rows hash alike. Computed
/// over `reports` and over `guest_reports` with the same query shape; equal digests mean
/// every raw report arrived byte-for-byte, under its own id and customer.
struct ReportDigest: Equatable {
    let rows: Int
    let hex: String

    /// Reads `table`'s `id, customer_id, received_at, raw_json` by id, a batch at a time.
    static func of(table: String, in db: any DatabaseSession, progress: (Int) throws -> Void) throws -> ReportDigest {
        var hasher = SHA256()
        var rows = 0
        var lastID: Int64 = 0
        while true {
            let batch = try Row.fetchAll(db, sql: """
                SELECT id, customer_id, received_at, raw_json FROM \(table) WHERE id > ? ORDER BY id LIMIT \(ReportMove.batchRows)
                """, arguments: [lastID])
            guard !batch.isEmpty else { break }
            for row in batch {
                let id: Int64 = row["id"]
                hasher.update(data: withUnsafeBytes(of: id.littleEndian) { Data($0) })
                for column in ["customer_id", "received_at", "raw_json"] {
                    let field = Data(((row[column] as String?) ?? "").utf8)
                    hasher.update(data: withUnsafeBytes(of: UInt64(field.count).littleEndian) { Data($0) })
                    hasher.update(data: field)
                }
                lastID = id
            }
            rows += batch.count
            try progress(rows)
        }
        return ReportDigest(rows: rows, hex: hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }
}
