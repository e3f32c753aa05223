import ArgumentParser
import HubCommandLine
import Kernel

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending migrations of the enabled slices."
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print the plan and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Also run destructive migrations, after a backup into $HUB_DATA_DIR/backups/.")
    var allowDestructive = false

    func run() async throws {
        try await common.withRuntime(migrate: false) { runtime in
            if dryRun {
                let plan = try await runtime.migrator.plan()
                Console.line(plan.isEmpty ? "nothing to apply" : "would apply:")
                for step in plan {
                    Console.line("  \(step.migration.id)  (\(step.owner), \(step.migration.kind.rawValue))")
                }
                return
            }
            let applied = try await runtime.migrator.migrate(allowDestructive: allowDestructive)
            Console.line(applied.isEmpty ? "nothing to apply" : "applied:")
            for step in applied {
                Console.line("  \(step.migration.id)  (\(step.owner), \(step.migration.kind.rawValue))")
            }
        }
    }
}
