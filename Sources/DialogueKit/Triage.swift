/// Why a case could not be routed: the field at fault (nil for the case as a
/// whole) and one sentence saying what is expected.
public struct CaseError: Error, Sendable, Equatable {
    public let field: String?
    public let message: String

    public init(field: String?, message: String) {
        self.field = field.map(VisibleText.escapingControls)
        self.message = VisibleText.escapingControls(message)
    }
}

/// A routed case: the result, and the day it was routed for.
public struct RoutedCase: Sendable {
    public let result: Result
    public let today: CivilDate

    public init(result: Result, today: CivilDate) {
        self.result = result
        self.today = today
    }
}

/// Routes cases given as key/value objects. The keys are the dialogue's question
/// names; the case is run through the same `Walker` as the interview, each
/// question answered from its key, so there is no second copy of the rules.
public struct Triage: Sendable {
    public let dialogue: Dialogue
    public let language: Language
    private let questionIndex: [String: Int]

    public init(dialogue: Dialogue, language: Language = .fr) {
        self.dialogue = dialogue
        self.language = language
        var index: [String: Int] = [:]
        for (i, q) in dialogue.questions.enumerated() { index[q.id] = i }
        self.questionIndex = index
    }


    /// Routes one case. `todayOverride` (the command-line option) wins over the
    /// case's own `today`, which wins over `clockToday`.
    public func route(
        _ pairs: [(key: String, value: CaseValue)], todayOverride: CivilDate?, clockToday: CivilDate
    ) -> Swift.Result<RoutedCase, CaseError> {
        var answers: [Value?] = Array(repeating: nil, count: dialogue.questions.count)
        var today = todayOverride ?? clockToday
        for (key, raw) in pairs {
            if key == "today" {
                guard case .string(let s) = raw, let d = CivilDate(iso: s) else {
                    return .failure(CaseError(field: key, message: dateMessage(raw)))
                }
                if todayOverride == nil { today = d }
                continue
            }
            guard let q = questionIndex[key] else {
                let keys = (dialogue.questions.map(\.id) + ["today"]).joined(separator: ", ")
                return .failure(CaseError(field: key, message: language.say(
                    "clé inconnue ; les clés possibles sont : \(keys)",
                    "unknown key; the keys are: \(keys)")))
            }
            switch answer(raw, for: dialogue.questions[q]) {
            case .success(let v): answers[q] = v
            case .failure(let e): return .failure(e)
            }
        }
        let (_, end) = Walker.walk(dialogue, today: today) { question in
            answers[question.slot] ?? question.triageDefault
        }
        switch end {
        case .outcome(let result):
            return .success(RoutedCase(result: result, today: today))
        case .ask(let q):
            let question = dialogue.questions[q]
            return .failure(CaseError(field: question.id, message: language.say(
                "cette clé est nécessaire pour ce cas : \(expectation(question))",
                "this key is required for this case: \(expectation(question))")))
        case .rejected(let q, let message):
            return .failure(CaseError(field: dialogue.questions[q].id, message: message.text(language)))
        case .fault(let fault):
            return .failure(CaseError(field: nil, message: language.say(
                "le dialogue ne sait pas traiter ce cas : \(fault)",
                "the dialogue cannot route this case: \(fault)")))
        }
    }

    /// What a key expects, in words.
    public func expectation(_ question: Question) -> String {
        let orNull = question.unknown != nil ? language.say(", ou null (inconnu)", ", or null (unknown)") : ""
        switch question.kind {
        case .choice(let choices):
            let values = choices.map { "\"\($0.value)\"" }.joined(separator: ", ")
            return language.say("une de ces valeurs : \(values)", "one of \(values)") + orNull
        case .yesNo: return language.say("true ou false", "true or false") + orNull
        case .date: return language.say("une date \"AAAA-MM-JJ\"", "a date \"YYYY-MM-DD\"") + orNull
        case .text(_, let hint): return (hint?.text(language) ?? language.say("du texte", "text")) + orNull
        }
    }

    private func dateMessage(_ raw: CaseValue) -> String {
        if case .string(let s) = raw, s.utf8.count == 10, case let parts = s.split(separator: "-"), parts.count == 3,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
        {
            let days = CivilDate.daysIn(month: m, year: y)
            let month = language == .fr ? DateWords.frenchMonths[m - 1] : DateWords.englishMonths[m - 1]
            return language.say("le \(d) \(month) \(y) n'existe pas : ce mois a \(days) jours",
                       "\(month) \(y) has no day \(d): it has \(days) days")
        }
        return language.say("une date est attendue au format \"AAAA-MM-JJ\", par exemple \"2026-10-05\"",
                   "a date is expected as \"YYYY-MM-DD\", for example \"2026-10-05\"")
    }

    /// A case's value for a question, checked against the question's kind; also how
    /// a saved session's answers are read back.
    public func answer(_ raw: CaseValue, for question: Question) -> Swift.Result<Value, CaseError> {
        func fail(_ message: String) -> Swift.Result<Value, CaseError> {
            .failure(CaseError(field: question.id, message: message))
        }
        if raw == .null {
            return question.unknown != nil ? .success(.null)
                : fail(language.say("null n'est pas accepté ici ; attendu : \(expectation(question))",
                           "null is not accepted here; expected: \(expectation(question))"))
        }
        switch question.kind {
        case .choice(let choices):
            if case .string(let s) = raw, choices.contains(where: { $0.value == s }) { return .success(.string(s)) }
        case .yesNo:
            if case .bool(let b) = raw { return .success(.bool(b)) }
        case .date:
            if case .string(let s) = raw {
                if let d = CivilDate(iso: s) { return .success(.date(d)) }
                return fail(dateMessage(raw))
            }
        case .text(let pattern, _):
            if case .string(let s) = raw {
                if let pattern, !pattern.matches(s) {
                    return fail(language.say("valeur refusée ; attendu : \(expectation(question))",
                                    "value refused; expected: \(expectation(question))"))
                }
                return .success(.string(s))
            }
        }
        return fail(language.say("attendu : \(expectation(question))", "expected: \(expectation(question))"))
    }
}
