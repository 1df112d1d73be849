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
    /// Other words a person uses for this answer (`keywords:` in the file: « IJ »,
    /// « courrier », « jamais répondu »), in any language, matched folded.
    public let keywords: [String]

    public init(
        value: String, label: LocalizedText, note: LocalizedText? = nil, agent: LocalizedText? = nil, keywords: [String] = []
    ) {
        self.value = value
        self.label = label
        self.note = note
        self.agent = agent
        self.keywords = keywords
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

    package var valueType: ValueType {
        switch self {
        case .choice, .text: return .string
        case .yesNo: return .bool
        case .date: return .date
        }
    }
}

/// A text question's pattern, compiled once, when first used: answers and triage
/// cases are matched against it, never recompiling it per answer. The compiled
/// regex is kept behind a lock, so one instance can be matched from any thread.
public final class TextPattern: @unchecked Sendable {
    public let source: String
    /// Compiled when first used: the rules built into the binary were checked
    /// when it was built, and the first question should not wait for a regex.
    private let regex: Mutex<Regex<Substring>?>
    /// The pattern as alternatives of fixed-length sequences, when it is no more
    /// than that (as a département's code is): an ASCII answer is matched against
    /// it byte by byte (measured: the regex took some 16,000 instructions an answer,
    /// a twentieth of a question page's own work).
    private let alternatives: [[Set<UInt8>]]?

    /// nil when `source` is not a regular expression (checked unless `verified`).
    init?(_ source: String, verified: Bool = false) {
        if !verified {
            guard (try? Regex(source, as: Substring.self)) != nil else { return nil }
        }
        self.source = source
        self.regex = Mutex(nil)
        self.alternatives = TextPattern.fixedAlternatives(source)
    }

    /// Whether the whole answer has the expected form.
    public func matches(_ text: String) -> Bool {
        if let alternatives, text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            return alternatives.contains { atoms in
                atoms.count == bytes.count && zip(atoms, bytes).allSatisfy { $0.contains($1) }
            }
        }
        let compiled: Regex<Substring>? = regex.withLock { cached in
            if cached == nil { cached = try? Regex(source, as: Substring.self) }
            return cached
        }
        guard let compiled else { return false }
        return (try? compiled.wholeMatch(in: text)) != nil
    }

    /// `source` read as `|`-separated sequences of letters, digits and classes
    /// such as `[3-8]` or `[AaBb]` (each the set of bytes it accepts); nil for
    /// anything else (a group, a repetition, an escape, a negated class…), which
    /// the regex matches.
    static func fixedAlternatives(_ source: String) -> [[Set<UInt8>]]? {
        func plain(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        var alternatives: [[Set<UInt8>]] = []
        for part in source.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false) {
            let bytes = Array(part)
            guard !bytes.isEmpty else { return nil }
            var atoms: [Set<UInt8>] = []
            var i = 0
            while i < bytes.count {
                if plain(bytes[i]) {
                    atoms.append([bytes[i]])
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")), close > i + 1 else {
                    return nil
                }
                var set: Set<UInt8> = []
                var j = i + 1
                while j < close {
                    guard plain(bytes[j]) else { return nil }
                    if j + 2 < close, bytes[j + 1] == UInt8(ascii: "-") {
                        guard plain(bytes[j + 2]), bytes[j] <= bytes[j + 2] else { return nil }
                        for b in bytes[j]...bytes[j + 2] { set.insert(b) }
                        j += 3
                    } else {
                        set.insert(bytes[j])
                        j += 1
                    }
                }
                atoms.append(set)
                i = close + 1
            }
            alternatives.append(atoms)
        }
        return alternatives
    }
}

/// A question that `triage` answers from whether another key is in the case, not
/// from a key of its own: the interview asks "did the médiateur take the case?"
/// before the day he did, while a case says the same by giving the day's key (null
/// when the day is unknown) or leaving it out. Such a question is not a key.
public struct TriageGiven: Sendable {
    /// The key whose presence answers the question.
    public let key: String
    /// The choice a case that gives `key` (even as null) answers.
    public let given: String
    /// The choice a case that leaves `key` out answers.
    public let absent: String
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
    /// Set when `triage` answers this question from another key's presence.
    public let triageGiven: TriageGiven?
    /// When a case may give this key at all (e.g. `overpayment_stage` only for an
    /// overpayment): `triage` refuses a key that makes no sense for the case.
    public let appliesWhen: Expression?
    public let checks: [Check]
    public let next: [Transition]
    public let position: SourcePosition

    init(
        id: String, slot: Int, kind: QuestionKind, ask: [Audience: LocalizedText], label: LocalizedText, help: LocalizedText,
        unknown: LocalizedText?, triageDefault: Value?, triageGiven: TriageGiven? = nil, appliesWhen: Expression?, checks: [Check],
        next: [Transition],
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
        self.triageGiven = triageGiven
        self.appliesWhen = appliesWhen
        self.checks = checks
        self.next = next
        self.position = position
    }

    public func prompt(_ audience: Audience, _ language: Language) -> String {
        (ask[audience] ?? ask[.self] ?? ask.values.first)?.text(language) ?? id
    }
}
