/// The second step of an action that asks first: the question, the form's fields carried
/// over unchanged, and a button that posts them with `confirmed=yes`.
struct DashboardConfirmation {
    struct Field {
        let name: String
        let value: String
    }

    let question: String
    let action: String
    let fields: [Field]
    let back: String

    static func render(question: String, action: String, form: FormFields, back: String, csrfToken: String) -> String {
        let carried = form.pairs.filter { $0.name != "csrf" && $0.name != "confirmed" }.map { Field(name: $0.name, value: $0.value) }
        return template.render(DashboardConfirmation(question: question, action: action, fields: carried, back: back), csrfToken: csrfToken)
    }

    static let template = DashboardTemplate("""
        <section class="panel">
        <p class="question"><strong>{{question}}</strong></p>
        <form method="post" action="{{action}}">
        {{> csrf}}
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        <input type="hidden" name="confirmed" value="yes">
        <button type="submit" class="danger" id="confirm">Yes, do it</button>
        <a href="{{back}}">Cancel</a>
        </form>
        </section>
        """)
}
