/// A slice's setting with its type: the variable's name, its default, and how its text
/// becomes a value.
///
/// ```swift
/// static let giveUpAfter = Setting.positiveInteger(
///     "HUB_WEBHOOK_GIVE_UP_SECONDS", summary: "how long a webhook delivery is retried", default: 86_400
/// )
/// Slice(…, settings: [giveUpAfter.definition]) { environment in
///     let seconds = environment.settings[giveUpAfter]
/// }
/// ```
package struct Setting<Value: Sendable>: Sendable {
    package let name: String
    package let defaultValue: Value
    package let definition: SettingDefinition
    let parse: @Sendable (String) throws -> Value

    package init(
        _ name: String, summary: String, default defaultValue: Value, defaultText: String,
        parse: @escaping @Sendable (String) throws -> Value
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.parse = parse
        self.definition = SettingDefinition(name: name, summary: summary, defaultText: defaultText) { text in _ = try parse(text) }
    }
}

extension Setting where Value == Int {
    /// A whole number greater than zero.
    package static func positiveInteger(_ name: String, summary: String, default defaultValue: Int) -> Setting<Int> {
        Setting<Int>(name, summary: summary, default: defaultValue, defaultText: "\(defaultValue)") { text in
            guard let number = Int(text), number > 0 else {
                throw ConfigurationError("\(name)=\(text) is not a positive whole number")
            }
            return number
        }
    }
}
