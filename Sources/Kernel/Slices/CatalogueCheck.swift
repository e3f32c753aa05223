/// The catalogue checked before the hub starts: every name a slice declares must be its
/// own, and every `requires` must lead somewhere without going round in circles. A
/// mistake stops the start (exit status 2) with one line naming both owners, so two
/// slices that each work alone cannot quietly shadow each other when combined.
///
/// Checked over the whole catalogue, enabled or not: a clash must not wait for the day an
/// operator switches the second slice on. Routes are known only once the enabled slices
/// are assembled, so ``routes(_:)`` runs then.
package struct CatalogueCheck: Sendable {
    package let resolver: SliceResolver
    /// Names the kernel or the executable itself owns, as `owner` → names.
    let kernelMigrations: [String]
    let kernelMetrics: [String]

    package init(resolver: SliceResolver, kernelMigrations: [String], kernelMetrics: [String] = KernelMetrics.all.map(\.name)) {
        self.resolver = resolver
        self.kernelMigrations = kernelMigrations
        self.kernelMetrics = kernelMetrics
    }

    /// Everything declared statically; `commands` are the executable's own subcommand
    /// names, which no slice may take.
    package func declarations(commands: [String] = []) throws {
        let catalogue = resolver.catalogue
        try unique("slice", catalogue.map { ($0.name, "the catalogue") })
        try unique("migration", kernelMigrations.map { ($0, "kernel") } + catalogue.flatMap { slice in slice.migrations.map { ($0.id, slice.name) } })
        try unique("flag", catalogue.flatMap { slice in slice.flags.map { ($0.name, slice.name) } })
        try unique("event type", catalogue.flatMap { slice in slice.eventTypes.map { ($0, slice.name) } })
        try unique("metric", kernelMetrics.map { ($0, "kernel") } + catalogue.flatMap { slice in slice.metrics.map { ($0.name, slice.name) } })
        try unique("setting", catalogue.flatMap { slice in slice.settings.map { ($0.name, slice.name) } })
        try unique("status section", catalogue.flatMap { slice in slice.statusSections.map { ($0.key, slice.name) } })
        try unique(
            "command",
            commands.map { ($0, "the executable") } + catalogue.flatMap { slice in slice.commands.map { ($0._commandName, slice.name) } }
        )
        try unique("takeover of", catalogue.flatMap { slice in slice.supersedes.map { ($0.description, slice.name) } })
        try requirements()
        try flagEffects()
        try prunedTableTakeovers()
    }

    /// Routes of the assembled slices: one owner per method and path.
    package func routes(_ owned: [(owner: String, route: SliceRoute)]) throws {
        try unique("route", owned.map { ("\($0.route.method.rawValue) \($0.route.path)", $0.owner) })
    }

    private func unique(_ what: String, _ names: [(name: String, owner: String)]) throws {
        var owners: [String: String] = [:]
        for (name, owner) in names {
            if let first = owners[name] {
                throw ConfigurationError("\(what) '\(name)' is declared by both \(first) and \(owner)")
            }
            owners[name] = owner
        }
    }

    private func requirements() throws {
        let names = Set(resolver.catalogue.map(\.name))
        for slice in resolver.catalogue {
            for required in slice.requires where !names.contains(required) {
                throw ConfigurationError("slice '\(slice.name)' requires '\(required)', which no slice of the catalogue is")
            }
            if resolver.prerequisites(of: slice).contains(slice.name) {
                throw ConfigurationError("slice '\(slice.name)' requires itself through \(slice.requires.joined(separator: ", "))")
            }
        }
    }

    /// A pruned table may be taken over only from a slice required: routes and checkers
    /// are matched when the hub is assembled (``Supersessions``), tables here.
    private func prunedTableTakeovers() throws {
        for slice in resolver.catalogue {
            let reachable = resolver.prerequisites(of: slice)
            for case .prunedTable(let table) in slice.supersedes {
                guard resolver.catalogue.contains(where: { reachable.contains($0.name) && $0.prunedTables.contains { $0.table == table } }) else {
                    throw ConfigurationError("slice '\(slice.name)' takes over pruned table \(table), which none of the slices it requires prunes")
                }
            }
        }
    }

    /// A slice may change only the flags of slices it requires: dependencies point
    /// forward, so the flag's slice is always there when the effect applies.
    private func flagEffects() throws {
        for slice in resolver.catalogue {
            let reachable = resolver.prerequisites(of: slice)
            for effect in slice.flagEffects {
                guard let owner = resolver.catalogue.first(where: { $0.flags.contains { $0.name == effect.flag } }) else {
                    throw ConfigurationError("slice '\(slice.name)' has an effect on flag '\(effect.flag)', which no slice declares")
                }
                guard reachable.contains(owner.name) else {
                    throw ConfigurationError(
                        "slice '\(slice.name)' has an effect on flag '\(effect.flag)' of slice '\(owner.name)', which it does not require"
                    )
                }
            }
        }
    }
}
