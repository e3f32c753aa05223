import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pauses accepting for a moment when the process has run out of file descriptors,
/// instead of retrying `accept` in a tight loop.
///
/// When `accept` fails with `EMFILE` (or `ENFILE`, `ENOBUFS`, `ENOMEM`) the waiting
/// connection stays queued, so the listening socket stays readable. SwiftNIO's own
/// `AcceptBackoffHandler` only delays the *next* read request, but after a failed
/// accept NIO keeps its read request pending and the socket registered, so the event
/// loop wakes and fails again thousands of times a second, spinning a core. This
/// handler, first on the listening channel, turns reading off (which unregisters the
/// socket) and back on after ``pause``. The shortage is logged at most once every
/// ``warningInterval``, with how many pauses there were, so a flood does not also
/// flood the log.
final class DescriptorExhaustionBackoff: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    static let pause = TimeAmount.milliseconds(50)
    static let warningInterval = TimeAmount.seconds(30)
    private let logger: Logger
    private var resume: Scheduled<Void>?
    private var lastWarning: NIODeadline?
    private var pausesSinceWarning = 0

    init(logger: Logger) {
        self.logger = logger
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let failure = error as? IOError, [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(failure.errnoCode) else {
            context.fireErrorCaught(error)
            return
        }
        guard resume == nil, let options = context.channel.syncOptions else { return }
        pausesSinceWarning += 1
        let now = NIODeadline.now()
        if lastWarning.map({ now - $0 >= Self.warningInterval }) ?? true {
            logger.warning("out of file descriptors: accepting connections in short pauses", metadata: [
                "error": "\(failure.description)", "pause_ms": .stringConvertible(Self.pause.nanoseconds / 1_000_000),
                "pauses": .stringConvertible(pausesSinceWarning),
            ])
            lastWarning = now
            pausesSinceWarning = 0
        }
        try? options.setOption(ChannelOptions.autoRead, value: false)
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        resume = context.eventLoop.scheduleTask(in: Self.pause) {
            let (handler, context) = loopBound.value
            handler.resume = nil
            try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: true)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        guard let pending = resume else { return }
        pending.cancel()
        resume = nil
        try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: true)
    }
}

@available(*, unavailable)
extension DescriptorExhaustionBackoff: Sendable {}
