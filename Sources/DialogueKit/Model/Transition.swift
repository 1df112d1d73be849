/// One way out of a node. `condition` nil means "otherwise" and is always last.
public final class Transition: Sendable {
    public let condition: Expression?
    public let target: NodeRef
    public let targetName: String
    public let rule: String?
    /// The rule's index in `Dialogue.rules`.
    public let ruleIndex: Int?
    public let position: SourcePosition

    init(condition: Expression?, target: NodeRef, targetName: String, rule: String?, ruleIndex: Int?, position: SourcePosition) {
        self.condition = condition
        self.target = target
        self.targetName = targetName
        self.rule = rule
        self.ruleIndex = ruleIndex
        self.position = position
    }
}

/// A decision point that asks nothing: it routes on what is already known.
public final class Branch: Sendable {
    public let id: String
    public let title: LocalizedText
    public let next: [Transition]
    public let position: SourcePosition

    init(id: String, title: LocalizedText, next: [Transition], position: SourcePosition) {
        self.id = id
        self.title = title
        self.next = next
        self.position = position
    }
}
