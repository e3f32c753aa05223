/// Answers the addresses a DNS name stands for. The hub uses the system's resolver
/// (``SystemHostNameResolver``); a test answers from a table, so it decides what a
/// webhook's name resolves to.
protocol HostNameResolver: Sendable {
    /// Every address of `name`, in the order the resolver prefers; throws when there is
    /// none or the lookup failed.
    func addresses(of name: String) async throws -> [IPAddress]
}
