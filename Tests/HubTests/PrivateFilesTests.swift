import Foundation
import HubTestSupport
import Testing

/// The data folder holds the global key, the ops signing key and a database with
/// webhook secrets: no other local user may read any of it, at any moment — not even
/// in the instant between a file's creation and a `chmod`.
@Suite struct PrivateFilesTests {
    @Test func everyFileTheHubCreatesIsPrivateFromTheSystemCallThatCreatesIt() async throws {
        try await withDataDirectory { scratch in
            let data = scratch.appendingPathComponent("data")
            let trace = scratch.appendingPathComponent("trace.txt")
            let log = scratch.appendingPathComponent("hub.log")
            let hub = try ExternalProcess.hubExecutable().path
            // A permissive umask, as on many servers: only the modes the hub asks for count.
            let pidFile = scratch.appendingPathComponent("hub.pid")
            // The traced shell writes its pid and becomes the hub, so the hub (not strace,
            // which would detach and leave it running) is the one stopped.
            let script = """
                umask 022
                strace -f -qq -e trace=open,openat,creat,mkdir,mkdirat,link,linkat,rename,renameat,renameat2 -o "$1" \\
                    sh -c 'echo $$ > "$0"; exec "$1" serve 2>"$2"' "$4" "$2" "$3" &
                tracer=$!
                for _ in $(seq 600); do grep -q "hub serving" "$3" 2>/dev/null && break; kill -0 $tracer 2>/dev/null || break; sleep 0.1; done
                kill -TERM "$(cat "$4")"; wait $tracer
                """
            let outcome = try await ExternalProcess.run(
                "sh", ["-c", script, "sh", trace.path, hub, log.path, pidFile.path],
                environment: ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }.merging([
                    "HUB_DATA_DIR": data.path, "HUB_LISTEN": "127.0.0.1:0",
                ]) { $1 }
            )
            let hubLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(hubLog.contains("hub serving"), "the hub did not start (is strace installed?): \(outcome.stderr) \(hubLog)")
            let creations = try FileCreations(trace: String(contentsOf: trace, encoding: .utf8), inside: data.path)
            // Every file the slices create (the ops signing key, say) is checked below as well.
            for name in ["", "/hub.sqlite", "/hub.sqlite-wal", "/hub.sqlite-shm", "/global-api-key"] {
                #expect(creations.modes[data.path + name] != nil, "the trace shows no creation of \(data.path + name)")
            }
            for (path, mode) in creations.modes.sorted(by: { $0.key < $1.key }) {
                #expect(mode & 0o077 == 0, "\(path) was created with mode \(String(mode, radix: 8))")
            }
            for (path, mode) in try modesNow(under: data) {
                let expected = path == data.path ? 0o700 : 0o600
                #expect(mode == expected, "\(path) is mode \(String(mode, radix: 8)), not \(String(expected, radix: 8))")
            }
        }
    }

    @Test func databaseFilesAnEarlierVersionLeftOpenAreClosedAtTheNextStart() async throws {
        try await withDataDirectory { data in
            let migrated = try await HubProcess.run(["migrate"], dataDirectory: data)
            #expect(migrated.status == 0, "\(migrated.stderr)")
            for (path, _) in try modesNow(under: data) {
                try FileManager.default.setAttributes([.posixPermissions: path == data.path ? 0o755 : 0o644], ofItemAtPath: path)
            }
            let status = try await HubProcess.run(["status"], dataDirectory: data)
            #expect(status.status == 0, "\(status.stderr)")
            let files = try modesNow(under: data).filter { $0.0 != data.path }
            #expect(files.contains { $0.0.hasSuffix("/hub.sqlite") })
            for (path, mode) in files {
                #expect(mode == 0o600, "\(path) is still mode \(String(mode, radix: 8))")
            }
        }
    }

    /// The mode of the folder and of every file in it.
    func modesNow(under folder: URL) throws -> [(String, Int)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return try ([folder.path] + names.map { folder.appendingPathComponent($0).path }).map { path in
            (path, try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1)
        }
    }
}

/// Which mode each path got from the system call that created it, read from an
/// `strace -f` log: the first `open…(…O_CREAT…, mode)` or `mkdir…(…, mode)` naming the
/// path; a `link`/`rename` onto a path passes the mode of its source on.
struct FileCreations {
    private(set) var modes: [String: Int] = [:]

    init(trace: String, inside folder: String) throws {
        let open = /(?:open|openat|creat)\((?:AT_FDCWD, )?"([^"]+)", ([A-Z_|]+), (0[0-7]+)/
        let makeDirectory = /mkdir(?:at)?\((?:AT_FDCWD, )?"([^"]+)", (0[0-7]+)/
        let move = /(?:link|linkat|rename|renameat|renameat2)\((?:AT_FDCWD, )?"([^"]+)", (?:AT_FDCWD, )?"([^"]+)"/
        var allModes: [String: Int] = [:]
        for line in trace.split(separator: "\n") {
            if let match = line.firstMatch(of: open), match.output.2.contains("O_CREAT") {
                record(String(match.output.1), Int(match.output.3, radix: 8), into: &allModes)
            } else if let match = line.firstMatch(of: makeDirectory) {
                record(String(match.output.1), Int(match.output.2, radix: 8), into: &allModes)
            } else if let match = line.firstMatch(of: move) {
                record(String(match.output.2), allModes[String(match.output.1)], into: &allModes)
            }
        }
        modes = allModes.filter { $0.key == folder || $0.key.hasPrefix(folder + "/") }
    }

    private func record(_ path: String, _ mode: Int?, into modes: inout [String: Int]) {
        guard let mode, modes[path] == nil else { return }
        modes[path] = mode
    }
}
