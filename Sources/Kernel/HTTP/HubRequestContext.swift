import Hummingbird
import NIOCore

/// The kernel's request context: Hummingbird's basic one and the address of the peer
/// that sent the request, which limits on failed attempts count by.
package struct HubRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The peer's IP address without its port; `nil` when the channel has none (a Unix
    /// socket, or the router driven directly in tests).
    package let clientAddress: String?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
