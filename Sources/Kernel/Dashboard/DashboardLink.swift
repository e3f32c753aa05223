import Foundation

/// Links between dashboard pages, with their query encoded.
package enum DashboardLink {
    /// `path` with the query items that have a value: `DashboardLink.to("/ui/hosts",
    /// ["state": "stale", "customer": nil, "page": "2"])` is `/ui/hosts?state=stale&page=2`.
    package static func to(_ path: String, _ query: KeyValuePairs<String, String?> = [:]) -> String {
        let items = query.compactMap { name, value in value.map { "\(encode(name))=\(encode($0))" } }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// One path segment: `acme-k3x9q2/101` becomes `acme-k3x9q2%2F101`.
    package static func segment(_ text: String) -> String {
        encode(text)
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
