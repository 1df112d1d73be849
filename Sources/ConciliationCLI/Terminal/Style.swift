/// Colours for a terminal, and nothing at all otherwise (pipes, NO_COLOR, tests),
/// so that what is copied from the screen is plain text.
struct Style {
    let enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
    func error(_ text: String) -> String { wrap("31", text) }
    func result(_ text: String) -> String { wrap("1;32", text) }
    func accent(_ text: String) -> String { wrap("36", text) }

    /// A prompt for libedit: escape codes between \u{1} markers (EL_PROMPT_ESC), so
    /// that the cursor position stays right.
    func prompt(_ text: String) -> String {
        enabled ? "\u{1}\u{1B}[1;36m\u{1}\(text)\u{1}\u{1B}[0m\u{1}" : text
    }
}
