import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 connection handling with the hub's protections around it:
/// the connection cap (one over it is refused with `503` at once), the request-head
/// deadline, the idle timeout and closing after a `Connection: close` answer.
struct GuardedHTTP1Channel: ServerChildChannel {
    /// An accepted connection: served, or being refused.
    enum Connection: ServerChildChannelValue {
        case served(HTTP1Channel.Value)
        case refused(any Channel)

        var channel: any Channel {
            switch self {
            case .served(let served): served.channel
            case .refused(let channel): channel
            }
        }
    }

    let http: HTTP1Channel
    let limits: ServerLimits
    let connections: ConnectionCount
    let lingeringRefusals: ConnectionCount

    /// `responder` answers requests; `limits` says how long and how many.
    init(responder: @escaping HTTPChannelHandler.Responder, limits: ServerLimits, connectionCap: Int) {
        self.http = HTTP1Channel(
            responder: responder,
            configuration: .init(additionalChannelHandlers: [RequestProgressSignal()], idleTimeout: TimeAmount(limits.idleTimeout))
        )
        self.limits = limits
        self.connections = ConnectionCount(cap: connectionCap)
        self.lingeringRefusals = ConnectionCount(cap: Self.lingeringRefusalCap)
    }

    /// Refused connections that may wait for their client to hang up at one time. Kept
    /// well below the descriptors the cap leaves free, so that under a flood most
    /// refusals close at once and the queue of waiting connections drains quickly.
    static let lingeringRefusalCap = 4

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Connection> {
        guard connections.admit() else {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefusedConnectionHandler(lingering: lingeringRefusals))
                return .refused(channel)
            }
        }
        let connections = self.connections
        channel.closeFuture.whenComplete { _ in connections.release() }
        do {
            try channel.pipeline.syncOperations.addHandler(
                RequestHeadDeadlineHandler(timeout: TimeAmount(limits.headerTimeout), logger: logger)
            )
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger).map { .served($0) }
    }

    func handle(value: Connection, logger: Logger) async {
        guard case .served(let served) = value else { return }
        await http.handle(value: served, logger: logger)
    }
}
