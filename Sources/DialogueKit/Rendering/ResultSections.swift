/// A result cut into the parts every medium shows in the same order: the title,
/// the dates, the summary, what to do, what to do in parallel, the notes. The
/// terminal, the exports and the browser page lay them out each in their own way
/// from this one reading, so that no medium shows a step another leaves out.
public struct ResultSections: Sendable, Equatable {
    /// One date that matters: its label, the date in words, and how far it is
    /// from today ("dans 14 jours", or "au 23/11/2026, dans 14 jours" when dated).
    public struct DateLine: Sendable, Equatable {
        public let label: String
        public let words: String
        public let relative: String
        public let iso: String
    }

    public let title: String
    public let dates: [DateLine]
    public let summary: String
    public let steps: [String]
    public let parallel: [String]
    public let notes: [String]
}

extension ResultFormatter {
    /// The parts of `routed`. `dated` adds to each relative date the day it was
    /// counted from, for text read later (an export, a triage report), where
    /// "dans 14 jours" would go stale.
    public func sections(_ routed: RoutedCase, dated: Bool = false) -> ResultSections {
        let result = routed.result
        let outcome = dialogue.outcomes[result.outcome]
        let r = renderer
        var values: PathValues?  // computed once for the three lists' conditions
        return ResultSections(
            title: r.fill(outcome.title, result: result, today: routed.today),
            dates: dates(routed, dated: dated),
            summary: r.fill(outcome.summary, result: result, today: routed.today),
            steps: r.applicable(outcome.steps, result: result, today: routed.today, values: &values),
            parallel: r.applicable(outcome.parallel, result: result, today: routed.today, values: &values),
            notes: r.applicable(outcome.notes, result: result, today: routed.today, values: &values))
    }

    /// The dates of `routed` alone.
    func dates(_ routed: RoutedCase, dated: Bool) -> [ResultSections.DateLine] {
        dialogue.outputs.enumerated().compactMap { i, output in
            guard case .date(let d) = routed.result.outputs[i] else { return nil }
            let relative =
                dated
                ? DateWords.relativeAsOf(d, today: routed.today, language, opens: output.opens)
                : DateWords.relative(d, today: routed.today, language, opens: output.opens)
            return .init(label: output.label.text(language), words: DateWords.words(d, language), relative: relative, iso: d.iso)
        }
    }
}
