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
    public let result: Conclusion
    public let today: CivilDate

    public init(result: Conclusion, today: CivilDate) {
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
    /// The questions answered from another key's presence, with that key's slot:
    /// found once here, not on every case.
    private let answeredByPresence: [(question: Int, key: Int, given: Value, absent: Value)]

    public init(dialogue: Dialogue, language: Language = .fr) {
        self.dialogue = dialogue
        self.language = language
        var index: [String: Int] = [:]
        for (i, q) in dialogue.questions.enumerated() { index[q.id] = i }
        self.questionIndex = index
        self.answeredByPresence = dialogue.questions.compactMap { q in
            guard let given = q.triageGiven, let key = index[given.key] else { return nil }
            return (q.slot, key, .string(given.given), .string(given.absent))
        }
    }

    /// Routes one case. `todayOverride` (the command-line option) wins over the
    /// case's own `today`, which wins over `clockToday`.
    public func route(
        _ pairs: [(key: String, value: CaseValue)], todayOverride: CivilDate?, clockToday: CivilDate
    ) -> Result<RoutedCase, CaseError> {
        var answers: [Value?] = Array(repeating: nil, count: dialogue.questions.count)
        var today = todayOverride ?? clockToday
        for (key, raw) in pairs {
            if key == "today" {
                guard let d = supportedDate(raw) else {
                    return .failure(CaseError(field: key, message: dateMessage(raw)))
                }
                if todayOverride == nil { today = d }
                continue
            }
            guard let q = questionIndex[key], dialogue.questions[q].triageGiven == nil else {
                let keys = (dialogue.questions.filter { $0.triageGiven == nil }.map(\.id) + ["today"]).joined(separator: ", ")
                return .failure(
                    CaseError(
                        field: key,
                        message: Message.unknownKey(keys: keys).text(language)))
            }
            switch answer(raw, for: dialogue.questions[q]) {
            case .success(let v): answers[q] = v
            case .failure(let e): return .failure(e)
            }
        }
        // A key given, even as null, has an answer here.
        for companion in answeredByPresence {
            answers[companion.question] = answers[companion.key] != nil ? companion.given : companion.absent
        }
        if let misplaced = misplacedKey(answers, given: pairs, today: today) { return .failure(misplaced) }
        let (_, end) = Walker.walk(dialogue, today: today) { question in
            answers[question.slot] ?? question.triageDefault
        }
        switch end {
        case .outcome(let result):
            return .success(RoutedCase(result: result, today: today))
        case .ask(let q):
            let question = dialogue.questions[q]
            return .failure(
                CaseError(
                    field: question.id,
                    message: Message.keyRequired(expected: expectation(question)).text(language)))
        case .rejected(let q, let message):
            return .failure(CaseError(field: dialogue.questions[q].id, message: message.text(language)))
        case .fault(let fault):
            return .failure(
                CaseError(
                    field: nil,
                    message: Message.cannotRoute("\(fault)").text(language)))
        }
    }

    /// A key given for a case it makes no sense for (`applies_when` false on the
    /// answers given). A guard that reads a key the case left out is not judged
    /// here: the walk then names the missing key.
    private func misplacedKey(_ answers: [Value?], given pairs: [(key: String, value: CaseValue)], today: CivilDate) -> CaseError? {
        // Built only for a case that gives a guarded key: most cases give none, and
        // this is triage's per-case path. Keys left out read as triage does: their
        // default, when they have one.
        var values: PathValues?
        for (key, _) in pairs {
            guard let q = questionIndex[key], let guardExpression = dialogue.questions[q].appliesWhen else { continue }
            let known =
                values
                ?? PathValues(dialogue: dialogue, today: today, answers: zip(answers, dialogue.questions).map { $0 ?? $1.triageDefault })
            values = known
            if let applies = try? guardExpression.test(known), !applies {
                return CaseError(
                    field: key,
                    message: Message.keyDoesNotApply(condition: guardExpression.source).text(language))
            }
        }
        return nil
    }

    /// What a key expects, in words.
    public func expectation(_ question: Question) -> String {
        let orNull = question.unknown != nil ? Message.orNull.text(language) : ""
        switch question.kind {
        case .choice(let choices):
            let values = choices.map { ["true", "false"].contains($0.value) ? $0.value : "\"\($0.value)\"" }.joined(separator: ", ")
            return Message.oneOf(values).text(language) + orNull
        case .yesNo: return Message.trueOrFalse.text(language) + orNull
        case .date: return Message.isoDate.text(language) + orNull
        case .text(_, let hint): return (hint?.text(language) ?? Message.someText.text(language)) + orNull
        }
    }

    private func dateMessage(_ raw: CaseValue) -> String {
        let format = Message.isoDateExpected.text(language)
        guard case .string(let s) = raw, s.utf8.count == 10, s.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }),
            case let parts = s.split(separator: "-", omittingEmptySubsequences: false), parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return format }
        if let date = CivilDate(year: y, month: m, day: d), !CivilDate.supported.contains(date) || y < 1 {
            return rangeMessage
        }
        guard (1...12).contains(m) else {
            return Message.noSuchMonth(m).text(language)
        }
        guard (1...9999).contains(y), CivilDate.supported.contains(CivilDate(year: y, month: m, day: 1)!) else { return rangeMessage }
        let days = CivilDate.daysIn(month: m, year: y)
        return Message.noSuchDay(day: d, month: m, year: y, days: days).text(language)
    }

    private var rangeMessage: String {
        Message.dateOutOfRange.text(language)
    }

    /// A date the program can compute with: a real day, in `CivilDate.supported`.
    private func supportedDate(_ raw: CaseValue) -> CivilDate? {
        guard case .string(let s) = raw, let d = CivilDate(iso: s), CivilDate.supported.contains(d) else { return nil }
        return d
    }

    /// A case's value for a question, checked against the question's kind; also how
    /// a saved session's answers are read back.
    public func answer(_ raw: CaseValue, for question: Question) -> Result<Value, CaseError> {
        func fail(_ message: String) -> Result<Value, CaseError> {
            .failure(CaseError(field: question.id, message: message))
        }
        if raw == .null {
            return question.unknown != nil
                ? .success(.null)
                : fail(
                    Message.nullRefused(expected: expectation(question)).text(language))
        }
        switch question.kind {
        case .choice(let choices):
            if case .string(let s) = raw, choices.contains(where: { $0.value == s }) { return .success(.string(s)) }
            // A choice named `true` or `false` (a yes or no that also has a third
            // answer, as `partial`) takes the JSON boolean.
            if case .bool(let b) = raw, case let word = b ? "true" : "false", choices.contains(where: { $0.value == word }) {
                return .success(.string(word))
            }
        case .yesNo:
            if case .bool(let b) = raw { return .success(.bool(b)) }
        case .date:
            if case .string = raw {
                if let d = supportedDate(raw) { return .success(.date(d)) }
                return fail(dateMessage(raw))
            }
        case .text(let pattern, _):
            if case .string(let s) = raw {
                if let pattern, !pattern.matches(s) {
                    return fail(
                        Message.valueRefused(expected: expectation(question)).text(language))
                }
                return .success(.string(s))
            }
        }
        return fail(Message.expected(expectation(question)).text(language))
    }
}
