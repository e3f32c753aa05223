/// One metric as its owner declares it, beside the code that records it: its name, its
/// type, its labels and, for a histogram, its buckets.
///
/// The kernel declares its own (``KernelMetrics``) and each slice its own
/// (``Slice/metrics``); a name declared twice stops the start, and a histogram's buckets
/// come from here.
package struct MetricDefinition: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case counter
        case gauge
        /// Durations, exposed in seconds; `nil` buckets: Prometheus' defaults.
        case durationHistogram(buckets: [Double]?)
        /// Plain values (sizes, counts).
        case valueHistogram(buckets: [Double]?)
    }

    package let name: String
    package let kind: Kind
    package let labels: [String]
    package let summary: String

    package init(_ name: String, _ kind: Kind, labels: [String] = [], summary: String) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.summary = summary
    }

    /// The type as Prometheus names it.
    package var typeName: String {
        switch kind {
        case .counter: "counter"
        case .gauge: "gauge"
        case .durationHistogram, .valueHistogram: "histogram"
        }
    }
}
