/// Fills the `{name}` slots of dialogue texts with answers and computed values, in
/// words: a date as "lundi 7 décembre 2026", a choice by its label.
public struct TextRenderer: Sendable {
    public let dialogue: Dialogue
    public let language: Language

    public init(dialogue: Dialogue, language: Language) {
        self.dialogue = dialogue
        self.language = language
    }

    public func format(_ value: Value, question: Question? = nil) -> String {
        switch value {
        case .null:
            return question?.unknown?.text(language) ?? Message.unknownValue.text(language)
        case .bool(let b): return (b ? Message.yes : Message.no).text(language)
        case .int(let i): return String(i)
        case .date(let d): return DateWords.words(d, language)
        case .string(let s):
            if let question, case .choice(let choices) = question.kind,
                let choice = choices.first(where: { $0.value == s })
            {
                return choice.label.text(language)
            }
            return s
        }
    }

    /// The value a `{name}` slot shows at this result, or nil when it is not known.
    public func slotValue(_ name: String, result: Conclusion, today: CivilDate) -> String? {
        if name == "today" { return format(.date(today)) }
        if let i = dialogue.outputs.firstIndex(where: { $0.name == name }) {
            return format(result.outputs[i])
        }
        guard let slot = dialogue.slotNames.firstIndex(of: name) else { return nil }
        if slot < dialogue.questions.count {
            return result.answers[slot].map { format($0, question: dialogue.questions[slot]) }
        }
        let values = PathValues(dialogue: dialogue, today: today, answers: result.answers)
        return (try? values.value(ofSlot: slot)).map { format($0) }
    }

    public func fill(_ text: LocalizedText, result: Conclusion, today: CivilDate) -> String {
        let template = text.text(language)
        // Read byte by byte: a text is read at every result shown, most have no slot.
        let utf8 = template.utf8
        let hasSlot = utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "{")) } ?? utf8.contains(UInt8(ascii: "{"))
        guard hasSlot, var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var out = ""
        var start = utf8.startIndex
        while let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
            out += template[start..<open]
            out += slotValue(String(template[utf8.index(after: open)..<close]), result: result, today: today) ?? "?"
            start = utf8.index(after: close)
            guard let next = utf8[start...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        return out + template[start...]
    }

    /// The conditional texts of an outcome that apply to this result.
    public func applicable(_ texts: [ConditionalText], result: Conclusion, today: CivilDate) -> [String] {
        var values: PathValues?
        return applicable(texts, result: result, today: today, values: &values)
    }

    /// `values`: the result's values, made for the first condition read and
    /// shared by the others, of these texts and of the next ones given it.
    func applicable(_ texts: [ConditionalText], result: Conclusion, today: CivilDate, values: inout PathValues?) -> [String] {
        var applying: [String] = []
        for item in texts {
            if let condition = item.condition {
                let known = values ?? PathValues(dialogue: dialogue, today: today, answers: result.answers)
                values = known
                guard (try? condition.test(known)) == true else { continue }  // an unknown: not applicable
            }
            applying.append(fill(item.text, result: result, today: today))
        }
        return applying
    }
}
