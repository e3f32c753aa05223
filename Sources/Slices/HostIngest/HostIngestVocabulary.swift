import Kernel

/// The names slice 3 registers: its flags, key kind and event types.
public enum HostIngestVocabulary {
    public static let sliceName = "host-ingest"

    /// `POST /api/v1/admin/hosts` is served. Provisional: enrollment replaces it.
    public static let adminMint = "admin_mint"
    /// The global key is accepted on `/api/v1/host-report` for an existing host.
    public static let globalKeyBootstrap = "global_key_bootstrap"

    static let flags: [FlagDefinition] = [
        FlagDefinition(
            name: adminMint, summary: "provisional POST /api/v1/admin/hosts is served",
            defaultValue: { !$0.contains("enrollment") }, isRetired: { $0.contains("cutover") }
        ),
        FlagDefinition(
            name: globalKeyBootstrap, summary: "the global key is accepted on /api/v1/host-report",
            defaultValue: { !$0.contains("enrollment") }, isRetired: { $0.contains("cutover") }
        ),
    ]

    public static let hostKind: PrincipalKind = "host"

    static let stalenessChecker = "host_staleness"
    static let stalenessPrefix = "host"
    static let eventTypes = DeadMansSwitch.eventTypes(prefix: stalenessPrefix)
}
