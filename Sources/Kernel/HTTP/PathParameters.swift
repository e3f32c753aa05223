import Foundation
import Hummingbird

/// Path parameters as the handler sees them: percent-decoded.
///
/// The router matches the raw path, so `/customers/%61cme` captures `%61cme` and a guest
/// id travels as `acme-k3x9q2%2F101` (its `/` must be encoded to stay one segment). A
/// handler looks ids up by their real text, so every parameter is decoded once, here.
enum PathParameters {
    static func decoded(_ raw: Parameters) throws -> [String: String] {
        var parameters: [String: String] = [:]
        for (name, value) in raw {
            guard let text = String(value).removingPercentEncoding else {
                throw HubError.badRequest("invalid_path", "path parameter \(name) is not valid percent-encoding")
            }
            parameters[String(name)] = text
        }
        return parameters
    }
}
