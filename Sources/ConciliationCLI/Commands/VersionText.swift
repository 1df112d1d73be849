/// What `conciliation --version` prints: the program's version and, for each
/// shipped dialogue, its id and version, read from the top of the file (no full
/// load: the answer comes at once, and a broken rules file still shows what it is).
public enum VersionText {
    /// The program's version, raised with each release of the rules or the code.
    public static let program = "0.3.0"

    public static func text() -> String {
        var rules: [String] = []
        if let folder = ProcessEnvironment.dialoguesDirectory() {
            for name in ["conciliation.yaml", "conciliation-2007.yaml"] {
                guard let text = try? FileIO.readText(folder + "/" + name) else { continue }
                var id = String(name.dropLast(5)), version = "?"
                for line in text.split(separator: "\n").prefix(40) {
                    if line.hasPrefix("dialogue: ") { id = String(line.dropFirst(10)) }
                    if line.hasPrefix("version: ") { version = line.dropFirst(9).filter { $0 != "\"" } }
                }
                rules.append("\(id) \(version)")
            }
        }
        let shipped = rules.isEmpty ? "règles livrées introuvables" : "règles " + rules.joined(separator: ", ")
        return "conciliation \(program) — \(shipped)"
    }
}
