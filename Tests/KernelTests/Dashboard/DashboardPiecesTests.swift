import Foundation
import Kernel
import Testing

/// The small pieces pages are built from: forms, pagers, charts.
@Suite struct DashboardPiecesTests {
    @Test func aFormKeepsRepeatedFieldsAndDecodesEscapes() throws {
        let form = try #require(FormFields(urlEncoded: "customers=acme&customers=globex&note=a+b%26c&empty="))
        #expect(form.all("customers") == ["acme", "globex"])
        #expect(form["note"] == "a b&c")
        #expect(form["empty"] == "")
        #expect(form.text("empty") == nil)
        #expect(FormFields(urlEncoded: "broken=%zz") == nil)
    }

    @Test func aPagerNeverPointsPastItsEnds() {
        let pager = DashboardPager(requested: "999", perPage: 50, total: 120)
        #expect(pager.page == 3 && pager.offset == 100 && pager.next == nil && pager.previous == 2)
        #expect(pager.summary == "101–120 of 120")
        #expect(DashboardPager(requested: "-4", perPage: 50, total: 0).page == 1)
        #expect(DashboardPager(requested: "x", perPage: 50, total: 0).summary == "none")
    }

    @Test func aChartBreaksItsLineWhereReadingsAreMissing() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let chart = TimeSeriesChart(id: "cpu-24h", title: "CPU <24 h>", start: start, end: start.addingTimeInterval(86_400), gap: 900)
        let points = [0, 600, 1200, 7200, 7800].map { TimeSeriesChart.Point(time: start.addingTimeInterval(Double($0)), value: 40) }
        let svg = chart.svg([TimeSeriesChart.Series(name: "CPU", points: points + [.init(time: start.addingTimeInterval(9000), value: 90)])])
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("<circle"), "a lone reading is a dot")
        #expect(svg.contains("<title id=\"cpu-24h-title\">CPU &lt;24 h&gt;</title>"))
        #expect(svg.contains("CPU: latest 90 %, highest 90 %"))
        #expect(TimeSeriesChart(id: "x", title: "x", start: start, end: start.addingTimeInterval(60), gap: 1).svg([.init(name: "Disk", points: [])]).contains("Disk: no readings"))
    }
}
