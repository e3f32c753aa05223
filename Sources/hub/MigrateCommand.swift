import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending migrations of the enabled slices.",
        discussion: """
            A destructive migration (the cutover) runs only with --allow-destructive, after a backup \
            into $HUB_DATA_DIR/backups/; stop 'hub serve' first. --dry-run shows the plan, what it \
            would move and where the backup would go, and writes nothing.
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print the plan and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Also run destructive migrations, after a backup into $HUB_DATA_DIR/backups/.")
    var allowDestructive = false

    @Flag(name: .long, help: "Print JSON instead of lines.")
    var json = false

    func run() async throws {
        try await common.withRuntime(migrate: false, readOnly: dryRun) { runtime in
            if dryRun {
                try show(try await runtime.migrator.preview())
                return
            }
            // A hub serving the folder would write to what a destructive step drops.
            let destructivePending = try await runtime.migrator.plan().contains { $0.migration.kind == .destructive }
            let folderLock = allowDestructive && destructivePending ? try DataFolderLock.exclusive(runtime.configuration.dataDirectory) : nil
            let progress = ProgressLine()
            let applied = try await runtime.migrator.migrate(allowDestructive: allowDestructive) { progress.show($0) }
            progress.finish()
            withExtendedLifetime(folderLock) {}
            if json {
                try Console.json(JSONValue.object(["applied": .array(applied.map(\.json))]))
                return
            }
            Console.line(applied.isEmpty ? "nothing to apply" : "applied:")
            for step in applied {
                Console.line("  \(step.migration.id)  (\(step.owner), \(step.migration.kind.rawValue))")
            }
        }
    }

    /// The plan as one JSON object (`steps`, each procedure's counts under its owner's
    /// name, `backup`), or as lines.
    private func show(_ preview: Migrator.Preview) throws {
        let destructive = preview.steps.contains { $0.migration.kind == .destructive }
        if json {
            var object: [String: JSONValue] = [
                "steps": .array(preview.steps.map(\.json)),
                "backup": preview.backupFile.map { .string($0.path) } ?? .null,
                "destructive": .bool(destructive),
            ]
            for (owner, counts) in preview.procedures { object[owner] = counts.json }
            try Console.json(JSONValue.object(object))
            return
        }
        Console.line(preview.steps.isEmpty ? "nothing to apply" : "would apply:")
        for step in preview.steps {
            Console.line("  \(step.migration.id)  (\(step.owner), \(step.migration.kind.rawValue))")
        }
        for (owner, counts) in preview.procedures {
            Console.line("\(owner): \(counts.line)")
        }
        // An empty database takes its destructive steps at once: there is nothing to back up.
        if let backup = preview.backupFile {
            Console.line("backup before the destructive step: \(backup.path)")
            Console.line("destructive steps run only with: hub migrate --allow-destructive")
        }
    }
}

extension Migrator.Step {
    var json: JSONValue {
        .object(["id": .string(migration.id), "owner": .string(owner), "kind": .string(migration.kind.rawValue)])
    }
}
