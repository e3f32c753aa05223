import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// What a connection's request handling has reached, told to the handlers in front of
/// the HTTP decoder (which see only bytes) as outbound user events.
enum RequestProgress: Sendable {
    /// A complete request head has been read.
    case headReceived
    /// The last byte of a response has been written.
    case responseFinished
}

/// Sits behind the HTTP decoder and reports each complete request head and each
/// finished response as a ``RequestProgress`` event towards the socket, where
/// ``RequestHeadDeadlineHandler`` keeps its clock.
///
/// It also closes the connection after a response that says `Connection: close`:
/// Hummingbird only honours that header when the *request* carries it, and a response
/// to a broken body or a refused request must not leave the connection open for a
/// next request that can never be read correctly.
final class RequestProgressSignal: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var closeAfterResponse = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestProgress.headReceived, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            if response.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            context.triggerUserOutboundEvent(RequestProgress.responseFinished, promise: nil)
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            let written = promise ?? context.eventLoop.makePromise()
            context.writeAndFlush(data, promise: written)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }
}

@available(*, unavailable)
extension RequestProgressSignal: Sendable {}
