import Foundation
import Kernel

/// A toy slice with a dashboard page, an action that asks first, and an overview panel:
/// the kernel must serve them as it serves any slice's.
enum DashboardToys {
    static let page = DashboardTemplate("""
        <p id="greeting">Hello {{name}}</p>
        <form method="post" action="/ui/toy/ring" id="ring">{{> csrf}}<input type="hidden" name="bell" value="{{bell}}"><button>Ring</button></form>
        """)

    static func slice(name: String = "toy", rung: Recorder<String>) -> Slice {
        toySlice(name, flags: FlagToys.flags, eventTypes: ["toy_happened"], cohortMembers: ToyCustomers(known: ["acme", "globex"])) { _ in
            SliceParts(dashboard: DashboardParts(
                pages: [
                    DashboardPage("/ui/toy", navigation: DashboardNavigation(label: "Toy", position: 30)) { request in
                        let name = request.queryValue("name") ?? "operator"
                        return DashboardView(title: "Toy", body: page.render(["name": name, "bell": "front <door>"], for: request))
                    },
                    DashboardPage("/ui/toy/refused") { _ in throw HubError.badRequest("toy_refused", "the toy refuses") },
                ],
                actions: [
                    DashboardAction("/ui/toy/ring", confirmation: { request in "Ring the \(request.form["bell"] ?? "?") bell?" }) { request in
                        rung.append("\(request.form["bell"] ?? "?") by \(request.actor)")
                        return .redirect(to: "/ui/toy", notice: "Rang the bell.")
                    },
                ],
                panels: [OverviewPanel(position: 5) { _ in #"<section class="panel" id="toy-panel">toy panel</section>"# }]
            ))
        }
    }
}
