import Kernel

/// The host page's "Set the desired state" form — `desired`, a JSON object — read as
/// the body of `PUT /api/v1/admin/hosts/{host_id}/desired` it stands for.
enum DesiredStateForm {
    static func body(_ form: FormFields) throws -> DesiredStateBody {
        var members: [String: JSONValue] = [:]
        if let desired = form.text("desired") { members["desired"] = try FormJSON.value(desired, field: "desired", errorCode: "invalid_desired") }
        return try FormJSON.decode(DesiredStateBody.self, from: members, errorCode: "invalid_desired")
    }
}
