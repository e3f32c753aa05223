import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// A hub without host-ingest shows no hosts: no page, no navigation entry, no panel.
@Suite struct DashboardSliceOffTests {
    @Test func aHubWithoutHostIngestHasNoHostPages() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let controllerOnly = try await fixture.hub.restarted(slices: HostIngestFixture.slices, enabled: ["controller"])
        try await controllerOnly.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.get("/ui/hosts").status == 404)
            #expect(try await browser.get("/ui/hosts/\(host.id)").status == 404)
            let overview = try await browser.get("/ui/")
            #expect(overview.status == 200)
            #expect(!overview.body.contains(#"href="/ui/hosts""#), "no navigation entry")
            #expect(!overview.body.contains(#"id="panel-hosts""#))
        }
        try await controllerOnly.restarted(slices: HostIngestFixture.slices).withClient { client in
            let overview = try await DashboardBrowser.logIn(client).get("/ui/")
            #expect(overview.body.contains(#"<li><a href="/ui/hosts">Hosts</a></li>"#))
        }
    }
}
