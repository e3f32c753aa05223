import Kernel

/// The body of `POST /api/v1/host-ops/{op_id}/result`: `{"status": "succeeded" |
/// "failed", "output": "<text, ≤ 64 KiB>"}`.
struct OpResultBody: Decodable, Sendable {
    /// 64 KiB of UTF-8.
    static let maximumOutputBytes = 64 * 1024

    enum Outcome: String, Sendable {
        case succeeded, failed
    }

    let outcome: Outcome
    let output: String

    enum CodingKeys: String, CodingKey {
        case status, output
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let text = try? container.decode(String.self, forKey: .status), let outcome = Outcome(rawValue: text) else {
            throw ValidationFailure(#"status: required, "succeeded" or "failed""#)
        }
        self.outcome = outcome
        if try !container.contains(.output) || container.decodeNil(forKey: .output) {
            output = ""
            return
        }
        guard let output = try? container.decode(String.self, forKey: .output) else {
            throw ValidationFailure("output: must be a string")
        }
        guard output.utf8.count <= Self.maximumOutputBytes else {
            throw ValidationFailure("output: must be at most \(Self.maximumOutputBytes) bytes of UTF-8 (it has \(output.utf8.count))")
        }
        self.output = output
    }
}
