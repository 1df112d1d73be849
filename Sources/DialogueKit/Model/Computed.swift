public struct Computed: Sendable {
    public let name: String
    public let slot: Int
    public let expression: Expression
    /// How the graph and explanations name it ("délai opposable"); optional.
    public let label: LocalizedText?
}
