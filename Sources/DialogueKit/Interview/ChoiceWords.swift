/// A choice found by the words a person uses rather than by the start of its
/// label: « carte vitale », « refus de remboursement », « par téléphone », « un
/// trop percu », « non ils ont jamais répondu ». Accents, case, hyphens and
/// apostrophes are folded; words that carry no meaning (« le », « par », « de »)
/// are set aside; each remaining word counts when it is a word of the label (its
/// examples in parentheses included) or of the choice's `keywords`, or begins one
/// (at 4 letters or more). The whole phrase found in a label or a keyword counts
/// most, so « décision administrative » is the administrative decision, not « une
/// décision, sans savoir si elle est médicale ou administrative ».
struct ChoiceWords {
    let choice: Choice
    let label: String

    /// Words that never tell answers apart.
    static let stopWords: Set<String> = [
        "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "a", "au", "aux", "et", "ou", "en", "par", "pour", "sur",
        "mon", "ma", "mes", "je", "j", "ai", "il", "ils", "elle", "elles", "on", "ont", "est", "c", "ca", "me", "m", "y", "ce",
        "the", "an", "of", "my", "by", "to", "it", "is", "i", "in", "on", "for", "and", "or", "with", "avec", "qui", "que",
    ]

    /// Words that turn a sentence into its opposite: « elle ne me donne pas raison »
    /// must never be read as « Oui, elle me donne raison ». They never count as a
    /// match; a choice counts only when it and the answer agree on negation.
    static let negations: Set<String> = [
        "ne", "n", "pas", "non", "aucun", "aucune", "rien", "jamais", "ni", "not", "no", "never", "nothing", "none",
    ]

    static func negated(_ words: [String]) -> Bool { words.contains { negations.contains($0) } }

    /// Folded, hyphens and apostrophes and punctuation made spaces, words joined by one space.
    static func normalised(_ text: String) -> String {
        let folded = TextFolding.fold(text)
        let spaced = String(folded.map { $0.isLetter || $0.isNumber ? $0 : " " })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        normalised(text).split(separator: " ").map(String.init)
    }

    /// How well the typed words fit: 0 for none; a whole phrase found counts more
    /// than any number of single words.
    func score(_ typed: [String], phrases: [String], negated: Bool) -> Int {
        // A keyword agrees on its own (« jamais répondu » for « pas encore de réponse »).
        let sources = ([ChoiceWords.normalised(label)] + choice.keywords.map(ChoiceWords.normalised)).filter {
            ChoiceWords.negated($0.split(separator: " ").map(String.init)) == negated
        }
        guard !sources.isEmpty else { return 0 }
        for phrase in phrases where phrase.count >= 3 && sources.contains(where: { " \($0) ".contains(" \(phrase) ") }) {
            return 1_000
        }
        // A keyword of several words found whole in what was typed (« jamais répondu »).
        let typedText = " " + typed.joined(separator: " ") + " "
        let whole = " " + (phrases.first ?? "") + " "
        for keyword in sources.dropFirst() where keyword.contains(" ") {
            if whole.contains(" \(keyword) ") || typedText.contains(" \(keyword) ") { return 500 }
        }
        let known = Set(sources.flatMap { $0.split(separator: " ").map(String.init) })
        return typed.filter { word in
            known.contains(word) || (word.count >= 4 && known.contains { $0.hasPrefix(word) })
        }.count
    }

    /// The indices of the choices the typed words fit best; empty when none fits.
    static func matches(_ typed: String, _ candidates: [ChoiceWords]) -> [Int] {
        let all = words(typed)
        // « je ne sais pas trop »: not knowing is no answer to pick for the person.
        if all.contains("sais") || all.contains("know") { return [] }
        let negated = negated(all)
        let meaningful = all.filter { !stopWords.contains($0) && !negations.contains($0) }
        guard !meaningful.isEmpty else { return [] }
        // The phrase as typed (« refus de remboursement »), and without its empty words.
        let phrases = [normalised(typed), meaningful.joined(separator: " ")]
        let scores = candidates.map { $0.score(meaningful, phrases: phrases, negated: negated) }
        guard let best = scores.max(), best > 0 else { return [] }
        return scores.indices.filter { scores[$0] == best }
    }
}
