import DialogueKit

/// What a letter needs that the interview did not ask, one field at a time: name,
/// address, NIR (checked, key included, never told which key would do), caisse,
/// the decision's reference for an appeal, then, each skippable with Enter, the
/// facts (or what the caisse decided), why the person disagrees and what they ask.
///
/// Pure: it takes lines and says what to show; the interview's machine and the
/// `letter` command both drive it, so the two ask the same questions the same way.
struct LetterForm: Equatable {
    /// What the form says after a line.
    enum Reply: Equatable {
        /// Say this, then ask the current field again.
        case refused(CLIMessage)
        /// The line is taken; `notes` are said before the next field.
        case accepted(notes: [CLIMessage])
    }

    let needsReference: Bool
    let asksWording: Bool
    private var texts: [LetterField: String] = [:]
    private var skipped: Set<LetterField> = []
    private var nir: NIR?

    /// `given` fields are not asked (the `letter` command's options); a given NIR
    /// that does not hold is asked again with the reason.
    init(needsReference: Bool, asksWording: Bool, given: [LetterField: String] = [:]) {
        self.needsReference = needsReference
        self.asksWording = asksWording
        for (field, text) in given {
            if field == .nir {
                if case .success(let parsed) = NIR.parse(text) { nir = parsed }
            } else {
                texts[field] = text
            }
        }
    }

    /// Why a given NIR was refused, to say before asking for it.
    static func givenNIRProblem(_ given: [LetterField: String]) -> CLIMessage? {
        guard let text = given[.nir], case .failure(let problem) = NIR.parse(text) else { return nil }
        return .nirRefused(problem)
    }

    /// The field asked next; nil once the letter has all it needs.
    var field: LetterField? {
        LetterField.allCases.first { field in
            switch field {
            case .nir: return nir == nil
            case .reference: return needsReference && texts[field] == nil && !skipped.contains(field)
            case .facts, .grounds, .request: return asksWording && texts[field] == nil && !skipped.contains(field)
            default: return texts[field] == nil
            }
        }
    }

    /// Whether the field is typed without echo in full or history.
    var isSecret: Bool { field == .nir }

    /// A line typed for the current field.
    mutating func accept(_ line: String) -> Reply {
        guard let field else { return .accepted(notes: []) }
        let trimmed = line.trimmingSpaces
        if VisibleText.forbiddenCharacter(in: trimmed) != nil {
            return .refused(.controlCharactersInDetail)
        }
        if trimmed.isEmpty {
            guard field.isOptional else { return .refused(.detailNeeded) }
            skipped.insert(field)
            return .accepted(notes: notesBefore(self.field, after: field))
        }
        if field == .nir {
            switch NIR.parse(trimmed) {
            case .failure(let problem): return .refused(.nirRefused(problem))
            case .success(let parsed):
                nir = parsed
                return .accepted(notes: [.nirRecorded(parsed.masked)] + notesBefore(self.field, after: field))
            }
        }
        texts[field] = trimmed
        return .accepted(notes: notesBefore(self.field, after: field))
    }

    /// The end of the input: what is optional is skipped; false when the letter
    /// cannot be written without what is missing.
    mutating func endOfInput() -> Bool {
        while let field = field {
            guard field.isOptional else { return false }
            skipped.insert(field)
        }
        return true
    }

    /// The sentence that opens the three passages, said once before the first.
    private func notesBefore(_ next: LetterField?, after previous: LetterField) -> [CLIMessage] {
        next?.isWording == true && !previous.isWording ? [.wordingIntro] : []
    }

    /// The question for the current field.
    var question: CLIMessage? { field.map { .letterField($0, aboutADecision: needsReference) } }

    /// The details once complete.
    var details: LetterDetails? {
        guard field == nil, let nir, let name = texts[.name], let address = texts[.address], let caisse = texts[.caisse] else {
            return nil
        }
        var details = LetterDetails(name: name, address: address, nir: nir, caisse: caisse, reference: texts[.reference])
        details.facts = texts[.facts]
        details.grounds = texts[.grounds]
        details.request = texts[.request]
        return details
    }
}

extension LetterForm {
    /// What to say before the first question: the given NIR's problem, and the
    /// passages' introduction when they come first.
    func opening(given: [LetterField: String]) -> [CLIMessage] {
        let nirNote: [CLIMessage] = nir.map { [.nirRecorded($0.masked)] } ?? (LetterForm.givenNIRProblem(given).map { [$0] } ?? [])
        return nirNote + (field?.isWording == true ? [.wordingIntro] : [])
    }
}
