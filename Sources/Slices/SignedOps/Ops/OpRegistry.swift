/// The op types the hub issues. An agent that does not know a type rejects the op; the
/// hub refuses to issue a type that is not here (400 `invalid_op`).
enum OpRegistry {
    static let types: [OpType] = [
        OpType(name: "restart_guest", arguments: [OpArgument(name: "vmid", kind: .guestVMID, required: true)]),
        OpType(name: "reboot_host", arguments: []),
        OpType(name: "run_backup", arguments: [OpArgument(name: "vmid", kind: .guestVMID, required: false)]),
        OpType(name: "upgrade_agent", arguments: [OpArgument(name: "version", kind: .version, required: true)]),
    ]

    static func type(named name: String) -> OpType? {
        types.first { $0.name == name }
    }
}
