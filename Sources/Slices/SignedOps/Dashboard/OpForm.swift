import Kernel

/// The host page's "Issue an op" form — `type`, `args` (a JSON object), `ttl_seconds` —
/// read as the body of `POST /api/v1/admin/hosts/{host_id}/ops` it stands for.
enum OpForm {
    static func request(_ form: FormFields) throws -> OpRequest {
        var members: [String: JSONValue] = [:]
        if let type = form.text("type") { members["type"] = .string(type) }
        if let args = form.text("args") { members["args"] = try FormJSON.value(args, field: "args", errorCode: "invalid_op") }
        if let ttl = form.text("ttl_seconds") {
            guard let seconds = Int(ttl) else {
                throw HubError.badRequest("invalid_op", "ttl_seconds: must be a whole number of seconds, at most \(OpRequest.maximumTTL)")
            }
            members["ttl_seconds"] = .number(Double(seconds))
        }
        return try FormJSON.decode(OpRequest.self, from: members, errorCode: "invalid_op")
    }

    /// `reboot_host` or `restart_guest {"vmid":101}`: the op as the question and the
    /// notice name it.
    static func describe(_ request: OpRequest) -> String {
        guard !request.args.isEmpty, let args = try? WireJSON.encodeString(JSONValue.object(request.args)) else { return request.type }
        return "\(request.type) \(args)"
    }
}
