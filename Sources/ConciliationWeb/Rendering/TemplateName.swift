/// Every name a page's values go by, and so every name a template may use: a
/// template that uses another is refused at start (`file:line:column`), a page
/// that sets another does not compile, and a value is found by comparing small
/// numbers rather than texts (measured: a tenth of a question page's work).
enum TemplateName: String, CaseIterable, Sendable {
    /// `{{.}}`: the innermost value, a list's item.
    case current = "."
    case answers, autocomplete, canGoBack, checked, colon, csrf, dates, describedBy, documentTitle, editing, error,
        fields, focus, hasToFill, preview, toFill, hasAnswers, hasDates, hasNotes, hasParallel, hasProblems, hasRules, hasSources,
        hasSteps, help, hint, homeLanguageLink, id, isChoice, iso, label, lang, letter, letterTitle, maximum,
        message, multiline, name, noLetter, notes, notice, optional, options, otherLang, parallel, progress, question,
        questionId, relative, root, rules, rulesLine, site, sources, steps, summary, text, title, typed, unconfirmed,
        unknownButton, url, value, why, words
}
