import NIOCore

/// `GET /api/v1/openapi.json` (no key): the document of the routes this hub serves, with
/// its enabled slices only, encoded once when the hub is assembled.
enum APIDocumentRoute {
    /// The route as the document lists it, before the document exists.
    static let placeholder = SliceRoute(.get, APIDocument.path, access: .open) { _ in throw HubError.notFound() }

    static func route(serving document: APIDocument) throws -> SliceRoute {
        let bytes = try document.encoded()
        return SliceRoute(.get, APIDocument.path, access: .open) { _ in
            .rawJSON(ByteBuffer(bytes: bytes))
        }
    }
}
