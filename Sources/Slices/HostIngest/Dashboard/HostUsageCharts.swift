import Foundation
import GRDB
import Kernel

/// The charts of a host's page: its CPU, memory and disk use over the last 24 hours and
/// the last 7 days, one chart per window with a line per figure, drawn on the server
/// from `host_reports` (`svg#chart-24h`, `svg#chart-7d`).
struct HostUsageCharts {
    /// A span of time a chart covers and how finely it averages.
    struct Window: Sendable {
        let id: String
        let caption: String
        let seconds: TimeInterval
        let bucketSeconds: Int

        static let day = Window(id: "chart-24h", caption: "Last 24 hours", seconds: 86_400, bucketSeconds: 600)
        static let week = Window(id: "chart-7d", caption: "Last 7 days", seconds: 7 * 86_400, bucketSeconds: 3_600)
    }

    struct Figure {
        let id: String
        let caption: String
        let averaging: String
        let svg: String
        let isEmpty: Bool
    }

    let figures: [Figure]

    static let windows = [Window.day, .week]

    /// Reads both windows of `hostID` as of `now`.
    static func read(hostID: String, now: Date, in db: any DatabaseSession) throws -> HostUsageCharts {
        HostUsageCharts(figures: try windows.map { window in
            let start = now.addingTimeInterval(-window.seconds)
            let usage = try HostUsage.read(hostID: hostID, since: start, bucketSeconds: window.bucketSeconds, in: db)
            return figure(window, usage: usage, hostID: hostID, start: start, end: now)
        })
    }

    /// One window's chart: a line per figure, a point per bucket.
    static func figure(_ window: Window, usage: HostUsage, hostID: String, start: Date, end: Date) -> Figure {
        let chart = TimeSeriesChart(
            id: window.id, title: "CPU, memory and disk use of host \(hostID), \(window.caption.lowercased()), in percent",
            start: start, end: end,
            // One bucket without reports is bridged; a longer silence shows as a gap.
            gap: TimeInterval(2 * window.bucketSeconds)
        )
        let middle = TimeInterval(window.bucketSeconds) / 2
        let series = [("CPU", \HostUsage.Bucket.cpu), ("Memory", \HostUsage.Bucket.memory), ("Disk", \HostUsage.Bucket.disk)].map { name, figure in
            TimeSeriesChart.Series(name: name, points: usage.buckets.compactMap { bucket in
                // Drawn at the middle of its bucket, kept inside the window: the first bucket
                // began before it, the current one is not over yet.
                bucket[keyPath: figure].map { value in
                    TimeSeriesChart.Point(time: min(max(bucket.start.addingTimeInterval(middle), start), end), value: value)
                }
            })
        }
        let minutes = window.bucketSeconds / 60
        return Figure(
            id: window.id, caption: window.caption, averaging: minutes < 60 ? "averaged per \(minutes) minutes" : "averaged per hour",
            svg: chart.svg(series), isEmpty: usage.buckets.isEmpty
        )
    }

    static let template = DashboardTemplate("""
        <div class="charts">
        {{#figures}}<figure>
        <figcaption id="{{id}}-caption">{{caption}} <span class="muted">({{averaging}})</span></figcaption>
        <p class="legend" aria-hidden="true"><span class="series-0">■ CPU</span><span class="series-1">■ Memory</span><span class="series-2">■ Disk</span></p>
        {{{svg}}}
        {{#isEmpty}}<p class="muted">No reports in this window.</p>{{/isEmpty}}
        </figure>
        {{/figures}}
        </div>
        """)
}
