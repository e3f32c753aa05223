import ServiceLifecycle

/// Runs `service` only while this process leads: started when it becomes leader,
/// cancelled when it stops leading, started again if it leads again. What every replica
/// runs beside the HTTP server for the work that must happen once per fleet.
package struct LeaderOnlyService: Service {
    let service: any Service
    let leadership: Leadership
    /// How often a follower looks whether it leads now; well under a tick.
    let pollInterval: Duration

    package init(_ service: any Service, leadership: Leadership, pollInterval: Duration = .milliseconds(100)) {
        self.service = service
        self.leadership = leadership
        self.pollInterval = pollInterval
    }

    package func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard leadership.isLeader else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                continue
            }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await service.run() }
                group.addTask {
                    while leadership.isLeader && !Task.isCancelled && !Task.isShuttingDownGracefully {
                        try? await Task.sleep(for: pollInterval)
                    }
                }
                // Whichever ends first (the service at shutdown, or the lead lost) ends both.
                await group.next()
                group.cancelAll()
            }
        }
    }
}
