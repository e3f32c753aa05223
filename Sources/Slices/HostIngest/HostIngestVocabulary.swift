import Kernel

/// The names host-ingest registers: its flags, key kind and event types.
package enum HostIngestVocabulary {
    package static let sliceName = "host-ingest"

    /// `POST /api/v1/admin/hosts` is served. Provisional: a later slice that enrolls hosts
    /// replaces it (and defaults it off, see ``Kernel/FlagEffect``).
    package static let adminMint = "admin_mint"
    /// The global key is accepted on `/api/v1/host-report` for an existing host.
    package static let globalKeyBootstrap = "global_key_bootstrap"

    static let flags: [FlagDefinition] = [
        FlagDefinition(name: adminMint, summary: "provisional POST /api/v1/admin/hosts is served", default: true),
        FlagDefinition(name: globalKeyBootstrap, summary: "the global key is accepted on /api/v1/host-report", default: true),
    ]

    package static let hostKind: PrincipalKind = "host"

    /// `hub hosts`, which later slices may add subcommands to.
    package static let hostsCommandGroup = "hosts"

    package static let stalenessChecker = "host_staleness"
    static let stalenessPrefix = "host"
    static let eventTypes = HostCensus.watch.eventTypes
}
