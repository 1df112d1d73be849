/// The result of an interview or of a triaged case: the outcome, the values it
/// gives, and the path that led there, from which every reason is derived.
public struct Conclusion: Sendable {
    public let outcome: Int
    /// Indexed like `Dialogue.outputs`.
    public let outputs: [Value]
    public let path: [Step]
    /// Indices in `Dialogue.rules` of the rules that applied, in order, each once.
    public let ruleIndices: [Int]
    /// The answers on the path, by question slot (nil when not on the path); texts
    /// and computed values are rendered from them.
    public let answers: [Value?]

    /// Ids of the rules that applied, in order.
    public func rules(in dialogue: Dialogue) -> [String] { ruleIndices.map { dialogue.rules[$0].id } }
}
