import DialogueKit

/// Guards said in words, for the graph trainers look at:
/// `subject == "no-gp"` becomes « Objet du litige = Je ne trouve pas de médecin traitant ».
public struct GuardWords: Sendable {
    public let dialogue: Dialogue
    public let language: Language

    public init(dialogue: Dialogue, language: Language) {
        self.dialogue = dialogue
        self.language = language
    }

    func name(_ slot: Int) -> String {
        if slot < dialogue.questions.count { return dialogue.questions[slot].label.text(language) }
        let computed = dialogue.computed[slot - dialogue.questions.count]
        return computed.label?.text(language) ?? computed.name.replacingUnderscores
    }

    func literal(_ v: Value, for slot: Int?) -> String {
        if let slot, slot < dialogue.questions.count, case .string(let s) = v,
            case .choice(let choices) = dialogue.questions[slot].kind,
            let c = choices.first(where: { $0.value == s })
        {
            let label = c.label.text(language)
            return "« " + (label.count > 40 ? String(label.prefix(38)) + "…" : label) + " »"
        }
        switch v {
        case .null: return Message.unknownValue.text(language)
        case .bool(let b): return (b ? Message.yes : Message.no).text(language)
        case .date(let d): return DateWords.short(d)
        default: return "\(v)"
        }
    }

    public func words(_ e: Expr) -> String {
        switch e {
        case .literal(let v): return literal(v, for: nil)
        case .list(let vs): return vs.map { literal($0, for: nil) }.joined(separator: ", ")
        case .today: return Message.today.text(language)
        case .variable(let s): return name(s)
        case .not(let a): return Message.not.text(language) + " (" + words(a) + ")"
        case .conditional(let c, let y, let n):
            return Message.ifThenElse(words(c), words(y), words(n)).text(language)
        case .call(.known, let args): return words(args[0]) + language.colon + Message.known.text(language)
        case .call(let f, let args): return f.rawValue + "(" + args.map(words).joined(separator: ", ") + ")"
        case .binary(let op, let a, let b):
            let slot: Int? = if case .variable(let s) = a { s } else { nil }
            switch (op, b) {
            case (.equal, .literal(let v)): return "\(words(a)) = \(literal(v, for: slot))"
            case (.notEqual, .literal(let v)): return "\(words(a)) ≠ \(literal(v, for: slot))"
            case (.isIn, .list(let vs)):
                return words(a) + language.colon
                    + vs.map { literal($0, for: slot) }.joined(separator: " " + Message.or.text(language) + " ")
            case (.notIn, .list(let vs)):
                return "\(words(a)) " + Message.neither.text(language) + " "
                    + vs.map { literal($0, for: slot) }.joined(separator: " " + Message.nor.text(language) + " ")
            default: break
            }
            let symbol: String
            switch op {
            case .and: symbol = Message.and.text(language)
            case .or: symbol = Message.or.text(language)
            case .equal: symbol = "="
            case .notEqual: symbol = "≠"
            case .less: symbol = "<"
            case .lessOrEqual: symbol = "≤"
            case .greater: symbol = ">"
            case .greaterOrEqual: symbol = "≥"
            case .isIn: symbol = Message.among.text(language)
            case .notIn: symbol = Message.outside.text(language)
            case .plus: symbol = "+"
            case .minus: symbol = "−"
            }
            return "\(words(a)) \(symbol) \(words(b))"
        }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
