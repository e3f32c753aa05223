/// Any JSON value, accepted without being built: for fields the hub only checks the
/// shape of and keeps in the raw body. Decoding a tree of ``JSONValue`` instead costs
/// a failed attempt per type per node, on the hottest path the hub has.
public struct UninspectedJSON: Decodable, Sendable {
    public init(from decoder: any Decoder) throws {}
}
