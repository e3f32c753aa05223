import HTTPTypes

/// A part of an earlier slice that a later slice takes over while the later one is
/// enabled: the route it answers in its stead, the checker it merges into its own, the
/// table whose pruning it replaces (after the cutover, `POST /api/v1/report` writes
/// `guest_reports`, and the controller's route and prune of `reports` must not run).
///
/// The earlier slice stays unaware of it, as with ``FlagEffect``: dependencies point
/// forward. A slice may take over parts of the slices it requires only, and the kernel
/// refuses a takeover that names nothing they have (a misspelt path would otherwise
/// leave both routes, or neither, silently).
package enum SupersededPart: Sendable, Hashable, CustomStringConvertible {
    case route(HTTPRequest.Method, String)
    /// A ``Checker`` by its name.
    case checker(String)
    /// A ``PruneTarget`` by its table.
    case prunedTable(String)

    package var description: String {
        switch self {
        case .route(let method, let path): "route \(method.rawValue) \(path)"
        case .checker(let name): "checker \(name)"
        case .prunedTable(let table): "pruned table \(table)"
        }
    }
}

/// The takeovers of the enabled slices, applied to what the slices contribute.
struct Supersessions: Sendable {
    /// Each part taken over, with the slice that takes it.
    private let takers: [SupersededPart: String]
    private let resolver: SliceResolver

    init(enabled slices: [Slice], resolver: SliceResolver) {
        var takers: [SupersededPart: String] = [:]
        for slice in slices {
            for part in slice.supersedes { takers[part] = slice.name }
        }
        self.takers = takers
        self.resolver = resolver
    }

    /// `owned` without the parts another enabled slice takes over. Throws when a
    /// takeover of this kind matches nothing of the slices its taker requires.
    func keeping<Item>(_ owned: [(owner: String, item: Item)], part: (Item) -> SupersededPart?, kind: (SupersededPart) -> Bool) throws
        -> [(owner: String, item: Item)]
    {
        var kept: [(owner: String, item: Item)] = []
        var matched = Set<SupersededPart>()
        for (owner, item) in owned {
            guard let itemPart = part(item), let taker = takers[itemPart], taker != owner else {
                kept.append((owner, item))
                continue
            }
            guard prerequisites(of: taker).contains(owner) else {
                throw ConfigurationError("slice '\(taker)' takes over \(itemPart) of slice '\(owner)', which it does not require")
            }
            matched.insert(itemPart)
        }
        for (part, taker) in takers where kind(part) && !matched.contains(part) {
            throw ConfigurationError("slice '\(taker)' takes over \(part), which none of the slices it requires has")
        }
        return kept
    }

    /// Whether `owner` keeps `part` (no other enabled slice takes it over). For parts the
    /// catalogue check has already matched (pruned tables).
    func keeps(_ part: SupersededPart, of owner: String) -> Bool {
        takers[part].map { $0 == owner } ?? true
    }

    private func prerequisites(of name: String) -> Set<String> {
        resolver.catalogue.first { $0.name == name }.map(resolver.prerequisites(of:)) ?? []
    }
}
