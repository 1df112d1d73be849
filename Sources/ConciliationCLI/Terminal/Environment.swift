import DialogueKit

#if canImport(Glibc)
    import Glibc
#endif

/// What the commands learn from the process: variables, where the
/// shipped dialogues are. Read here only, so that the core stays pure.
enum ProcessEnvironment {
    static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// A folder to read the shipped dialogues and cases from instead of the
    /// built-in ones (`CONCILIATION_DIALOGUES`): an author trying an edit without
    /// rebuilding. Unset, the binary uses the rules it carries.
    static func dialoguesOverride() -> String? {
        variable("CONCILIATION_DIALOGUES")
    }
}
