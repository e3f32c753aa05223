import Kernel

/// The slices' settings for `hub --help`: each variable, its default and what it does.
enum SettingsHelp {
    static func text(catalogue: [Slice]) -> String {
        let lines = catalogue.flatMap { slice in
            slice.settings.map { "  \($0.name) (\(slice.name); default \($0.defaultText)): \($0.summary)" }
        }
        guard !lines.isEmpty else { return "" }
        return "Slice settings (environment variables; the kernel's are in the README):\n" + lines.joined(separator: "\n")
    }
}
