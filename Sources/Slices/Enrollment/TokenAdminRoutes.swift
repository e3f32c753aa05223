import Kernel

/// The operator's side of tokens: issue (the token shown once), list (never the token),
/// revoke.
struct TokenAdminRoutes: Sendable {
    let tokens: TokenStore

    struct Listing: Encodable { let tokens: [EnrollmentToken] }

    /// The answer to an issue: the token once, and what it allows.
    struct Issued: Encodable {
        let tokenID: String
        let token: String
        let customerID: String
        let expiresAt: Timestamp
        let uses: Int

        init(_ token: EnrollmentToken, secret: String) {
            tokenID = token.tokenID
            self.token = secret
            customerID = token.customerID
            expiresAt = token.expiresAt
            uses = token.uses
        }
    }

    var routes: [SliceRoute] {
        [
            SliceRoute(.post, "/api/v1/admin/enrollment-tokens", access: .global) { request in
                let body = try request.decode(TokenRequest.self, errorCode: "invalid_token_request")
                let issued = try await tokens.issue(body)
                return try .json(Issued(issued.token, secret: issued.secret), status: .created)
            },
            SliceRoute(.get, "/api/v1/admin/enrollment-tokens", access: .global) { request in
                try .json(Listing(tokens: try await tokens.tokens(customerID: request.query["customer_id"])))
            },
            SliceRoute(.delete, "/api/v1/admin/enrollment-tokens/{token_id}", access: .global) { request in
                let tokenID = try request.parameter("token_id")
                guard try await tokens.revoke(tokenID: tokenID) else { throw HubError.notFound("no enrollment token \(tokenID)") }
                return .noContent
            },
        ]
    }
}
