/// What a slice does, while it is enabled, to a flag an earlier slice declares.
///
/// The roadmap replaces provisional paths step by step: enrollment makes the operator's
/// host mint unnecessary, so while it is enabled `admin_mint` defaults off (an operator
/// may still switch it on for a repair); the cutover removes it for good, so the flag is
/// retired (always off, and setting it is refused). The later slice says so; the flag's
/// own slice stays unaware of what comes after it.
///
/// ```swift
/// Slice(name: "enrollment", …, flagEffects: [.defaultsOff("admin_mint")])
/// ```
public struct FlagEffect: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// The flag's default becomes off; a `HUB_FLAGS` override or a runtime value may
        /// still switch it on.
        case defaultsOff = "defaults_off"
        /// The flag is off and cannot be set.
        case retires
    }

    public let flag: String
    public let kind: Kind

    public static func defaultsOff(_ flag: String) -> FlagEffect {
        FlagEffect(flag: flag, kind: .defaultsOff)
    }

    public static func retires(_ flag: String) -> FlagEffect {
        FlagEffect(flag: flag, kind: .retires)
    }
}
