import ArgumentParser

/// A subcommand a later slice adds to a command group an earlier slice owns: enrollment
/// adds `revoke` to host-ingest's `hub hosts`. The group asks for its extensions when
/// its command tree is built, so the earlier slice never names the later one.
package struct CommandExtension: Sendable {
    /// The group's command name (`hosts`).
    package let group: String
    package let command: any ParsableCommand.Type

    package init(group: String, command: any ParsableCommand.Type) {
        self.group = group
        self.command = command
    }
}
