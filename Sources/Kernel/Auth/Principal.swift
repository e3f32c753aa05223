/// Who a request's key belongs to.
///
/// `kind` names the strategy that recognised the key (`global`, `customer`, `host`, …);
/// `id` is the identity bound to the key within that kind; `customerID` is the
/// customer it acts for, when it acts for one.
public struct Principal: Sendable, Equatable {
    public let kind: PrincipalKind
    public let id: String
    public let customerID: String?

    public init(kind: PrincipalKind, id: String, customerID: String?) {
        self.kind = kind
        self.id = id
        self.customerID = customerID
    }

    /// How audit rows and logs name the key: its kind and identity, never key material.
    public var auditName: String { "\(kind.rawValue):\(id)" }

    public var isGlobal: Bool { kind == .global }
}

/// A kind of key. Slices add their own (`PrincipalKind("host")`).
public struct PrincipalKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(_ value: String) { self.rawValue = value }

    public static let global: PrincipalKind = "global"
}
