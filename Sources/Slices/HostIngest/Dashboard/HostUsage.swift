import Foundation
import GRDB
import Kernel

/// A host's reported CPU, memory and disk use over a window of time, averaged per
/// bucket of time (10 minutes over a day, an hour over a week) by the database: a week
/// of reports once a minute is 10,000 rows, a week of buckets 168.
struct HostUsage: Sendable, Equatable {
    /// The averages of the reports received in one bucket; `nil` where none of them
    /// carried that figure.
    struct Bucket: Sendable, Equatable {
        let start: Date
        let cpu: Double?
        let memory: Double?
        let disk: Double?
    }

    let buckets: [Bucket]

    /// The buckets of `bucketSeconds` (counted from 1970, so they fall on whole
    /// minutes and hours of UTC) from `since` on, oldest first; empty buckets are left out.
    ///
    /// The rows are found by the index on `(host_id, id)`, from the first report
    /// received at `since` on: reports are numbered in the order they are stored, within
    /// milliseconds of when they were received, so that id bounds the window and only
    /// the window's rows of this host are read. (A report stored out of that order in
    /// the very milliseconds the window starts may be left out: no chart could show it.)
    static func read(hostID: String, since: Date, bucketSeconds: Int, in db: any DatabaseSession) throws -> HostUsage {
        let since = Timestamp(since)
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(db.dialect.epochSeconds("received_at")) / ? AS bucket,
                AVG(cpu_percent) AS cpu, AVG(mem_percent) AS memory, AVG(disk_percent) AS disk
            FROM host_reports
            WHERE host_id = ?
                AND id >= (SELECT id FROM host_reports WHERE received_at >= ? ORDER BY received_at LIMIT 1)
                AND received_at >= ?
            GROUP BY bucket
            ORDER BY bucket
            """, arguments: [bucketSeconds, hostID, since, since])
        return HostUsage(buckets: rows.compactMap { row in
            guard let bucket: Int64 = row["bucket"] else { return nil }
            return Bucket(
                start: Date(timeIntervalSince1970: TimeInterval(bucket * Int64(bucketSeconds))),
                cpu: row["cpu"], memory: row["memory"], disk: row["disk"]
            )
        })
    }
}
