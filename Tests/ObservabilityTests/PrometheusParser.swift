import Foundation

/// Python `prometheus_client`'s text parser, run on an exposition: what a real scraper
/// would make of `/metrics`. Needs `python3` with `prometheus_client` (`.ci/run`
/// installs it).
struct PrometheusParser {
    struct Family: Decodable {
        let name: String
        let type: String
        let samples: [Sample]
    }

    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let families: [Family]

    func family(_ name: String) -> Family? {
        families.first { $0.name == name }
    }

    /// The value of the first sample `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        families.flatMap(\.samples).first { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }?.value
    }

    static func parse(_ exposition: String) async throws -> PrometheusParser {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("metrics.txt")
        let output = scratch.appendingPathComponent("parsed.json")
        try exposition.write(to: input, atomically: true, encoding: .utf8)
        let script = Python.repositoryRoot.appendingPathComponent("Tests/Scripts/parse_prometheus.py")
        let outcome = try await Python.run([script.path, input.path, output.path])
        guard outcome.status == 0 else {
            throw Failed(description: "prometheus_client could not parse /metrics (exit \(outcome.status)): \(outcome.stderr)")
        }
        struct Parsed: Decodable { let families: [Family] }
        return PrometheusParser(families: try JSONDecoder().decode(Parsed.self, from: Data(contentsOf: output)).families)
    }
}
