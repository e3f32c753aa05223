/// Who a request's key belongs to.
///
/// `kind` names the strategy that recognised the key (`global`, `customer`, `host`, …);
/// `id` is the identity bound to the key within that kind; `customerID` is the
/// customer it acts for, when it acts for one.
package struct Principal: Sendable, Equatable {
    package let kind: PrincipalKind
    package let id: String
    package let customerID: String?

    package init(kind: PrincipalKind, id: String, customerID: String?) {
        self.kind = kind
        self.id = id
        self.customerID = customerID
    }

    /// How audit rows and logs name the key: its kind and identity, never key material.
    package var auditName: String { "\(kind.rawValue):\(id)" }

    package var isGlobal: Bool { kind == .global }
}

/// A kind of key. Slices add their own (`PrincipalKind("host")`).
package struct PrincipalKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }
    package init(_ value: String) { self.rawValue = value }

    package static let global: PrincipalKind = "global"
}
