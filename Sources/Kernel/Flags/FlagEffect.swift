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
package struct FlagEffect: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        /// The flag's default becomes off; a `HUB_FLAGS` override or a runtime value may
        /// still switch it on.
        case defaultsOff = "defaults_off"
        /// The flag is off and cannot be set.
        case retires
    }

    package let flag: String
    package let kind: Kind

    package static func defaultsOff(_ flag: String) -> FlagEffect {
        FlagEffect(flag: flag, kind: .defaultsOff)
    }

    package static func retires(_ flag: String) -> FlagEffect {
        FlagEffect(flag: flag, kind: .retires)
    }
}
