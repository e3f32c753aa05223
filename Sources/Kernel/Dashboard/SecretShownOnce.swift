/// The page that answers a change which made a secret — a customer's API key, a webhook
/// signing secret, an enrollment token, a guest key: the secret once, in answer to the
/// post itself, never on a page that can be loaded again (``DashboardOutcome/view(_:)``).
///
/// Every slice shows its secrets through it, so every secret looks and reads the same,
/// and a browser test finds it by `elementID`.
package struct SecretShownOnce: Sendable {
    /// The page's title: what was done (`"Customer acme created"`).
    package let title: String
    /// What the secret is, in a sentence.
    package let summary: String
    /// The `id` of the `code` element holding the secret (`"new-token"`).
    package let elementID: String
    package let secret: String
    /// How to use it, shown under it as a preformatted block; `nil` for none.
    package let usage: String?
    /// Where the operator goes next, and the link's text.
    package let nextHref: String
    package let nextLabel: String

    package init(
        title: String, summary: String, elementID: String, secret: String, usage: String? = nil, nextHref: String, nextLabel: String
    ) {
        self.title = title
        self.summary = summary
        self.elementID = elementID
        self.secret = secret
        self.usage = usage
        self.nextHref = nextHref
        self.nextLabel = nextLabel
    }

    package func view(for request: DashboardRequest) -> DashboardView {
        DashboardView(title: title, body: Self.template.render(self, for: request))
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="{{elementID}}-panel" aria-labelledby="{{elementID}}-title">
        <h2 id="{{elementID}}-title">Shown once</h2>
        <p>{{summary}}</p>
        <p class="secret"><code id="{{elementID}}">{{secret}}</code></p>
        <p class="muted">Copy it now: the hub will not show it again. If it is lost, make a new one.</p>
        {{#usage}}<pre>{{usage}}</pre>{{/usage}}
        <p><a href="{{nextHref}}" id="{{elementID}}-done">{{nextLabel}}</a></p>
        </section>
        """)
}
