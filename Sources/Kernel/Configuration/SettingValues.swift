import Foundation

/// The slices' settings as the operator gave them: the `HUB_…` variables of the
/// environment (and command-line overrides), read through typed ``Setting``s.
///
/// Every enabled slice's settings are checked when the hub starts, so reading one later
/// cannot fail: a value that does not parse has already stopped the start.
package struct SettingValues: Sendable {
    /// The raw text of each variable that was set, by name.
    package let raw: [String: String]

    package init(_ raw: [String: String] = [:]) {
        self.raw = raw
    }

    /// The setting's value: the variable's text parsed, or the default when it is unset
    /// or empty.
    package subscript<Value>(_ setting: Setting<Value>) -> Value {
        guard let text = text(of: setting.name) else { return setting.defaultValue }
        return (try? setting.parse(text)) ?? setting.defaultValue
    }

    /// Checks `definitions` against the values given; the first mistake is thrown.
    package func check(_ definitions: [SettingDefinition]) throws {
        for definition in definitions {
            if let text = text(of: definition.name) { try definition.check(text) }
        }
    }

    func text(of name: String) -> String? {
        guard let text = raw[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
