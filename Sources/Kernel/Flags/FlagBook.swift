import Foundation
import GRDB
import Synchronization

/// Resolves flags: code default, then `HUB_FLAGS`, then the persisted runtime value.
///
/// Runtime values are cached and reloaded whenever the ``ChangeBeacon`` moves, so a
/// change made through the admin API or `hub flags set` applies from the next request.
/// Every runtime change is audited with who made it and the old and new value.
package final class FlagBook: Sendable {
    package struct Registered: Sendable {
        package let slice: String
        package let definition: FlagDefinition
    }

    private let registered: [String: Registered]
    private let order: [String]
    /// The kinds of effect the enabled slices have on each flag.
    private let effects: [String: Set<FlagEffect.Kind>]
    private let overrides: [String: Bool]
    private let database: HubDatabase
    private let beacon: ChangeBeacon
    /// Its own view of the beacon, so that a change made by another process reaches
    /// every reader of flags (checkers too), not only request handling.
    private let changes: ChangeBeacon
    private let clock: any HubClock
    /// Checks the customers a cohort names; without it no cohort can be set.
    private let cohortMembers: (any CohortMembers)?
    private let runtime = Mutex<[String: RuntimeValue]?>(nil)

    struct RuntimeValue: Sendable, Codable, Equatable {
        let enabled: Bool
        let customers: [String]
    }

    /// `flags` are those of the enabled slices, `effects` what the enabled slices do to
    /// them. `overrides` may also name flags of slices switched off (they are ignored);
    /// names no slice knows are refused earlier, by ``HubRuntime``, before the database is
    /// opened.
    package init(
        flags: [Registered], effects: [FlagEffect] = [],
        overrides: [String: Bool], database: HubDatabase, beacon: ChangeBeacon, clock: any HubClock,
        cohortMembers: (any CohortMembers)? = nil
    ) {
        var byName: [String: Registered] = [:]
        for flag in flags { byName[flag.definition.name] = flag }
        registered = byName
        order = flags.map(\.definition.name)
        self.effects = Dictionary(effects.map { ($0.flag, [$0.kind]) }, uniquingKeysWith: { $0.union($1) })
        self.overrides = overrides
        self.database = database
        self.beacon = beacon
        self.changes = beacon.observer()
        self.clock = clock
        self.cohortMembers = cohortMembers
    }

    /// Whether `name` is on, for `customerID` when the flag targets a cohort.
    /// An unregistered name is a programming error and throws.
    package func isEnabled(_ name: String, for customerID: String? = nil) async throws -> Bool {
        try await state(of: name).isEnabled(for: customerID)
    }

    package func state(of name: String) async throws -> FlagState {
        guard let flag = registered[name] else { throw FlagError.unknownFlag(name) }
        return resolve(flag, runtime: try await runtimeValues()[name])
    }

    /// Every flag of the enabled slices, in the order the slices declare them.
    package func states() async throws -> [FlagState] {
        let values = try await runtimeValues()
        return order.compactMap { registered[$0] }.map { resolve($0, runtime: values[$0.definition.name]) }
    }

    /// Persists a runtime value and its audit row in one transaction. Every customer of a
    /// cohort must exist (checked in the same transaction).
    @discardableResult
    package func set(_ name: String, enabled: Bool, customers: [String], actor: String) async throws -> FlagState {
        guard let flag = registered[name] else { throw FlagError.unknownFlag(name) }
        guard !isRetired(name) else { throw FlagError.retired(name) }
        guard customers.isEmpty || flag.definition.cohortCapable else { throw FlagError.notCohortCapable(name) }
        guard customers.isEmpty || enabled else { throw FlagError.cohortWhileOff(name) }
        let before = try await state(of: name)
        let value = RuntimeValue(enabled: enabled, customers: Array(Set(customers)).sorted())
        let now = Timestamp.format(clock.now())
        let cohortMembers = self.cohortMembers
        try await database.write { db in
            if !value.customers.isEmpty {
                let unknown = try cohortMembers?.unknown(value.customers, in: db) ?? value.customers
                guard unknown.isEmpty else { throw FlagError.unknownCustomers(name, unknown.sorted()) }
            }
            try db.execute(
                sql: """
                    INSERT INTO kernel_flags (name, enabled, customers_json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET enabled = excluded.enabled, customers_json = excluded.customers_json,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """,
                arguments: [name, enabled, try WireJSON.encodeString(value.customers), now, actor]
            )
            try db.execute(
                sql: "INSERT INTO kernel_flag_audit (flag, actor, old_value_json, new_value_json, changed_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, actor, try WireJSON.encodeString(AuditValue(before)), try WireJSON.encodeString(AuditValue(enabled: enabled, customers: value.customers)), now]
            )
        }
        runtime.withLock { $0 = nil }
        beacon.signal()
        return try await state(of: name)
    }

    /// The newest changes of the audit trail, newest first.
    package func auditTrail(limit: Int) async throws -> [FlagAuditEntry] {
        try await database.read { db in
            try FlagAuditEntry.fetchAll(
                db, sql: "SELECT flag, actor, old_value_json, new_value_json, changed_at FROM kernel_flag_audit ORDER BY id DESC LIMIT ?",
                arguments: [limit]
            )
        }
    }

    /// Forgets cached runtime values; the next question reloads them.
    private func reload() {
        runtime.withLock { $0 = nil }
    }

    private func resolve(_ flag: Registered, runtime value: RuntimeValue?) -> FlagState {
        let name = flag.definition.name
        if isRetired(name) {
            return FlagState(name: name, slice: flag.slice, enabled: false, customers: [], source: .retired)
        }
        if let value {
            return FlagState(name: name, slice: flag.slice, enabled: value.enabled, customers: value.customers, source: .runtime)
        }
        if let override = overrides[name] {
            return FlagState(name: name, slice: flag.slice, enabled: override, customers: [], source: .environment)
        }
        let defaultValue = flag.definition.defaultValue && effects[name]?.contains(.defaultsOff) != true
        return FlagState(name: name, slice: flag.slice, enabled: defaultValue, customers: [], source: .default)
    }

    private func isRetired(_ name: String) -> Bool {
        effects[name]?.contains(.retires) == true
    }

    private func runtimeValues() async throws -> [String: RuntimeValue] {
        if changes.hasChanged() { reload() }
        if let cached = runtime.withLock({ $0 }) { return cached }
        let loaded = try await database.read { db in
            var values: [String: RuntimeValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, enabled, customers_json FROM kernel_flags") {
                let customersJSON: String = row["customers_json"]
                let customers = (try? JSONDecoder().decode([String].self, from: Data(customersJSON.utf8))) ?? []
                values[row["name"]] = RuntimeValue(enabled: row["enabled"], customers: customers)
            }
            return values
        }
        runtime.withLock { $0 = loaded }
        return loaded
    }

    private struct AuditValue: Encodable {
        let enabled: Bool
        let customers: [String]
        init(enabled: Bool, customers: [String]) {
            self.enabled = enabled
            self.customers = customers
        }
        init(_ state: FlagState) {
            self.init(enabled: state.enabled, customers: state.customers)
        }
    }
}

package enum FlagError: Error, Equatable, CustomStringConvertible {
    case unknownFlag(String)
    case retired(String)
    case notCohortCapable(String)
    case cohortWhileOff(String)
    case unknownCustomers(String, [String])

    package var description: String {
        switch self {
        case .unknownFlag(let name): "unknown flag '\(name)'"
        case .retired(let name): "flag '\(name)' is retired and cannot be set"
        case .notCohortCapable(let name): "flag '\(name)' cannot target a list of customers"
        case .cohortWhileOff(let name): "flag '\(name)': a customer list only makes sense with enabled=true"
        case .unknownCustomers(let name, let ids): "flag '\(name)': no customer \(ids.map { "'\($0)'" }.joined(separator: ", "))"
        }
    }

    package var hubError: HubError {
        switch self {
        case .unknownFlag: .notFound(description)
        case .retired: .conflict("flag_retired", description)
        case .notCohortCapable, .cohortWhileOff: .badRequest("invalid_flag", description)
        case .unknownCustomers: .badRequest("unknown_customer", description)
        }
    }
}
