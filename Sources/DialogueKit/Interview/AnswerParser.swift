/// Turns what a person types into an answer, or one sentence saying what is
/// expected. Pure: `today` is given, so "hier" and "il y a 2 semaines" are testable.
public struct AnswerParser: Sendable {
    public let today: CivilDate
    public let language: Language

    public init(today: CivilDate, language: Language) {
        self.today = today
        self.language = language
    }

    static let unknownWords: Set<String> = [
        "je ne sais pas", "ne sais pas", "sais pas", "jsp", "nsp", "je sais pas", "inconnu", "inconnue", "?",
        "je ne sais plus", "ne sais plus", "i don't know", "i dont know", "dont know", "don't know", "unknown", "idk",
        "i don't remember", "don't remember",
    ]

    /// The longest answer read, in bytes: any real answer is far shorter, and a
    /// pasted megabyte is refused at once instead of being folded and matched.
    public static let maximumLength = 2_000

    public func parse(_ raw: String, for question: Question) -> Result<Value, AnswerError> {
        guard raw.utf8.count <= AnswerParser.maximumLength else {
            return .failure(
                AnswerError(language.say("réponse trop longue : 2 000 caractères au plus", "answer too long: 2,000 characters at most")))
        }
        let text = raw.trimmingSpaces
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
            return .failure(
                AnswerError(
                    language.say(
                        "la réponse contient des caractères de contrôle ; tapez seulement du texte",
                        "the answer holds control characters; type plain text only")))
        }
        guard !text.isEmpty else {
            return .failure(AnswerError(language.say("tapez une réponse, ou :aide pour de l'aide", "type an answer, or :help for help")))
        }
        let folded = TextFolding.fold(text)
        if AnswerParser.unknownWords.contains(folded) {
            if question.unknown != nil { return .success(.null) }
            return .failure(
                AnswerError(
                    language.say(
                        "cette question demande une réponse ; tapez :aide pour savoir comment la trouver",
                        "this question needs an answer; type :help to see how to find it")))
        }
        switch question.kind {
        case .choice(let choices): return choice(text, folded, choices)
        case .yesNo: return yesNo(folded)
        case .date: return date(folded).map(Value.date)
        case .text(let pattern, let hint):
            if let pattern, !pattern.matches(text) {
                return .failure(
                    AnswerError(
                        language.say("réponse non reconnue ; tapez ", "answer not recognised; type ")
                            + (hint?.text(language) ?? pattern.source)))
            }
            guard text.utf8.count <= 2_000 else {
                return .failure(
                    AnswerError(language.say("réponse trop longue : 2 000 caractères au plus", "answer too long: 2,000 characters at most"))
                )
            }
            return .success(.string(text))
        }
    }

    func choice(_ text: String, _ folded: String, _ choices: [Choice]) -> Result<Value, AnswerError> {
        let expected = language.say(
            "tapez un numéro de 1 à \(choices.count), ou le début d'une réponse (Tab complète)",
            "type a number from 1 to \(choices.count), or the start of an answer (Tab completes)")
        if let n = Int(folded) {
            guard (1...choices.count).contains(n) else { return .failure(AnswerError(expected)) }
            return .success(.string(choices[n - 1].value))
        }
        if let exact = choices.first(where: { $0.value == text }) { return .success(.string(exact.value)) }
        let labels = choices.map { TextFolding.fold($0.label.text(language)) }
        if let i = labels.firstIndex(of: folded) { return .success(.string(choices[i].value)) }
        let matches = labels.indices.filter { labels[$0].hasPrefix(folded) }
        if matches.count == 1 { return .success(.string(choices[matches[0]].value)) }
        if matches.count > 1 {
            let numbers = matches.map { String($0 + 1) }.joined(separator: ", ")
            return .failure(
                AnswerError(
                    language.say(
                        "plusieurs réponses commencent ainsi (\(numbers)) ; tapez leur numéro",
                        "several answers start this way (\(numbers)); type its number")))
        }
        return .failure(AnswerError(expected))
    }

    func yesNo(_ folded: String) -> Result<Value, AnswerError> {
        switch folded {
        case "o", "oui", "y", "yes", "ouais", "1": return .success(.bool(true))
        case "n", "non", "no", "0": return .success(.bool(false))
        default: return .failure(AnswerError(language.say("répondez oui ou non (o / n)", "answer yes or no (y / n)")))
        }
    }

    var dateExpectation: String {
        language.say(
            "tapez une date comme 23/11/2026, 23 novembre 2026, hier ou « il y a 2 semaines »",
            "type a date such as 23/11/2026, 23 November 2026, yesterday or “2 weeks ago”")
    }

    /// Every date form the interview accepts; see the tests for the full list.
    /// Only dates the program can count from are accepted (`CivilDate.supported`).
    public func date(_ folded: String) -> Result<CivilDate, AnswerError> {
        let parsed = anyDate(folded)
        if case .success(let d) = parsed, !CivilDate.supported.contains(d) {
            return .failure(
                AnswerError(
                    language.say(
                        "cette date est hors des dates traitées, du 1er janvier 1900 au 31 décembre 9998",
                        "this date is outside the dates handled, 1 January 1900 to 31 December 9998")))
        }
        return parsed
    }

    private func anyDate(_ folded: String) -> Result<CivilDate, AnswerError> {
        switch folded {
        case "aujourd'hui", "aujourdhui", "today", "ajd": return .success(today)
        case "hier", "yesterday": return .success(today.adding(days: -1))
        case "avant-hier", "avant hier", "the day before yesterday": return .success(today.adding(days: -2))
        default: break
        }
        if let relative = relativeDate(folded) { return relative }
        if let iso = CivilDate(iso: folded) { return .success(iso) }
        let parts = folded.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" || $0 == " " })
            .map(String.init).filter { !$0.isEmpty }
        guard parts.count == 2 || parts.count == 3 else { return .failure(AnswerError(dateExpectation)) }
        var dayText = parts[0]
        if dayText.hasSuffix("er") { dayText.removeLast(2) }
        if dayText.hasSuffix("st") || dayText.hasSuffix("nd") || dayText.hasSuffix("rd") || dayText.hasSuffix("th") {
            dayText.removeLast(2)
        }
        guard let day = Int(dayText), let month = Int(parts[1]) ?? monthNumber(parts[1]) else {
            return .failure(AnswerError(dateExpectation))
        }
        var year: Int
        var yearGiven = true
        if parts.count == 3 {
            guard let y = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else {
                return .failure(AnswerError(dateExpectation))
            }
            year = y
            if parts[2].count == 2 { year += (y <= today.year % 100 + 1) ? 2000 : 1900 }
        } else {
            year = today.year
            yearGiven = false
        }
        guard (1...12).contains(month) else {
            return .failure(AnswerError(language.say("le mois doit aller de 1 à 12 ; ", "the month must be 1 to 12; ") + dateExpectation))
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let days = CivilDate.daysIn(month: month, year: year)
            let name = language == .fr ? DateWords.frenchMonths[month - 1] : DateWords.englishMonths[month - 1]
            return .failure(
                AnswerError(
                    language.say(
                        "le \(day) \(name) \(year) n'existe pas : \(name) \(year) a \(days) jours",
                        "\(name) \(year) has no day \(day): it has \(days) days")))
        }
        // A day and month without a year mean the last such day, not a future one.
        if !yearGiven && date > today, let previous = CivilDate(year: year - 1, month: month, day: day) {
            return .success(previous)
        }
        return .success(date)
    }

    func monthNumber(_ word: String) -> Int? {
        let names = [
            "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
            "novembre", "decembre",
        ]
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        let w = word.hasSuffix(".") ? String(word.dropLast()) : word
        for list in [names, english] {
            if let i = list.firstIndex(of: w) { return i + 1 }
        }
        guard w.count >= 3 else { return nil }
        let matches = (names + english).enumerated().filter { $0.element.hasPrefix(w) }.map { $0.offset % 12 }
        return Set(matches).count == 1 ? matches[0] + 1 : nil
    }

    /// "il y a 3 jours", "il y a 2 semaines", "il y a un mois", "3 days ago".
    /// Kept by hand: Foundation's date parsing knows fixed formats, not "il y a
    /// 2 semaines" or "avant-hier", and the answers must stay pure (given `today`).
    func relativeDate(_ folded: String) -> Result<CivilDate, AnswerError>? {
        var rest = Substring(folded)
        if rest.hasPrefix("il y a ") {
            rest = rest.dropFirst(7)
        } else if rest.hasSuffix(" ago") {
            rest = rest.dropLast(4)
        } else {
            return nil
        }
        let words = rest.split(separator: " ")
        guard words.count == 2 else { return .failure(AnswerError(dateExpectation)) }
        let numbers = [
            "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6,
        ]
        guard let n = Int(words[0]) ?? numbers[String(words[0])], n >= 0, n <= 1200 else {
            return .failure(AnswerError(dateExpectation))
        }
        switch words[1] {
        case "jour", "jours", "day", "days": return .success(today.adding(days: -n))
        case "semaine", "semaines", "week", "weeks": return .success(today.adding(days: -7 * n))
        case "mois", "month", "months": return .success(today.adding(months: -n))
        case "an", "ans", "annee", "annees", "year", "years": return .success(today.adding(months: -12 * n))
        default: return .failure(AnswerError(dateExpectation))
        }
    }
}

/// A refused answer: one sentence saying what is expected.
public struct AnswerError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = VisibleText.escapingControls(message) }
}

extension String {
    /// The text without the white space around it.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
