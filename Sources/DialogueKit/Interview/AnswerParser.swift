/// Turns what a person types into an answer, or one sentence saying what is
/// expected. Pure: `today` is given, so "hier" and "il y a 2 semaines" are testable.
public struct AnswerParser: Sendable {
    public let today: CivilDate
    public let language: Language
    /// Whose labels are on the screen: a typed prefix matches what was shown.
    public let audience: Audience
    /// How a day and month without a year are read.
    public let yearless: Yearless

    /// « 5 décembre » without a year.
    public enum Yearless: Sendable {
        /// The last such day, never a future one: what happened (a notification, a
        /// complaint), the interview's questions.
        case past
        /// The such day nearest `today`, before or after: a deadline the quiz asks
        /// for, which is usually ahead.
        case nearest
    }

    public init(today: CivilDate, language: Language, audience: Audience = .self, yearless: Yearless = .past) {
        self.today = today
        self.language = language
        self.audience = audience
        self.yearless = yearless
    }

    static let unknownWords: Set<String> = [
        "je ne sais pas", "ne sais pas", "sais pas", "jsp", "nsp", "je sais pas", "inconnu", "inconnue", "?",
        "je ne sais plus", "ne sais plus", "i don't know", "i dont know", "dont know", "don't know", "unknown", "idk",
        "i don't remember", "don't remember", "not sure", "i'm not sure", "im not sure", "pas sur", "pas sure", "je ne suis pas sur",
        "je ne suis pas sure", "je sais plus", "aucune idee", "no idea",
    ]

    /// The longest answer read, in bytes: any real answer is far shorter, and a
    /// pasted megabyte is refused at once instead of being folded and matched.
    public static let maximumLength = 2_000

    /// The text that this parser reads back as `value` whatever the day and the
    /// language: what the page's session cookie carries, so that each request is
    /// checked by the same parser as a typed answer.
    public static func canonicalText(_ value: Value) -> String {
        switch value {
        case .null: return "je ne sais pas"
        case .bool(let b): return b ? "oui" : "non"
        case .int(let i): return String(i)
        case .string(let s): return s
        case .date(let d): return d.iso
        }
    }

    public func parse(_ raw: String, for question: Question) -> Result<Value, AnswerError> {
        if let value = AnswerParser.canonical(raw, for: question) { return .success(value) }
        return parseTyped(raw, for: question)
    }

    /// `canonicalText`'s own forms, read at once: what a page sends back for every
    /// answer at every request. Only texts that folding and trimming leave as they
    /// are (lower-case ASCII letters, digits, `-`, `_`, single spaces) and that mean
    /// the same to `parseTyped` (tested on every question); nil for any other.
    public static func canonical(_ text: String, for question: Question) -> Value? {
        let plain = text.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x20
        }
        guard plain, let first = text.utf8.first, first != 0x20, text.utf8.last != 0x20 else { return nil }
        if AnswerParser.unknownWords.contains(text) { return question.unknown != nil && text == canonicalText(.null) ? .null : nil }
        switch question.kind {
        case .choice(let choices):
            guard Int(text) == nil, choices.contains(where: { $0.value == text }) else { return nil }
            return .string(text)
        case .yesNo:
            return text == "oui" ? .bool(true) : text == "non" ? .bool(false) : nil
        case .date:
            guard let date = CivilDate(iso: text), CivilDate.supported.contains(date) else { return nil }
            return .date(date)
        case .text:
            return nil
        }
    }

    /// What a person typed, in any of the forms the interview accepts.
    func parseTyped(_ raw: String, for question: Question) -> Result<Value, AnswerError> {
        guard raw.utf8.count <= AnswerParser.maximumLength else {
            return .failure(
                .tooLong)
        }
        let text = raw.trimmingSpaces
        if VisibleText.forbiddenCharacter(in: text) != nil {
            return .failure(
                .controlCharacters)
        }
        guard !text.isEmpty else {
            return .failure(.empty)
        }
        let folded = TextFolding.fold(text)
        if AnswerParser.unknownWords.contains(AnswerParser.withoutFinalPunctuation(folded)) {
            if question.unknown != nil { return .success(.null) }
            return .failure(
                .needed)
        }
        switch question.kind {
        case .choice(let choices): return choice(text, folded, choices)
        case .yesNo: return yesNo(folded)
        case .date: return date(folded).map(Value.date)
        case .text(let pattern, let hint):
            // A département named rather than numbered (« Pas-de-Calais », « la
            // Réunion »), wherever the question takes a département's number.
            if let pattern, !pattern.matches(text), let code = DepartmentNames.code(text), pattern.matches(code) {
                return .success(.string(code))
            }
            if let pattern, !pattern.matches(text) {
                return .failure(.notRecognised(hint: hint, pattern: pattern.source))
            }
            guard text.utf8.count <= 2_000 else {
                return .failure(
                    .tooLong
                )
            }
            return .success(.string(text))
        }
    }

    func choice(_ text: String, _ typed: String, _ choices: [Choice]) -> Result<Value, AnswerError> {
        let expected = AnswerError.choiceExpected(count: choices.count)
        // « 4. » and « non. » as on a yes/no question.
        let folded = AnswerParser.withoutFinalPunctuation(typed)
        if let n = Int(folded) {
            guard (1...choices.count).contains(n) else { return .failure(expected) }
            return .success(.string(choices[n - 1].value))
        }
        if let exact = choices.first(where: { $0.value == text }) { return .success(.string(exact.value)) }
        let labels = choices.map { TextFolding.fold($0.label(for: audience, language)) }
        if let i = labels.firstIndex(of: folded) { return .success(.string(choices[i].value)) }
        let matches = labels.indices.filter { labels[$0].hasPrefix(folded) }
        if matches.count == 1 { return .success(.string(choices[matches[0]].value)) }
        if matches.count > 1 {
            return .failure(.severalStartThisWay(matches.map { $0 + 1 }))
        }
        let byWords = ChoiceWords.matches(folded, choices.map { ChoiceWords(choice: $0, label: $0.label(for: audience, language)) })
        if byWords.count == 1 { return .success(.string(choices[byWords[0]].value)) }
        if byWords.count > 1 {
            let listed = byWords.map {
                AnswerError.NumberedChoice(
                    number: $0 + 1, fr: choices[$0].label(for: audience, .fr), en: choices[$0].label(for: audience, .en))
            }
            return .failure(.severalMatch(listed))
        }
        return .failure(expected)
    }

    /// Yes or no, with the full stop people add ("Non."). A digit is refused:
    /// "1" typed out of habit at a yes/no question is not a yes.
    public func yesNo(_ folded: String) -> Result<Value, AnswerError> {
        switch AnswerParser.withoutFinalPunctuation(folded) {
        case "o", "oui", "y", "yes", "ouais", "ok": return .success(.bool(true))
        case "n", "non", "no", "nope": return .success(.bool(false))
        default: return .failure(.yesOrNo)
        }
    }

    /// Every date form the interview accepts; see the tests for the full list.
    /// Only dates the program can count from are accepted (`CivilDate.supported`).
    public func date(_ folded: String) -> Result<CivilDate, AnswerError> {
        var parsed = anyDate(folded)
        if case .failure = parsed, let (found, _) = dateInSentence(folded) { parsed = .success(found) }
        if case .success(let d) = parsed, !CivilDate.supported.contains(d) {
            return .failure(
                .dateOutOfRange)
        }
        return parsed
    }

    /// A sentence holding exactly one date (« j'ai reçu une lettre le 3 octobre »):
    /// that date, and the words set aside around it; nil when there is none, or
    /// two different ones. The longest run of words that reads as a date wins at
    /// each place.
    func dateInSentence(_ folded: String) -> (date: CivilDate, setAside: [Int])? {
        let words = AnswerParser.withoutFinalPunctuation(folded).split(separator: " ").map(String.init)
        guard words.count > 1 else { return nil }
        var found: [(date: CivilDate, range: Range<Int>)] = []
        var i = 0
        while i < words.count {
            let longest = min(5, words.count - i)
            let hit = stride(from: longest, through: 1, by: -1).lazy.compactMap { length -> (CivilDate, Range<Int>)? in
                let window = words[i..<(i + length)].joined(separator: " ")
                guard length < words.count, AnswerParser.datedWindow(window), case .success(let d) = self.anyDate(window) else {
                    return nil
                }
                return (d, i..<(i + length))
            }.first
            if let (d, range) = hit {
                found.append((d, range))
                i = range.upperBound
            } else {
                i += 1
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.date == first.date }) else { return nil }
        let used = Set(found.flatMap { Array($0.range) })
        // Nothing left aside may look like another date or deny this one: a number
        // (« le 3 ou 4 novembre »), a month, « pas » (« pas hier »).
        let months = Set(DateWords.frenchMonths.map { TextFolding.fold($0) })
        for i in words.indices where !used.contains(i) {
            let w = words[i].filter { $0.isLetter || $0.isNumber }
            if w.contains(where: \.isNumber) || months.contains(w) || ChoiceWords.negations.contains(w) { return nil }
        }
        return (first.date, words.indices.filter { !used.contains($0) })
    }

    /// Whether words inside a sentence can be a date: a number or a day's name,
    /// and a count of days or weeks only with « il y a » (« un jour de novembre »,
    /// « pendant 3 semaines » are no dates).
    static func datedWindow(_ window: String) -> Bool {
        let words = window.split(separator: " ").map(String.init)
        let counted = [
            "jour", "jours", "semaine", "semaines", "sem", "mois", "an", "ans", "day", "days", "week", "weeks", "month", "months",
        ]
        if words.contains(where: { counted.contains($0) }) { return window.contains("il y a") || window.contains("ago") }
        let named = ["hier", "aujourd'hui", "aujourdhui", "avant-hier", "yesterday", "today"] + DateWords.weekdayWords
        return window.contains(where: \.isNumber) || words.contains(where: { named.contains($0) })
    }

    /// The words a date answer left aside, when the date was taken from a
    /// sentence; nil when the whole answer was the date.
    public func wordsSetAside(_ raw: String) -> [String]? {
        let folded = TextFolding.fold(raw.trimmingSpaces)
        guard case .failure = anyDate(folded), let (_, aside) = dateInSentence(folded), !aside.isEmpty else { return nil }
        // The words as typed, accents kept: folding changes no space.
        let typed = AnswerParser.withoutFinalPunctuation(raw.trimmingSpaces).split(separator: " ").map(String.init)
        let words =
            typed.count == AnswerParser.withoutFinalPunctuation(folded).split(separator: " ").count
            ? typed : AnswerParser.withoutFinalPunctuation(folded).split(separator: " ").map(String.init)
        return aside.map { words[$0] }
    }

    /// "Le 3 octobre.", "lundi 2 novembre 2026" (the program's own read-back):
    /// the words around a date that say nothing of it, taken off.
    static func normalisedDate(_ folded: String) -> String {
        var s = Substring(withoutFinalPunctuation(folded))
        for prefix in ["le ", "the ", "on "] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        let weekdays = DateWords.weekdayWords
        if let space = s.firstIndex(of: " ") {
            let first = s[..<space].filter { $0 != "," }
            if weekdays.contains(String(first)) && !String(s[space...]).trimmingSpaces.hasPrefix("dernier") {
                s = Substring(String(s[space...]).trimmingSpaces)
            }
        }
        return String(s)
    }

    static func withoutFinalPunctuation(_ text: String) -> String {
        var s = Substring(text)
        while let last = s.last, last == "." || last == "!" || last == "," || last == ";" || last == " " { s = s.dropLast() }
        return String(s)
    }

    private func anyDate(_ raw: String) -> Result<CivilDate, AnswerError> {
        let folded = AnswerParser.normalisedDate(raw)
        if let weekday = lastWeekday(folded) { return .success(weekday) }
        switch folded {
        case "aujourd'hui", "aujourdhui", "today", "ajd": return .success(today)
        case "hier", "yesterday": return .success(today.adding(days: -1))
        case "avant-hier", "avant hier", "the day before yesterday": return .success(today.adding(days: -2))
        default: break
        }
        if let relative = relativeDate(folded) { return relative }
        if let iso = CivilDate(iso: folded) { return .success(iso) }
        var parts = folded.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" || $0 == " " })
            .map(String.init).filter { !$0.isEmpty }
        // Year first, as in 2026-04-31 (a day that does not exist, so not read as
        // ISO above): read in that order, not as day 2026 of April 1931.
        if parts.count == 3, parts[0].count == 4, Int(parts[0]) != nil { parts = [parts[2], parts[1], parts[0]] }
        guard parts.count == 2 || parts.count == 3 else { return .failure(.dateExpected) }
        var dayText = parts[0]
        if dayText.hasSuffix("er") { dayText.removeLast(2) }
        if dayText.hasSuffix("st") || dayText.hasSuffix("nd") || dayText.hasSuffix("rd") || dayText.hasSuffix("th") {
            dayText.removeLast(2)
        }
        guard let day = Int(dayText) else {
            return .failure(
                .notADayOfTheMonth(String(parts[0])))
        }
        guard let month = Int(parts[1]) ?? monthNumber(parts[1]) else {
            if let guess = nearestMonth(parts[1]) {
                return .failure(
                    .notAMonth(String(parts[1]), guess: guess))
            }
            return .failure(
                .notAMonth(String(parts[1]), guess: nil))
        }
        var year: Int
        var yearGiven = true
        if parts.count == 3 {
            guard let y = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else {
                return .failure(.dateExpected)
            }
            year = y
            if parts[2].count == 2 { year += (y <= today.year % 100 + 1) ? 2000 : 1900 }
        } else {
            year = today.year
            yearGiven = false
        }
        guard (1...12).contains(month) else {
            return .failure(.monthOutOfRange)
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let days = CivilDate.daysIn(month: month, year: year)
            return .failure(.noSuchDay(day: day, month: month, year: year, days: days))
        }
        guard !yearGiven else { return .success(date) }
        switch yearless {
        case .past:
            // A day and month without a year mean the last such day, not a future one.
            if date > today, let previous = CivilDate(year: year - 1, month: month, day: day) { return .success(previous) }
        case .nearest:
            let candidates = [year - 1, year, year + 1].compactMap { CivilDate(year: $0, month: month, day: day) }
            if let nearest = candidates.min(by: { abs(today.days(until: $0)) < abs(today.days(until: $1)) }) { return .success(nearest) }
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
        let w = withoutDot(word)
        for list in [names, english] {
            if let i = list.firstIndex(of: w) { return i + 1 }
        }
        guard w.count >= 3 else { return nil }
        let matches = (names + english).enumerated().filter { $0.element.hasPrefix(w) }.map { $0.offset % 12 }
        return Set(matches).count == 1 ? matches[0] + 1 : nil
    }

    /// A word without the full stop of an abbreviation ("sept." → "sept").
    private func withoutDot(_ word: String) -> String { word.hasSuffix(".") ? String(word.dropLast()) : word }

    /// The month a misspelt word most likely means ("ocotbre" → octobre), within
    /// two letters changed; offered, never taken without asking.
    func nearestMonth(_ word: String) -> String? {
        let w = Array(withoutDot(word))
        guard w.count >= 4, w.allSatisfy(\.isLetter) else { return nil }
        let names = DateWords.monthNames(language).map { $0.lowercased() }
        let scored = names.map { name -> (String, Int) in (name, AnswerParser.editDistance(w, Array(TextFolding.fold(name)))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    /// Levenshtein distance with adjacent transpositions, for a dozen short words.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// "lundi dernier", "last monday": the most recent such day before today.
    func lastWeekday(_ folded: String) -> CivilDate? {
        let words = folded.split(separator: " ").map(String.init)
        let name: String
        if words.count == 2, words[1] == "dernier" {
            name = words[0]
        } else if words.count == 2, words[0] == "last" {
            name = words[1]
        } else {
            return nil
        }
        guard let index = DateWords.weekdayWords.firstIndex(of: name) else { return nil }
        let weekday = index % 7 + 1
        var d = today.adding(days: -1)
        while d.weekday != weekday { d = d.adding(days: -1) }
        return d
    }

    /// "il y a 3 jours", "il y a 2 semaines", "il y a un mois", "3 days ago".
    /// Kept by hand: Foundation's date parsing knows fixed formats, not "il y a
    /// 2 semaines", "3 sem" or "avant-hier", and the answers must stay pure (given
    /// `today`). A bare "21 jours" means 21 days ago: every date asked is in the past.
    func relativeDate(_ folded: String) -> Result<CivilDate, AnswerError>? {
        var rest = Substring(folded)
        if rest.hasPrefix("il y a ") {
            rest = rest.dropFirst(7)
        } else if rest.hasSuffix(" ago") {
            rest = rest.dropLast(4)
        }
        let words = rest.split(separator: " ")
        guard words.count == 2 else { return rest == Substring(folded) ? nil : .failure(.dateExpected) }
        let numbers = [
            "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6,
        ]
        let unit: Int?  // days per unit; nil for months, counted as months
        var isMonths = false
        switch withoutDot(String(words[1])) {
        case "j", "jr", "jrs", "jour", "jours", "d", "day", "days": unit = 1
        case "sem", "sems", "semaine", "semaines", "w", "wk", "wks", "week", "weeks": unit = 7
        case "mois", "month", "months": unit = nil; isMonths = true
        case "an", "ans", "annee", "annees", "year", "years": unit = nil
        default:
            // Not a unit: "3 mars" is a date, not a relative one.
            return rest == Substring(folded) ? nil : .failure(.dateExpected)
        }
        guard let n = Int(words[0]) ?? numbers[String(words[0])], n >= 0, n <= 1200 else {
            return .failure(.dateExpected)
        }
        if let unit { return .success(today.adding(days: -unit * n)) }
        return .success(today.adding(months: isMonths ? -n : -12 * n))
    }
}

/// Why an answer was not taken, as a problem and not yet as words. `message` and
/// `sentence` say it in words that fit any medium (`Message`); the terminal
/// (`CLIMessage.refused`) says an empty answer, a needed one and a choice with its
/// own means (`:aide`, Tab), the page (`PageMachine`) with its buttons.
public enum AnswerError: Error, Sendable, Equatable {
    case tooLong
    case controlCharacters
    /// Nothing typed.
    case empty
    /// "Je ne sais pas" where the question needs an answer.
    case needed
    /// Text that does not fit the question's pattern: the dialogue's hint, or
    /// the pattern itself when it gives none.
    case notRecognised(hint: LocalizedText?, pattern: String)
    case choiceExpected(count: Int)
    /// Several labels start with what was typed: their numbers.
    case severalStartThisWay([Int])
    /// The words typed fit several choices: each with its number and label.
    case severalMatch([NumberedChoice])
    case yesOrNo
    case dateExpected
    case dateOutOfRange
    case notADayOfTheMonth(String)
    /// A word where the month goes, with the month it most likely means.
    case notAMonth(String, guess: String?)
    case monthOutOfRange
    case noSuchDay(day: Int, month: Int, year: Int, days: Int)

    /// The problem in words, in lower case without a full stop (it may follow
    /// « Réponse non valide : »); what was typed is shown, never obeyed.
    public func message(_ language: Language) -> String {
        VisibleText.escapingControls(words(language).text(language))
    }

    /// The problem as a sentence of its own: a capital, a full stop.
    public func sentence(_ language: Language) -> String {
        let text = message(language)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A choice as a refusal lists it: its number and its label in each language.
    public struct NumberedChoice: Sendable, Equatable {
        public let number: Int
        public let fr: String
        public let en: String
    }

    private func words(_ language: Language) -> Message {
        switch self {
        case .tooLong: return .answerTooLong
        case .controlCharacters: return .controlCharacters
        case .empty: return .typeAnAnswer
        case .needed: return .answerNeeded
        case .notRecognised(let hint, let pattern): return .notRecognised(hint: hint?.text(language) ?? pattern)
        case .choiceExpected(let count): return .choiceExpected(count: count)
        case .severalStartThisWay(let numbers): return .severalStartThisWay(numbers.map(String.init).joined(separator: ", "))
        case .severalMatch(let listed):
            let separator = language == .fr ? " ; " : "; "
            return .severalMatch(listed.map { "\($0.number). \(language == .fr ? $0.fr : $0.en)" }.joined(separator: separator))
        case .yesOrNo: return .answerYesOrNo
        case .dateExpected: return .dateExpected
        case .dateOutOfRange: return .dateOutOfRange
        case .notADayOfTheMonth(let word): return .notADayOfTheMonth(word)
        case .notAMonth(let word, let guess?): return .notAMonthDidYouMean(word, guess: guess)
        case .notAMonth(let word, nil): return .notAMonth(word)
        case .monthOutOfRange: return .monthOutOfRange
        case .noSuchDay(let day, let month, let year, let days): return .noSuchDay(day: day, month: month, year: year, days: days)
        }
    }
}
