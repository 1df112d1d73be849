/// Every sentence DialogueKit builds, in French and in English side by side: one
/// case per message, one exhaustive switch, so that the compiler refuses a message
/// without both languages. The texts of the law are the dialogue's, not these.
///
/// To add a message: a case, then its two wordings in `wordings`. To add a
/// language: a case in `Language` and a field in `Catalogue.wordings`, which the compiler
/// then asks of every message.
public enum Message: Equatable, Sendable, Catalogue {
    // MARK: Words
    case colon
    case listSeparator
    case unknownValue
    case yes
    case no
    case today
    case otherwise
    case asOf(String)
    /// Days from today to a date; `opens` when the date is a first day, not a last one.
    case relativeDays(Int, opens: Bool = false)
    case unconfirmedMark
    case unconfirmedMarkdown
    case sourceLabel

    // MARK: Answers
    case answerTooLong
    case controlCharacters
    case typeAnAnswer
    case answerNeeded
    case notRecognised(hint: String)
    case choiceExpected(count: Int)
    case severalStartThisWay(String)
    case severalMatch(String)
    case answerYesOrNo
    case dateExpected
    case dateOutOfRange
    case notADayOfTheMonth(String)
    case notAMonthDidYouMean(String, guess: String)
    case notAMonth(String)
    case monthOutOfRange
    case noSuchDay(day: Int, month: Int, year: Int, days: Int)
    case nirProblem(NIR.Problem)

    // MARK: Triage
    case unknownKey(keys: String)
    case keyRequired(expected: String)
    case cannotRoute(String)
    case keyDoesNotApply(condition: String)
    case orNull
    case oneOf(String)
    case trueOrFalse
    case isoDate
    case someText
    case isoDateExpected
    case noSuchMonth(Int)
    case nullRefused(expected: String)
    case valueRefused(expected: String)
    case expected(String)

    // MARK: Guards in words
    case not
    case ifThenElse(String, String, String)
    case known
    /// A question's kind in the graph: `choice`, `yes-no`, `date`, `text`.
    case kindName(String)
    /// `diff`'s report.
    case diffHeading(old: String, new: String, changed: Int, total: Int, unchanged: Int)
    case diffGroup(from: String, to: String, count: Int)
    case diffExample(String)
    case diffNoDate
    case diffDates
    case diffInvalid(String)
    case or
    case and
    case neither
    case nor
    case among
    case outside

    // MARK: Results
    case noteTitle(String)
    case noteTitleUnderWay
    case resultLabel
    case toDoLabel
    case rulesLine(rules: String, dialogue: String, version: String)
    case caseOnLine(Int)
    case onLine(Int)
    case recommendationLabel
    case routeLabel
    case recommendationWord
    case routeWord
    case whatToDo
    case inParallel
    case why
    case answersHeading
    case rulesFooter(dialogue: String, version: String, today: String)
    case noLetterNothingToContest
    case noLetterYet
    case noLetterTemplate(route: String)

    public var wordings: (fr: String, en: String) {
        switch self {
        case .colon: return (" : ", ": ")
        case .listSeparator: return (" ; ", "; ")
        case .unknownValue: return ("inconnu", "unknown")
        case .yes: return ("oui", "yes")
        case .no: return ("non", "no")
        case .today: return ("aujourd'hui", "today")
        case .otherwise: return ("sinon", "otherwise")
        case .asOf(let day): return (" — calcul du \(day)", " — as of \(day)")
        case .relativeDays(let n, let opens):
            switch (n, opens) {
            case (0, false): return ("aujourd'hui, dernier jour", "today, the last day")
            case (0, true): return ("dès aujourd'hui", "from today")
            case (1, _): return ("demain", "tomorrow")
            case (2..., _): return ("dans \(n) jours", "in \(n) days")
            case (-1, false): return ("dépassée depuis hier", "passed yesterday")
            case (-1, true): return ("possible depuis hier", "possible since yesterday")
            case (_, false): return ("dépassée depuis \(-n) jours", "passed \(-n) days ago")
            case (_, true): return ("possible depuis \(-n) jours", "possible for \(-n) days")
            }
        case .unconfirmedMark: return (" [non confirmé aujourd'hui]", " [not confirmed today]")
        case .unconfirmedMarkdown: return (" *(non confirmé aujourd'hui)*", " *(not confirmed today)*")
        case .sourceLabel: return ("source : ", "source: ")

        case .answerTooLong: return ("réponse trop longue : 2 000 caractères au plus", "answer too long: 2,000 characters at most")
        case .controlCharacters:
            return (
                "la réponse contient des caractères de contrôle ; tapez seulement du texte",
                "the answer holds control characters; type plain text only"
            )
        case .typeAnAnswer: return ("aucune réponse donnée", "no answer given")
        case .answerNeeded: return ("cette question demande une réponse", "this question needs an answer")
        case .notRecognised(let hint): return ("réponse non reconnue ; tapez \(hint)", "answer not recognised; type \(hint)")
        case .choiceExpected(let count):
            return (
                "donnez le numéro d'une des \(count) réponses, de 1 à \(count), ou le début de son libellé",
                "give the number of one of the \(count) answers, from 1 to \(count), or the start of its label"
            )
        case .severalMatch(let listed):
            return (
                "ces mots vont avec plusieurs réponses : \(listed) ; tapez le numéro de la vôtre",
                "these words fit several answers: \(listed); type the number of yours"
            )
        case .severalStartThisWay(let numbers):
            return (
                "plusieurs réponses commencent ainsi (\(numbers)) ; tapez leur numéro",
                "several answers start this way (\(numbers)); type its number"
            )
        case .answerYesOrNo: return ("répondez oui ou non (o / n)", "answer yes or no (y / n)")
        case .dateExpected:
            return (
                "tapez une date comme 23/11/2026, 23 novembre 2026, hier ou « il y a 2 semaines »",
                "type a date such as 23/11/2026, 23 November 2026, yesterday or “2 weeks ago”"
            )
        case .dateOutOfRange:
            return (
                "cette date est hors des dates traitées, du 1er janvier 1900 au 31 décembre 9998",
                "this date is outside the dates handled, 1 January 1900 to 31 December 9998"
            )
        case .notADayOfTheMonth(let word):
            let expected = Message.dateExpected.wordings
            return ("« \(word) » n'est pas un jour du mois ; \(expected.fr)", "“\(word)” is not a day of the month; \(expected.en)")
        case .notAMonthDidYouMean(let word, let guess):
            return (
                "« \(word) » n'est pas un mois : vouliez-vous dire « \(guess) » ? Tapez la date de nouveau",
                "“\(word)” is not a month: did you mean “\(guess)”? Type the date again"
            )
        case .notAMonth(let word):
            let expected = Message.dateExpected.wordings
            return ("« \(word) » n'est pas un mois ; \(expected.fr)", "“\(word)” is not a month; \(expected.en)")
        case .monthOutOfRange:
            let expected = Message.dateExpected.wordings
            return ("le mois doit aller de 1 à 12 ; \(expected.fr)", "the month must be 1 to 12; \(expected.en)")
        case .noSuchDay(let day, let month, let year, let days):
            let fr = DateWords.frenchMonths[month - 1]
            let en = DateWords.englishMonths[month - 1]
            return (
                "le \(day) \(fr) \(year) n'existe pas : \(fr) \(year) a \(days) jours",
                "\(en) \(year) has no day \(day): it has \(days) days"
            )
        case .nirProblem(.length(let n)):
            return (
                "le numéro de sécurité sociale a 15 chiffres (13 et la clé), pas \(n)",
                "the social security number has 15 digits (13 and the key), not \(n)"
            )
        case .nirProblem(.characters):
            return (
                "seuls des chiffres sont attendus (et 2A ou 2B pour un département de Corse)",
                "only digits are expected (and 2A or 2B for a Corsican département)"
            )
        case .nirProblem(.sex):
            return (
                "le premier chiffre est 1 ou 2 (ou 3, 4, 7, 8 pour un numéro provisoire)",
                "the first digit is 1 or 2 (or 3, 4, 7, 8 for a provisional number)"
            )
        case .nirProblem(.key):
            return (
                "le numéro et sa clé (les 2 derniers chiffres) ne correspondent pas : une faute de frappe ? Relisez chaque chiffre sur la carte Vitale",
                "the number and its key (the last 2 digits) do not match: a typo? Read each digit again from the carte Vitale"
            )

        case .unknownKey(let keys): return ("clé inconnue ; les clés possibles sont : \(keys)", "unknown key; the keys are: \(keys)")
        case .keyRequired(let expected):
            return ("cette clé est nécessaire pour ce cas : \(expected)", "this key is required for this case: \(expected)")
        case .cannotRoute(let fault):
            return ("le dialogue ne sait pas traiter ce cas : \(fault)", "the dialogue cannot route this case: \(fault)")
        case .keyDoesNotApply(let condition):
            return (
                "cette clé ne s'applique pas à ce cas : elle ne vaut que si \(condition) ; retirez-la",
                "this key does not apply to this case: it holds only when \(condition); remove it"
            )
        case .orNull: return (", ou null (inconnu)", ", or null (unknown)")
        case .oneOf(let values): return ("une de ces valeurs : \(values)", "one of \(values)")
        case .trueOrFalse: return ("true ou false", "true or false")
        case .isoDate: return ("une date \"AAAA-MM-JJ\"", "a date \"YYYY-MM-DD\"")
        case .someText: return ("du texte", "text")
        case .isoDateExpected:
            return (
                "une date est attendue au format \"AAAA-MM-JJ\", par exemple \"2026-10-05\"",
                "a date is expected as \"YYYY-MM-DD\", for example \"2026-10-05\""
            )
        case .noSuchMonth(let m):
            let expected = Message.isoDateExpected.wordings
            return ("le mois \(m) n'existe pas ; \(expected.fr)", "there is no month \(m); \(expected.en)")
        case .nullRefused(let expected):
            return ("null n'est pas accepté ici ; attendu : \(expected)", "null is not accepted here; expected: \(expected)")
        case .valueRefused(let expected): return ("valeur refusée ; attendu : \(expected)", "value refused; expected: \(expected)")
        case .expected(let expected): return ("attendu : \(expected)", "expected: \(expected)")

        case .not: return ("non", "not")
        case .ifThenElse(let c, let y, let n): return ("si \(c) alors \(y) sinon \(n)", "if \(c) then \(y) else \(n)")
        case .known: return ("valeur connue", "value known")
        case .kindName("choice"): return ("choix", "choice")
        case .kindName("yes-no"): return ("oui ou non", "yes or no")
        case .kindName("text"): return ("texte", "text")
        case .kindName(let other): return (other, other)
        case .diffHeading(let old, let new, let changed, let total, let unchanged):
            return (
                "\(old) → \(new) : \(changed) cas sur \(total) \(changed > 1 ? "changent" : "change"), \(unchanged) \(unchanged > 1 ? "inchangés" : "inchangé")",
                "\(old) → \(new): \(changed) of \(total) cases change, \(unchanged) unchanged"
            )
        case .diffGroup(let from, let to, let count):
            return ("\(from) → \(to) : \(count) cas", "\(from) → \(to): \(count) \(count == 1 ? "case" : "cases")")
        case .diffExample(let name): return ("    par ex. \(name)", "    e.g. \(name)")
        case .diffNoDate: return ("aucune date", "no date")
        case .diffDates: return (" (dates)", " (dates)")
        case .diffInvalid(let field): return ("refusé (\(field))", "invalid (\(field))")
        case .or: return ("ou", "or")
        case .and: return ("et", "and")
        case .neither: return ("ni", "neither")
        case .nor: return ("ni", "nor")
        case .among: return ("parmi", "in")
        case .outside: return ("hors de", "not in")

        case .noteTitle(let day): return ("Litige Assurance Maladie — \(day)", "Assurance Maladie dispute — \(day)")
        case .noteTitleUnderWay: return ("Litige Assurance Maladie — entretien en cours", "Assurance Maladie dispute — interview under way")
        case .resultLabel: return ("Résultat : ", "Result: ")
        case .toDoLabel: return ("Conseil donné à la personne : ", "Advice given to the person: ")
        case .rulesLine(let rules, let dialogue, let version):
            return ("Règles : \(rules) (\(dialogue) \(version))", "Rules: \(rules) (\(dialogue) \(version))")
        case .caseOnLine(let line): return ("Cas de la ligne \(line)", "Case on line \(line)")
        case .onLine(let line): return (" (ligne \(line))", " (line \(line))")
        case .recommendationLabel: return ("Recommandation : ", "Recommendation: ")
        case .routeLabel: return (" ; voie : ", "; route: ")
        case .recommendationWord: return ("Recommandation", "Recommendation")
        case .routeWord: return ("Voie", "Route")
        case .whatToDo: return ("À faire", "What to do")
        case .inParallel: return ("En parallèle", "In parallel")
        case .why: return ("Pourquoi", "Why")
        case .answersHeading: return ("Réponses", "Answers")
        case .rulesFooter(let dialogue, let version, let today):
            return (
                "Règles : \(dialogue) version \(version) ; date du jour : \(today)",
                "Rules: \(dialogue) version \(version); today: \(today)"
            )
        case .noLetterNothingToContest: return ("Aucune lettre : il n'y a rien à contester.", "No letter: there is nothing to contest.")
        case .noLetterYet:
            return (
                "Aucune lettre pour l'instant : attendez la réponse ; le résultat dit quand écrire.",
                "No letter yet: wait for the answer; the result says when to write."
            )
        case .noLetterTemplate(let route):
            return (
                "Pas de modèle pour cette voie (\(route)) : elle suit sa propre procédure, décrite dans le résultat.",
                "No template for this route (\(route)): it follows its own procedure, described in the result."
            )
        }
    }
}
