import GRDB
import Kernel

/// A slice that has something to tell hosts through the envelope (signed ops, slice 4)
/// registers one of these under ``HostIngestSlice/controlSources``.
public protocol ControlEnvelopeSource: Sendable {
    /// Whether this source speaks for the hosts of `customerID` at all (a cohort flag,
    /// say). Asked before the report's transaction.
    func applies(toCustomer customerID: String) async throws -> Bool

    /// The facts for one host, read inside the report's transaction.
    func facts(forHost hostID: String, in db: Database) throws -> ControlFacts
}
