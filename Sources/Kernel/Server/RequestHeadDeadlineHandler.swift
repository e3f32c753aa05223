import Logging
import NIOCore

/// Closes a connection that does not send a complete request head in time
/// (`HUB_HEADER_TIMEOUT_SECONDS`).
///
/// The clock starts when the connection is accepted and, on a kept-alive connection,
/// again with the first byte of each next request. It stops as soon as the head is
/// complete: a body that keeps arriving, however slowly, and a request being handled
/// are never cut by it (a body that stops altogether meets the idle timeout instead).
/// Without it, a client that connects and sends nothing, or a header a byte at a time,
/// holds a descriptor for ever.
///
/// It sits first in the pipeline, in front of the HTTP decoder, because only there can
/// it see the first bytes of a head the decoder has not finished; it learns of
/// complete heads and finished responses from ``RequestProgressSignal``.
final class RequestHeadDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private enum Phase {
        /// Waiting for the head of the first request, or of the next one after bytes of
        /// it arrived; the deadline is running.
        case awaitingHead
        /// Heads received whose responses are not finished yet.
        case handling(requests: Int)
        /// Between requests on a kept-alive connection: the idle timeout applies.
        case idle
    }

    private let timeout: TimeAmount
    private let logger: Logger
    private var phase = Phase.awaitingHead
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    /// The handler is added while the connection is set up, before it is active: the
    /// clock starts here.
    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClock()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .idle = phase {
            phase = .awaitingHead
            startClock(context)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch (progress, phase) {
        case (.headReceived, .handling(let requests)):
            phase = .handling(requests: requests + 1)
        case (.headReceived, _):
            stopClock()
            phase = .handling(requests: 1)
        case (.responseFinished, .handling(let requests)) where requests > 1:
            phase = .handling(requests: requests - 1)
        case (.responseFinished, _):
            phase = .idle
        }
        promise?.succeed()
    }

    private func startClock(_ context: ChannelHandlerContext) {
        guard deadline == nil, case .awaitingHead = phase else { return }
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            let (handler, context) = loopBound.value
            handler.deadline = nil
            guard case .awaitingHead = handler.phase else { return }
            handler.logger.debug("closing a connection that sent no complete request head in time", metadata: [
                "remote": "\(context.remoteAddress?.description ?? "-")",
            ])
            context.close(promise: nil)
        }
    }

    private func stopClock() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestHeadDeadlineHandler: Sendable {}
