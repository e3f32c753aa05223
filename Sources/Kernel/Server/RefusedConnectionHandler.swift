import NIOCore

/// Answers a connection over the cap (``ConnectionCount``) with `503`, `Retry-After`
/// and `Connection: close`, then closes it — at once, instead of leaving it queued
/// unserved while it holds a descriptor and the client waits for nothing.
///
/// After the answer the hub stops sending and waits a moment for the client to hang
/// up, reading and dropping whatever request it sent: closing a socket with unread
/// bytes makes the kernel reset the connection, and a reset can destroy the answer
/// before the client reads it. Only a few refused connections wait like that at a time
/// (``lingering``); beyond them the hub closes straight after the answer, so a flood
/// of connections cannot hold the descriptors the cap keeps free.
final class RefusedConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The refusal, as bytes on the wire.
    static let answer: ByteBuffer = {
        let body = ErrorBody(
            error: "busy", message: "the hub is serving as many connections as it allows; retry in \(retryAfterSeconds) seconds"
        )
        let json = (try? WireJSON.encode(body)) ?? ByteBuffer(string: #"{"error":"busy"}"#)
        var bytes = ByteBuffer(string: """
            HTTP/1.1 503 Service Unavailable\r
            Content-Type: application/json; charset=utf-8\r
            Content-Length: \(json.readableBytes)\r
            Retry-After: \(retryAfterSeconds)\r
            Connection: close\r
            \r

            """)
        bytes.writeImmutableBuffer(json)
        return bytes
    }()
    static let retryAfterSeconds = 5
    /// How long a refused client is given to hang up after reading the answer.
    static let grace = TimeAmount.seconds(1)

    private let lingering: ConnectionCount
    private var answered = false
    private var isLingering = false
    private var graceEnd: Scheduled<Void>?

    init(lingering: ConnectionCount) {
        self.lingering = lingering
    }

    /// The handler is added while the connection is set up, before it is active.
    func channelActive(context: ChannelHandlerContext) {
        refuse(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The refused request is read only to be dropped.
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        graceEnd?.cancel()
        graceEnd = nil
        if isLingering {
            isLingering = false
            lingering.release()
        }
        context.fireChannelInactive()
    }

    private func refuse(_ context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(Self.answer), promise: written)
        guard lingering.admit() else {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
            return
        }
        isLingering = true
        context.close(mode: .output, promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        graceEnd = context.eventLoop.scheduleTask(in: Self.grace) { loopBound.value.close(promise: nil) }
    }
}

@available(*, unavailable)
extension RefusedConnectionHandler: Sendable {}
