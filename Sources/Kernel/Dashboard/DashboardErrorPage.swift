/// What an operator sees when a page or a change is refused: the hub's message (shown by
/// the layout), its code, and the way back.
struct DashboardErrorPage {
    let code: String
    let back: String

    static let template = DashboardTemplate("""
        <p class="muted">Error code <code>{{code}}</code>.</p>
        <p><a href="{{back}}">Go back</a></p>
        """)
}
