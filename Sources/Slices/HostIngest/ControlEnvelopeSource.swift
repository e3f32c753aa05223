import GRDB
import Kernel

/// A slice that has something to tell hosts through the envelope registers one of these
/// under ``HostIngestSlice/envelopeSources`` while it is assembled.
package protocol ControlEnvelopeSource: Sendable {
    /// Whether this source speaks for the hosts of `customerID` at all (a cohort flag,
    /// say). Asked before the report's transaction.
    func applies(toCustomer customerID: String) async throws -> Bool

    /// Values of its ``EnvelopeField``s for one host, read inside the report's
    /// transaction; a field it leaves out keeps its placeholder.
    func fields(forHost hostID: String, in db: any DatabaseSession) throws -> [String: EnvelopeValue]
}
