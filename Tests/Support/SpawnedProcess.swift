import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard output and error written to
/// files (a pipe can fill up and stall the child), standard input from `/dev/null`, and no
/// other descriptor of the test process inherited.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3) sometimes crashes the whole test
/// process: it lists `/proc/self/fd` with a read past the end of a directory entry
/// (swiftlang/swift-corelibs-foundation#5472). The test suite starts hundreds of
/// children, so it would take CI down every few dozen runs; this does the same job
/// without that code.
package final class SpawnedProcess: Sendable {
    package let pid: pid_t
    private let exit = Mutex<Int32?>(nil)

    /// Starts `executable` (a path) with `arguments`; `environment` replaces the test
    /// process's own.
    package init(executable: String, arguments: [String], environment: [String: String], stdout: URL, stderr: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        Self.closeTheRest(&actions)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard failure == 0 else { throw SpawnFailed(executable: executable, code: failure) }
        self.pid = pid
    }

    /// Waits for the process to end: its exit status, or 128 + the signal that ended it
    /// (as a shell reports it).
    @discardableResult
    package func wait() -> Int32 {
        if let known = exit.withLock({ $0 }) { return known }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return record(status)
    }

    /// Whether the process still runs (it is reaped here once it has ended).
    package var isRunning: Bool {
        if exit.withLock({ $0 }) != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        record(status)
        return false
    }

    /// Asks the process to stop (SIGTERM) and waits for it.
    package func terminate() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        wait()
    }

    @discardableResult
    private func record(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        exit.withLock { $0 = code }
        return code
    }

    /// Closes every descriptor above standard error in the child, through glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare.
    private static func closeTheRest(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    package struct SpawnFailed: Error, CustomStringConvertible {
        package let executable: String
        package let code: Int32
        package var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }
}
