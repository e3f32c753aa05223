import Crypto
import Foundation
import GRDB

/// A SHA-256 over rows read in id order: each row's id, customer, receive time and raw
/// report, every field length-prefixed so no two different rows hash alike. Computed
/// over `reports` and over `guest_reports` with the same query shape; equal digests mean
/// every raw report arrived byte-for-byte, under its own id and customer.
struct ReportDigest: Equatable {
    let rows: Int
    let hex: String

    /// `query` yields `id, customer_id, received_at, raw_json` ordered by id.
    static func of(_ query: String, in db: Database, progress: (Int) throws -> Void) throws -> ReportDigest {
        var hasher = SHA256()
        var rows = 0
        let cursor = try Row.fetchCursor(db, sql: query)
        while let row = try cursor.next() {
            hasher.update(data: withUnsafeBytes(of: (row[0] as Int64).littleEndian) { Data($0) })
            for index in 1...3 {
                try row.withUnsafeData(atIndex: index) { field in
                    let field = field ?? Data()
                    hasher.update(data: withUnsafeBytes(of: UInt64(field.count).littleEndian) { Data($0) })
                    hasher.update(data: field)
                }
            }
            rows += 1
            if rows % ReportMove.batchRows == 0 { try progress(rows) }
        }
        return ReportDigest(rows: rows, hex: hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }
}
