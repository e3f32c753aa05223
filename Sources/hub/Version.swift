/// The hub's version: the one place it is written. `hub --version`, `/healthz` and
/// the top entry of CHANGELOG.md agree with it (a test checks the changelog).
enum HubVersion {
    static let current = "0.17.1"
}
