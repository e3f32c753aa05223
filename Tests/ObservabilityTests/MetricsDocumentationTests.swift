import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// Every metric the kernel and the slices declare is in the README's table, with its type
/// and labels, so an operator reading the table sees what `/metrics` serves.
@Suite struct MetricsDocumentationTests {
    @Test func theReadmeListsEveryDeclaredMetric() throws {
        let readme = try String(contentsOf: ExternalProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `hub_") }
        for metric in KernelMetrics.all + ControllerSlice.slice.metrics + HostIngestSlice.slice.metrics {
            let row = rows.first { $0.hasPrefix("| `\(metric.name)` |") }
            #expect(row != nil, "\(metric.name) is not in the README's metrics table")
            guard let row else { continue }
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells[1] == metric.typeName, "\(metric.name): the README says \(cells[1])")
            for label in metric.labels {
                #expect(cells[2].contains("`\(label)`"), "\(metric.name): label \(label) missing in the README")
            }
        }
    }
}
