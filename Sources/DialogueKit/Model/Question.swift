import Synchronization

public struct Choice: Sendable {
    public let value: String
    public let label: LocalizedText
    /// The answer as a case note states it, in the third person and short
    /// ("ne trouve pas de médecin traitant"); nil: the label without its
    /// examples in parentheses.
    public let note: LocalizedText?
    /// The choice as an agent reads it on the screen while the caller speaks
    /// ("Ne trouve pas de médecin traitant"); nil: the label.
    public let agent: LocalizedText?

    public init(value: String, label: LocalizedText, note: LocalizedText? = nil, agent: LocalizedText? = nil) {
        self.value = value
        self.label = label
        self.note = note
        self.agent = agent
    }

    /// The label shown to this audience.
    public func label(for audience: Audience, _ language: Language) -> String {
        (audience == .agent ? agent : nil)?.text(language) ?? label.text(language)
    }

    /// The words a case note uses for this answer.
    public func noteText(_ language: Language) -> String {
        if let note { return note.text(language) }
        let full = label.text(language)
        let utf8 = full.utf8
        guard
            let space = utf8.indices.first(where: {
                utf8[$0] == 0x20 && utf8.index(after: $0) < utf8.endIndex && utf8[utf8.index(after: $0)] == 0x28
            })
        else { return full }
        return String(full[..<space])
    }
}

public enum QuestionKind: Sendable {
    case choice([Choice])
    case yesNo
    case date
    /// Free text; `pattern`, when given, is what a valid answer looks like, and
    /// `hint` says it in words.
    case text(pattern: TextPattern?, hint: LocalizedText?)

    public var name: String {
        switch self {
        case .choice: return "choice"
        case .yesNo: return "yes-no"
        case .date: return "date"
        case .text: return "text"
        }
    }

    var valueType: ValueType {
        switch self {
        case .choice, .text: return .string
        case .yesNo: return .bool
        case .date: return .date
        }
    }
}

/// A text question's pattern, compiled once when the dialogue is loaded: answers
/// and triage cases are matched against it, never recompiling it per answer.
/// Immutable; the standard library publishes a regex's compiled program with an
/// atomic compare-and-swap, so one instance can be matched from any thread.
public final class TextPattern: @unchecked Sendable {
    public let source: String
    /// Compiled when first used: the rules built into the binary were checked
    /// when it was built, and the first question should not wait for a regex.
    private let regex: Mutex<Regex<Substring>?>

    /// nil when `source` is not a regular expression (checked unless `verified`).
    init?(_ source: String, verified: Bool = false) {
        if !verified {
            guard (try? Regex(source, as: Substring.self)) != nil else { return nil }
        }
        self.source = source
        self.regex = Mutex(nil)
    }

    /// Whether the whole answer has the expected form.
    public func matches(_ text: String) -> Bool {
        let compiled: Regex<Substring>? = regex.withLock { cached in
            if cached == nil { cached = try? Regex(source, as: Substring.self) }
            return cached
        }
        guard let compiled else { return false }
        return (try? compiled.wholeMatch(in: text)) != nil
    }
}

/// A condition that refuses an answer, with the sentence that says why.
public struct Check: Sendable {
    public let rejectIf: Expression
    public let message: LocalizedText
}

public final class Question: Sendable {
    public let id: String
    public let slot: Int
    public let kind: QuestionKind
    public let ask: [Audience: LocalizedText]
    /// A few words naming the answer in summaries ("Date de notification").
    public let label: LocalizedText
    public let help: LocalizedText
    /// The label of "I don't know" when the dialogue accepts it (the answer is null).
    public let unknown: LocalizedText?
    /// What `triage` uses when a case leaves this key out; nil when the key is required.
    public let triageDefault: Value?
    /// When a case may give this key at all (e.g. `overpayment_stage` only for an
    /// overpayment): `triage` refuses a key that makes no sense for the case.
    public let appliesWhen: Expression?
    public let checks: [Check]
    public let next: [Transition]
    public let position: SourcePosition

    init(
        id: String, slot: Int, kind: QuestionKind, ask: [Audience: LocalizedText], label: LocalizedText, help: LocalizedText,
        unknown: LocalizedText?, triageDefault: Value?, appliesWhen: Expression?, checks: [Check], next: [Transition],
        position: SourcePosition
    ) {
        self.id = id
        self.slot = slot
        self.kind = kind
        self.ask = ask
        self.label = label
        self.help = help
        self.unknown = unknown
        self.triageDefault = triageDefault
        self.appliesWhen = appliesWhen
        self.checks = checks
        self.next = next
        self.position = position
    }

    public func prompt(_ audience: Audience, _ language: Language) -> String {
        (ask[audience] ?? ask[.self] ?? ask.values.first)?.text(language) ?? id
    }
}
