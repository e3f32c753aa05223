import HTTPTypes

/// Reading a posted dashboard form.
enum DashboardForm {
    static let csrfRefusal = HubError(
        .forbidden, "csrf_refused", "This form is missing its security token or it belongs to another session. Reload the page and try again."
    )

    /// The form of a `POST`: `application/x-www-form-urlencoded`, as every dashboard form
    /// is sent; anything else is refused.
    static func read(_ request: HubRequest) throws -> FormFields {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw HubError(.unsupportedMediaType, "unsupported_form", "The dashboard accepts forms sent as application/x-www-form-urlencoded.")
        }
        guard let text = request.body.getString(at: request.body.readerIndex, length: request.body.readableBytes),
              let form = FormFields(urlEncoded: text)
        else {
            throw HubError.badRequest("invalid_form", "The form could not be read.")
        }
        return form
    }
}
