import Foundation

/// A line chart of percentages over a time window, drawn as inline SVG on the server: no
/// script, no chart library, and it prints. Each series is a line broken where readings
/// are missing (a host that was off shows a gap, not a straight line across it).
///
/// The chart is an image to assistive technology, with a title and a description that
/// states each series' latest and highest value.
package struct TimeSeriesChart: Sendable {
    package struct Point: Sendable, Equatable {
        package let time: Date
        package let value: Double

        package init(time: Date, value: Double) {
            self.time = time
            self.value = value
        }
    }

    package struct Series: Sendable {
        package let name: String
        package let points: [Point]

        package init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// `"cpu-24h"`: unique on its page; names the SVG's title and description.
    package let id: String
    package let title: String
    package let start: Date
    package let end: Date
    /// Points further apart than this are not joined.
    package let gap: TimeInterval

    static let width = 640.0
    static let height = 180.0
    static let left = 40.0
    static let right = 10.0
    static let top = 10.0
    static let bottom = 24.0

    package init(id: String, title: String, start: Date, end: Date, gap: TimeInterval) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.gap = gap
    }

    package func svg(_ series: [Series]) -> String {
        let titleID = HTMLText.escape("\(id)-title")
        let descriptionID = HTMLText.escape("\(id)-desc")
        var svg = """
            <svg class="chart" id="\(HTMLText.escape(id))" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" \
            role="img" aria-labelledby="\(titleID) \(descriptionID)" preserveAspectRatio="none">\
            <title id="\(titleID)">\(HTMLText.escape(title))</title>\
            <desc id="\(descriptionID)">\(HTMLText.escape(description(series)))</desc>
            """
        for percent in [0, 50, 100] {
            let y = self.y(Double(percent))
            svg += #"<line class="grid" x1="\#(Self.left)" y1="\#(y)" x2="\#(Self.width - Self.right)" y2="\#(y)"/>"#
            svg += #"<text class="axis" x="\#(Self.left - 4)" y="\#(y + 4)" text-anchor="end">\#(percent)%</text>"#
        }
        for (fraction, anchor) in [(0.0, "start"), (0.5, "middle"), (1.0, "end")] {
            let time = start.addingTimeInterval(end.timeIntervalSince(start) * fraction)
            let x = Self.left + (Self.width - Self.left - Self.right) * fraction
            svg += #"<text class="axis" x="\#(x)" y="\#(Self.height - 6)" text-anchor="\#(anchor)">\#(HTMLText.escape(label(time)))</text>"#
        }
        for (index, one) in series.enumerated() {
            for run in runs(one.points) {
                if run.count == 1, let only = run.first {
                    svg += #"<circle class="series-\#(index)" cx="\#(x(only.time))" cy="\#(y(only.value))" r="2"/>"#
                } else {
                    let points = run.map { "\(format(x($0.time))),\(format(y($0.value)))" }.joined(separator: " ")
                    svg += #"<polyline class="series-\#(index)" points="\#(points)"/>"#
                }
            }
        }
        return svg + "</svg>"
    }

    /// What a screen reader says of the chart.
    func description(_ series: [Series]) -> String {
        series.map { one in
            guard let latest = one.points.last, let highest = one.points.map(\.value).max() else {
                return "\(one.name): no readings"
            }
            return "\(one.name): latest \(Self.percent(latest.value)), highest \(Self.percent(highest))"
        }.joined(separator: "; ")
    }

    static func percent(_ value: Double) -> String {
        "\(Int(value.rounded())) %"
    }

    /// Consecutive points close enough in time to be joined.
    private func runs(_ points: [Point]) -> [[Point]] {
        var runs: [[Point]] = []
        for point in points.sorted(by: { $0.time < $1.time }) where point.time >= start && point.time <= end {
            if let previous = runs.last?.last, point.time.timeIntervalSince(previous.time) <= gap {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }

    private func x(_ time: Date) -> Double {
        let span = max(end.timeIntervalSince(start), 1)
        return Self.left + (Self.width - Self.left - Self.right) * time.timeIntervalSince(start) / span
    }

    private func y(_ value: Double) -> Double {
        let clamped = min(max(value, 0), 100)
        return Self.top + (Self.height - Self.top - Self.bottom) * (1 - clamped / 100)
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// Hours and minutes for a window of a day or less, the day and month beyond, in UTC
    /// (the hub stores and shows UTC).
    private func label(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: time)
        if end.timeIntervalSince(start) <= 86_400 {
            return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        }
        return String(format: "%02d-%02d %02d:%02d", parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
