import Kernel

/// `GET /api/v1/ops/keys` (no key): the public keys agents verify with, active first.
struct OpsKeysRoute: Sendable {
    let keys: OpsKeyRing

    struct Listing: Encodable {
        let keys: [OpsPublicKey.Entry]
    }

    var route: SliceRoute {
        SliceRoute(.get, "/api/v1/ops/keys", access: .open) { _ in
            try .json(Listing(keys: try await keys.publishedKeys().map(\.entry)))
        }
    }
}
