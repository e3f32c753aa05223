import Foundation

/// A posted HTML form (`application/x-www-form-urlencoded`): every field with all its
/// values, in order, since checkboxes of one name repeat it.
package struct FormFields: Sendable, Equatable {
    private let values: [(name: String, value: String)]

    package init(_ values: [(name: String, value: String)] = []) {
        self.values = values
    }

    /// Reads a form body; `nil` when a percent escape is broken.
    package init?(urlEncoded text: String) {
        var values: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            values.append((name, value))
        }
        self.values = values
    }

    /// The first value of `name`, `nil` when absent.
    package subscript(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// Every value of `name`.
    package func all(_ name: String) -> [String] {
        values.filter { $0.name == name }.map(\.value)
    }

    /// The first value of `name` with surrounding spaces removed; `nil` when absent or empty.
    package func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every field, in order.
    package var pairs: [(name: String, value: String)] { values }

    package static func == (left: FormFields, right: FormFields) -> Bool {
        left.values.map(\.name) == right.values.map(\.name) && left.values.map(\.value) == right.values.map(\.value)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
