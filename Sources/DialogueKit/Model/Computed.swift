public struct Computed: Sendable {
    public let name: String
    public let slot: Int
    public let expression: Expression
    /// How the graph and explanations name it ("délai opposable"); optional.
    public let label: LocalizedText?
}

/// A value every result carries (`appeal_deadline`, `wait_until`, …): its default
/// expression, or null when there is none.
public final class Output: Sendable {
    public let name: String
    public let type: ValueType
    public let value: Expression?
    public let label: LocalizedText
    public let position: SourcePosition

    init(name: String, type: ValueType, value: Expression?, label: LocalizedText, position: SourcePosition) {
        self.name = name
        self.type = type
        self.value = value
        self.label = label
        self.position = position
    }
}
