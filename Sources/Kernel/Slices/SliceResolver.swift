/// Decides which slices run, from the catalogue the executable knows and the names
/// the operator asked for, and orders them so that every slice comes after the slices
/// it requires.
package struct SliceResolver: Sendable {
    package let catalogue: [Slice]

    package init(catalogue: [Slice]) {
        self.catalogue = catalogue
    }

    /// The slices that run when `HUB_SLICES` is not set: those the catalogue marks
    /// ``Slice/enabledByDefault``.
    package var defaultNames: [String] {
        catalogue.filter(\.enabledByDefault).map(\.name)
    }

    /// The enabled slices in dependency order; throws a ``ConfigurationError`` naming an
    /// unknown slice or a missing prerequisite.
    package func resolve(_ requested: [String]?) throws -> [Slice] {
        let names = requested ?? defaultNames
        var seen = Set<String>()
        for name in names {
            guard catalogue.contains(where: { $0.name == name }) else {
                let known = catalogue.map(\.name).joined(separator: ", ")
                throw ConfigurationError("unknown slice '\(name)' in HUB_SLICES (known: \(known))")
            }
            guard seen.insert(name).inserted else {
                throw ConfigurationError("slice '\(name)' is named twice in HUB_SLICES")
            }
        }
        let enabled = catalogue.filter { seen.contains($0.name) }
        for slice in enabled {
            for required in slice.requires where !seen.contains(required) {
                throw ConfigurationError(
                    requested == nil
                        ? "slice '\(slice.name)' is on by default but requires slice '\(required)', which is not"
                        : "slice '\(slice.name)' requires slice '\(required)', which is not enabled"
                )
            }
        }
        return Self.dependencyOrder(enabled)
    }

    /// Every catalogue slice in dependency order, for listing.
    package var orderedCatalogue: [Slice] { Self.dependencyOrder(catalogue) }

    /// Every slice `slice` requires, directly or through others.
    func prerequisites(of slice: Slice) -> Set<String> {
        var found = Set<String>()
        var pending = slice.requires
        while let name = pending.popLast() {
            guard found.insert(name).inserted, let required = catalogue.first(where: { $0.name == name }) else { continue }
            pending.append(contentsOf: required.requires)
        }
        return found
    }

    static func dependencyOrder(_ slices: [Slice]) -> [Slice] {
        var ordered: [Slice] = []
        var placed = Set<String>()
        var remaining = slices.sorted { $0.number < $1.number }
        while !remaining.isEmpty {
            let names = Set(remaining.map(\.name))
            guard let next = remaining.firstIndex(where: { slice in
                slice.requires.allSatisfy { placed.contains($0) || !names.contains($0) }
            }) else {
                ordered.append(contentsOf: remaining)
                break
            }
            placed.insert(remaining[next].name)
            ordered.append(remaining.remove(at: next))
        }
        return ordered
    }
}
