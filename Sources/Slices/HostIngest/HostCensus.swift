import Kernel

/// The hosts' dead-man's switch: each host is a subject, silent since its last report.
package enum HostCensus {
    package static let watch = StalenessWatch(
        checker: HostIngestVocabulary.stalenessChecker, eventPrefix: HostIngestVocabulary.stalenessPrefix,
        subjectsSQL: HostStore.stalenessSubjectsSQL, gauge: HostIngestMetrics.hosts, statusKey: "hosts", statusLabel: "HOSTS"
    )
}
