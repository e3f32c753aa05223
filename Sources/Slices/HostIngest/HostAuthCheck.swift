import Kernel

/// `checkAuthHost`: who may report for which host.
///
/// A host key reports for its own host only (403 `host_mismatch` otherwise). The global
/// key may report for any existing host while `global_key_bootstrap` is on, and is
/// refused as if unknown (401) when it is off. Other keys are not ok.
package enum HostAuthCheck {
    package enum Outcome: Sendable, Equatable {
        /// A host key for its own host.
        case host(hostID: String, customerID: String)
        /// The global key naming a host that still has to be found.
        case globalBootstrap(hostID: String)
    }

    /// Decides before the body is read: whether this principal may report at all.
    package static func admits(_ principal: Principal, bootstrapAllowed: Bool) -> Bool {
        switch principal.kind {
        case HostIngestVocabulary.hostKind: true
        case .global: bootstrapAllowed
        default: false
        }
    }

    /// Decides once the body names its host.
    package static func check(_ principal: Principal, bodyHostID: String, bootstrapAllowed: Bool) throws -> Outcome {
        switch principal.kind {
        case HostIngestVocabulary.hostKind:
            guard principal.id == bodyHostID, let customerID = principal.customerID else {
                throw HubError(.forbidden, "host_mismatch", "host_id does not match this key's host")
            }
            return .host(hostID: principal.id, customerID: customerID)
        case .global where bootstrapAllowed:
            return .globalBootstrap(hostID: bodyHostID)
        default:
            throw HubError.unauthorized
        }
    }
}
