/// The frame around every dashboard page: the navigation of the enabled slices' pages,
/// the one-time notice, the logout form.
struct DashboardLayout: Sendable {
    struct NavigationLink {
        let label: String
        let href: String
        let current: Bool
    }

    struct Page {
        let title: String
        let body: String
        let notice: String?
        let error: String?
        let loggedIn: Bool
        let navigation: [NavigationLink]
        let version: String
    }

    let navigation: [(path: String, entry: DashboardNavigation)]
    let version: String

    init(pages: [DashboardPage], version: String) {
        navigation = pages.compactMap { page in page.navigation.map { (page.path, $0) } }
            .sorted { ($0.entry.position, $0.entry.label) < ($1.entry.position, $1.entry.label) }
        self.version = version
    }

    func render(title: String, body: String, path: String, notice: String? = nil, error: String? = nil, csrfToken: String?) -> String {
        let links = navigation.map { item in
            NavigationLink(
                label: item.entry.label, href: item.path == "/ui" ? "/ui/" : item.path,
                current: item.path == "/ui" ? path == "/ui" || path == "/ui/" : path == item.path || path.hasPrefix(item.path + "/")
            )
        }
        let page = Page(
            title: title, body: body, notice: notice, error: error, loggedIn: csrfToken != nil, navigation: links, version: version
        )
        return Self.template.render(page, csrfToken: csrfToken ?? "")
    }

    static let template = DashboardTemplate("""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · felhom hub</title>
        <link rel="stylesheet" href="/ui/assets/hub.css">
        <script src="/ui/assets/live.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
        <a class="brand" href="/ui/">felhom hub</a>
        {{#loggedIn}}
        <nav aria-label="Dashboard"><ul>
        {{#navigation}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/navigation}}
        </ul></nav>
        <form method="post" action="/ui/logout" class="logout">{{> csrf}}<button type="submit">Log out</button></form>
        {{/loggedIn}}
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{{body}}}
        </main>
        <footer>felhom hub {{version}} · times in UTC</footer>
        </body>
        </html>
        """)
}
