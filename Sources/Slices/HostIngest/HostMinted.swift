/// The answer to minting a host: the only time its key leaves the hub.
public struct HostMinted: Sendable, Encodable {
    public let hostID: String
    public let apiKey: String

    public init(hostID: String, apiKey: String) {
        self.hostID = hostID
        self.apiKey = apiKey
    }
}
