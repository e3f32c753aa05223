import Hummingbird
import NIOCore

/// The kernel's request context: Hummingbird's basic one and the address of the peer
/// that sent the request, which limits on failed attempts count by.
package struct HubRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The peer; `nil` when the channel has none (the router driven directly in tests).
    package let peer: SocketAddress?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
    }
}
