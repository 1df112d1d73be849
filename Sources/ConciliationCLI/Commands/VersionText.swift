import ShippedRules

/// What `conciliation --version` prints: the program's version and, for each
/// dialogue built into the binary, its id and version.
public enum VersionText {
    /// The program's version, raised with each release of the rules or the code.
    public static let program = "0.3.0"

    public static func text() -> String {
        let rules = ShippedRules.dialogues.sorted { $0.id < $1.id }.map { "\($0.id) \($0.version)" }
        return "conciliation \(program) — règles " + rules.joined(separator: ", ")
    }
}
