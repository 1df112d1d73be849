import DialogueKit
import Foundation

/// The details of a letter as the page's form sends them, all at once: the same
/// details the terminal asks one by one, with the same NIR check.
struct LetterFields: Equatable, Sendable {
    var values: [LetterField: String] = [:]

    subscript(field: LetterField) -> String { values[field] ?? "" }

    /// What the fields give: the letter's details, or what is wrong with each field.
    enum Check {
        case details(LetterDetails)
        case problems([LetterField: WebSentence])
    }

    func check(citesADecision: Bool) -> Check {
        var problems: [LetterField: WebSentence] = [:]
        var texts: [LetterField: String] = [:]
        for field in LetterField.allCases where field != .reference || citesADecision {
            var text = self[field].replacingLineEnds().trimmingSpaces
            if !field.isWording, text.utf8.contains(0x0A) { text = text.replacingOccurrences(of: "\n", with: " ") }
            // Counted as shown (characters) and bounded in bytes: 12,000 combining
            // marks make one character of 24,000 bytes.
            if text.count > field.maximumLength || text.utf8.count > 4 * field.maximumLength {
                problems[field] = .fieldTooLong(characters: field.maximumLength)
            } else if VisibleText.forbiddenCharacter(in: text.replacingOccurrences(of: "\n", with: " ")) != nil {
                problems[field] = .fieldControlCharacters
            } else if text.isEmpty {
                if !field.isOptional { problems[field] = .fieldNeeded }
            } else {
                texts[field] = text
            }
        }
        var nir: NIR?
        if let text = texts[.nir] {
            switch NIR.parse(text) {
            case .success(let parsed): nir = parsed
            case .failure(let problem): problems[.nir] = .nirRefused(problem)
            }
        }
        guard problems.isEmpty, let nir, let name = texts[.name], let address = texts[.address], let caisse = texts[.caisse] else {
            return .problems(problems)
        }
        return .details(
            LetterDetails(
                name: name, address: address, nir: nir, caisse: caisse, reference: texts[.reference],
                facts: texts[.facts], grounds: texts[.grounds], request: texts[.request]))
    }
}

extension String {
    /// CR LF and lone CR, as browsers send a textarea's lines, become LF.
    fileprivate func replacingLineEnds() -> String {
        guard utf8.contains(0x0D) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
