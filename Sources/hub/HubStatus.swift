import ControllerSlice
import Foundation
import HostIngestSlice
import Kernel

/// What `hub status` shows: one screen an operator reads to know whether the hub is
/// well — which slices and flags are live, how many customers, how many hosts and
/// controllers have gone quiet, what happened last, and whether webhook deliveries
/// are backing up. Sections of a disabled slice are `null`.
struct HubStatus: Encodable {
    struct SliceLine: Encodable, Equatable {
        let name: String
        let enabled: Bool
        let migrationsApplied: Int
        let migrations: Int

        enum CodingKeys: String, CodingKey {
            case name, enabled, migrations
            case migrationsApplied = "migrations_applied"
        }
    }

    struct DatabaseFiles: Encodable, Equatable {
        let sizeBytes: Int64
        let walBytes: Int64

        enum CodingKeys: String, CodingKey {
            case sizeBytes = "size_bytes"
            case walBytes = "wal_bytes"
        }
    }

    let version: String
    let dataDirectory: String
    let at: String
    let slices: [SliceLine]
    let flags: [FlagState]
    let customers: CustomerCounts?
    let controllers: StalenessCensus?
    let hosts: StalenessCensus?
    let outbox: OutboxBacklog?
    let lastEvents: [Event]
    let database: DatabaseFiles

    enum CodingKeys: String, CodingKey {
        case version, at, slices, flags, customers, controllers, hosts, outbox, database
        case dataDirectory = "data_directory"
        case lastEvents = "last_events"
    }

    /// Reads everything from `runtime`'s database in one consistent snapshot (events
    /// apart), `eventCount` newest events included.
    static func gather(from runtime: HubRuntime, eventCount: Int = 10) async throws -> HubStatus {
        let now = runtime.clock.now()
        let enabled = Set(runtime.slices.map(\.name))
        let configuration = runtime.configuration
        let reports = try await runtime.sliceReports()
        let controllerOn = enabled.contains(ControllerVocabulary.sliceName)
        let hostsOn = enabled.contains(HostIngestVocabulary.sliceName)
        let (customers, controllers, outbox, hosts) = try await runtime.database.pool.read { db in
            (
                controllerOn ? try CustomerCounts.read(in: db) : nil,
                controllerOn ? try ControllerCensus.count(in: db, now: now, configuration: configuration) : nil,
                controllerOn ? try OutboxBacklog.read(in: db) : nil,
                hostsOn ? try HostCensus.count(in: db, now: now, configuration: configuration) : nil
            )
        }
        return HubStatus(
            version: runtime.version,
            dataDirectory: configuration.dataDirectory.path,
            at: Timestamp.format(now),
            slices: reports.map { report in
                SliceLine(
                    name: report.name, enabled: report.enabled,
                    migrationsApplied: report.migrations.filter { $0.appliedAt != nil }.count, migrations: report.migrations.count
                )
            },
            flags: reports.flatMap(\.flags),
            customers: customers,
            controllers: controllers,
            hosts: hosts,
            outbox: outbox,
            lastEvents: try await runtime.events.latest(limit: eventCount),
            database: DatabaseFiles(
                sizeBytes: Self.fileSize(configuration.databaseFile.path),
                walBytes: Self.fileSize(configuration.databaseFile.path + "-wal")
            )
        )
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
