import Kernel

/// The body of `PATCH /api/v1/admin/customers/{customer_id}`. A field left out is left
/// alone; `paid_until` and `webhook_url` may be `null` to clear them.
package struct CustomerChange: Sendable, Decodable {
    package var name: String?
    package var status: Customer.Status?
    /// `.some(nil)` clears it.
    package var paidUntil: Timestamp??
    /// `.some(nil)` clears it.
    package var webhookURL: String??
    package var rotateWebhookSecret: Bool

    enum CodingKeys: String, CodingKey {
        case name, status
        case paidUntil = "paid_until"
        case webhookURL = "webhook_url"
        case rotateWebhookSecret = "rotate_webhook_secret"
    }

    package init(name: String? = nil, status: Customer.Status? = nil, paidUntil: Timestamp?? = nil, webhookURL: String?? = nil, rotateWebhookSecret: Bool = false) {
        self.name = name
        self.status = status
        self.paidUntil = paidUntil
        self.webhookURL = webhookURL
        self.rotateWebhookSecret = rotateWebhookSecret
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        if let status = try container.decodeIfPresent(String.self, forKey: .status) {
            guard let parsed = Customer.Status(rawValue: status) else { throw ValidationFailure("status: must be active or blocked") }
            self.status = parsed
        }
        if container.contains(.paidUntil) {
            if try container.decodeNil(forKey: .paidUntil) {
                paidUntil = .some(nil)
            } else {
                let text = try container.decode(String.self, forKey: .paidUntil)
                guard let timestamp = Timestamp(rfc3339: text) else { throw ValidationFailure("paid_until: must be an RFC 3339 timestamp or null") }
                paidUntil = .some(timestamp)
            }
        }
        if container.contains(.webhookURL) {
            if try container.decodeNil(forKey: .webhookURL) {
                webhookURL = .some(nil)
            } else {
                webhookURL = .some(try container.decode(String.self, forKey: .webhookURL))
            }
        }
        rotateWebhookSecret = try container.decodeIfPresent(Bool.self, forKey: .rotateWebhookSecret) ?? false
    }
}
