/// A slice's part of the OpenAPI document (`GET /api/v1/openapi.json`): the operations of
/// its routes and the schemas they name, written as OpenAPI 3.1 JSON beside the routes,
/// in the slice's own folder:
///
/// ```swift
/// static let api = APIDescription("""
///     {"paths": {"/api/v1/report": {"post": {"summary": "…", "requestBody": …, "responses": {"200": …}}}},
///      "components": {"schemas": {"ControllerReport": {…}}}}
///     """)
/// ```
///
/// The kernel adds to each operation what it decides itself, so it cannot drift: which
/// key the route takes (`security`, `x-key-kinds`) and the answers it gives before the
/// handler runs (401, 403, 404 for a gated route, 400 for a broken body, 503 when the
/// body budget is full), unless the slice describes them. Name components after the slice
/// (two slices may not declare one name); a later slice may `$ref` an earlier one's.
package struct APIDescription: Sendable {
    package let json: String

    package init(_ json: String) {
        self.json = json
    }
}
