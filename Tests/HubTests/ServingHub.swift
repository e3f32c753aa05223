import Foundation
import HubTestSupport
import Testing

/// `hub serve` running as a child process under a given descriptor limit, as an
/// operator's service manager would run it, with its log in a file and its port read
/// from that log.
final class ServingHub {
    let process: SpawnedProcess
    let log: URL
    private(set) var port = 0

    var pid: Int32 { process.pid }
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Starts the hub on a free loopback port with `environment` added and waits until
    /// it answers `/healthz`.
    init(dataDirectory: URL, descriptorLimit: Int, environment extra: [String: String]) async throws {
        log = dataDirectory.appendingPathComponent("serve.log")
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        environment["HUB_DATA_DIR"] = dataDirectory.path
        environment["HUB_LISTEN"] = "127.0.0.1:0"
        environment["HUB_GLOBAL_API_KEY"] = String(repeating: "d", count: 64)
        environment["HUB_TICK_SECONDS"] = "3600"
        environment.merge(extra) { $1 }
        // `exec` keeps the shell's process id, so `pid` is the hub's.
        process = try SpawnedProcess(
            executable: "/bin/sh", arguments: ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" serve", try ExternalProcess.hubExecutable().path],
            environment: environment, stdout: log, stderr: log
        )
        try await eventually("the hub to listen", seconds: 60) {
            guard process.isRunning else { throw Exited(log: logText) }
            guard let line = logText.split(separator: "\n").first(where: { $0.contains("listening on 127.0.0.1:") }),
                  let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            else { return false }
            self.port = port
            return true
        }
    }

    /// CPU seconds (user and system) the hub has used so far, from `/proc/<pid>/stat`.
    var cpuSeconds: Double {
        get throws {
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
            let fields = stat[stat.index(after: try #require(stat.lastIndex(of: ")")))...].split(separator: " ")
            let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
            return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        }
    }

    func stop() {
        process.terminate()
    }

    deinit {
        stop()
    }

    struct Exited: Error, CustomStringConvertible {
        let log: String
        var description: String { "hub serve exited early:\n\(log)" }
    }
}
