import Foundation
import Kernel

/// What `hub status` shows: one screen an operator reads to know whether the hub is
/// well — which slices and flags are live, what each slice reports of itself (its
/// ``StatusSection``s: customers, hosts and controllers by state, the webhook backlog…),
/// what happened last. Sections of a slice that is switched off are `null` in the JSON.
struct HubStatus: Encodable {
    struct SliceLine: Encodable, Equatable {
        let name: String
        let enabled: Bool
        let migrationsApplied: Int
        let migrations: Int
    }

    struct DatabaseFiles: Encodable, Equatable {
        let sizeBytes: Int64
        let walBytes: Int64
    }

    /// One slice section as read, or `nil` for a slice that is off.
    struct Section {
        let key: String
        let label: String
        let reading: StatusReading?
    }

    let version: String
    let dataDirectory: String
    let at: Timestamp
    let slices: [SliceLine]
    let flags: [FlagState]
    let sections: [Section]
    let lastEvents: [Event]
    let database: DatabaseFiles

    /// Reads everything from `runtime`'s database in one consistent snapshot (events
    /// apart), `eventCount` newest events included.
    static func gather(from runtime: HubRuntime, eventCount: Int = 10) async throws -> HubStatus {
        let context = StatusContext(now: runtime.clock.now(), configuration: runtime.configuration)
        let enabled = Set(runtime.slices.map(\.name))
        let reports = try await runtime.sliceReports()
        let catalogue = runtime.resolver.orderedCatalogue
        let sections = try await runtime.database.read { db in
            try catalogue.flatMap { slice in
                try slice.statusSections.map { section in
                    Section(key: section.key, label: section.label, reading: enabled.contains(slice.name) ? try section.read(context, db) : nil)
                }
            }
        }
        let file = runtime.configuration.databaseFile.path
        return HubStatus(
            version: runtime.version,
            dataDirectory: runtime.configuration.dataDirectory.path,
            at: Timestamp(context.now),
            slices: reports.map { report in
                SliceLine(
                    name: report.name, enabled: report.enabled,
                    migrationsApplied: report.migrations.filter { $0.appliedAt != nil }.count, migrations: report.migrations.count
                )
            },
            flags: reports.flatMap(\.flags),
            sections: sections,
            lastEvents: try await runtime.events.latest(limit: eventCount),
            database: DatabaseFiles(sizeBytes: fileSize(file), walBytes: fileSize(file + "-wal"))
        )
    }

    /// The value a slice section read, by its key; `nil` for a slice that is off.
    func section(_ key: String) -> (any Encodable & Sendable)? {
        sections.first { $0.key == key }?.reading?.value
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(version, forKey: Key("version"))
        try container.encode(dataDirectory, forKey: Key("data_directory"))
        try container.encode(at, forKey: Key("at"))
        try container.encode(slices, forKey: Key("slices"))
        try container.encode(flags, forKey: Key("flags"))
        for section in sections {
            if let value = section.reading?.value {
                try container.encode(value, forKey: Key(section.key))
            } else {
                try container.encodeNil(forKey: Key(section.key))
            }
        }
        try container.encode(lastEvents, forKey: Key("last_events"))
        try container.encode(database, forKey: Key("database"))
    }
}
