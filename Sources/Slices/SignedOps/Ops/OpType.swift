import Kernel

/// A kind of op host agents perform, with the schema of its arguments.
///
/// Validation is strict: every required argument present, no argument the schema does
/// not name, each of its kind. What passes is what gets signed, so an agent never sees
/// an argument the hub did not mean.
struct OpType: Sendable {
    let name: String
    let arguments: [OpArgument]

    /// `args` checked against the schema; throws 400 `invalid_op` naming the argument.
    func validate(_ args: [String: JSONValue]) throws -> ValidatedArguments {
        for name in args.keys.sorted() where !arguments.contains(where: { $0.name == name }) {
            let known = arguments.isEmpty ? "none" : arguments.map(\.name).joined(separator: ", ")
            throw Self.invalid("args.\(name): \(self.name) takes no such argument (it takes: \(known))")
        }
        var values: [String: JSONValue] = [:]
        var guestVMIDs: [Int] = []
        for argument in arguments {
            guard let value = args[argument.name], value != .null else {
                if argument.required { throw Self.invalid("args.\(argument.name): required for \(name)") }
                continue
            }
            switch argument.kind {
            case .guestVMID:
                let vmid = try Self.vmid(value, name: argument.name)
                values[argument.name] = .number(Double(vmid))
                guestVMIDs.append(vmid)
            case .version:
                values[argument.name] = .string(try Self.version(value, name: argument.name))
            }
        }
        return ValidatedArguments(values: values, guestVMIDs: guestVMIDs)
    }

    static func invalid(_ message: String) -> HubError {
        .badRequest("invalid_op", message)
    }

    static func vmid(_ value: JSONValue, name: String) throws -> Int {
        guard case .number(let number) = value, number.rounded() == number, (100...999_999_999).contains(number) else {
            throw invalid("args.\(name): must be an integer from 100 to 999999999")
        }
        return Int(number)
    }

    static func version(_ value: JSONValue, name: String) throws -> String {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+-_")
        guard case .string(let text) = value, (1...64).contains(text.count), text.allSatisfy(allowed.contains) else {
            throw invalid("args.\(name): must be a version of 1 to 64 characters from [0-9A-Za-z.+-_]")
        }
        return text
    }
}

/// One argument of an ``OpType``.
struct OpArgument: Sendable {
    enum Kind: Sendable {
        /// A guest of the op's host by vmid (100–999999999); it must be one the host has
        /// reported.
        case guestVMID
        /// An agent version such as `0.4.0`.
        case version
    }

    let name: String
    let kind: Kind
    let required: Bool
}

/// Arguments that passed their schema, as they will be signed, and the guests they name
/// (checked against the host's guests when the op is issued).
struct ValidatedArguments: Sendable, Equatable {
    let values: [String: JSONValue]
    let guestVMIDs: [Int]
}
