import DialogueKit

/// The browser page's sentences that carry a value, in French and in English side
/// by side, one exhaustive switch like `WebMessage`'s.
enum WebSentence: Equatable, Sendable, Catalogue {
    /// What a request sent, quoted in a page: at most 40 characters, controls
    /// and bidirectional overrides written out, so that a 100,000-character name
    /// with NUL, ESC or RLO comes back short and inert.
    static func quoted(_ text: String) -> String {
        // Counted in scalars: 12,000 combining marks are one character, not one scalar.
        let scalars = text.unicodeScalars
        let short = scalars.count > 40 ? String(String.UnicodeScalarView(scalars.prefix(40))) + "…" : text
        return VisibleText.escapingControls(short)
    }

    case progress(number: Int, atMost: Int)
    case answersSetAside(labels: String)
    case changeAnswer(label: String)
    case fieldNeeded
    case chooseAnAnswer
    case writeAnAnswer
    case writeAnAnswerOrUnknown
    case answerNeededHere
    case fieldTooLong(characters: Int)
    case fieldControlCharacters
    case nirRefused(NIR.Problem)
    case pageTitle(page: String, site: String)
    case rulesVersion(dialogue: String, version: String)
    case letterKind(LetterKind)

    // MARK: Problems
    case notFound
    case forged
    case tampered(String)
    case tooLarge(kibibytes: Int)
    case unreadable
    case methodNotAllowed
    case unexpected

    // MARK: What was wrong in a tampered form
    case unknownQuestion(String)
    case answerRefused(label: String, reason: String)
    case fieldRepeated(String)
    case fieldMissing(String)
    case unknownButton(String)
    case badEncoding
    case tooManyFields
    case noResultYet
    case noLetterHere

    var wordings: (fr: String, en: String) {
        switch self {
        case .progress(let number, let atMost):
            return ("Question \(number) sur \(atMost) au plus", "Question \(number) of at most \(atMost)")
        case .answersSetAside(let labels):
            return (
                "Ces réponses ne s'appliquent plus après votre modification et ont été mises de côté : \(labels).",
                "These answers no longer apply after your change and were set aside: \(labels)."
            )
        case .changeAnswer(let label): return ("Modifier la réponse : \(label)", "Change the answer: \(label)")
        case .fieldNeeded: return ("Ce champ est à remplir.", "This field is required.")
        case .chooseAnAnswer: return ("Choisissez une des réponses proposées.", "Choose one of the answers offered.")
        case .writeAnAnswer: return ("Écrivez votre réponse dans le champ.", "Write your answer in the field.")
        case .writeAnAnswerOrUnknown:
            return (
                "Écrivez votre réponse dans le champ, ou dites que vous ne savez pas avec le bouton prévu.",
                "Write your answer in the field, or say that you do not know with the button for it."
            )
        case .answerNeededHere:
            return (
                "Cette question demande une réponse : l'aide sous la question dit où la trouver.",
                "This question needs an answer: the help under the question says where to find it."
            )
        case .fieldTooLong(let characters):
            return (
                "Ce texte est trop long : \(characters) caractères au plus.", "This text is too long: \(characters) characters at most."
            )
        case .fieldControlCharacters:
            return (
                "Ce texte contient des caractères invisibles ; tapez-le de nouveau.",
                "This text holds invisible characters; please type it again."
            )
        case .nirRefused(let problem):
            return (
                "Numéro refusé : \(Message.nirProblem(problem).text(.fr)).", "Number refused: \(Message.nirProblem(problem).text(.en))."
            )
        case .pageTitle(let page, let site): return ("\(page) — \(site)", "\(page) — \(site)")
        case .rulesVersion(let dialogue, let version):
            return ("Règles « \(dialogue) », version \(version).", "Rules “\(dialogue)”, version \(version).")
        case .letterKind(.complaint): return ("Réclamation adressée à la caisse.", "A complaint to the caisse.")
        case .letterKind(.mediator): return ("Saisine du médiateur de la caisse.", "A referral to the caisse's médiateur.")
        case .letterKind(.commission):
            return (
                "Recours devant la commission de recours amiable (CRA) ou la commission médicale (CMRA).",
                "An appeal to the commission de recours amiable (CRA) or the medical commission (CMRA)."
            )
        case .letterKind(.court):
            return (
                "Requête au pôle social du tribunal judiciaire.", "A request to the pôle social of the tribunal judiciaire."
            )
        case .letterKind(.opposition):
            return (
                "Opposition à une contrainte, devant le pôle social du tribunal judiciaire.",
                "An opposition to a contrainte, before the pôle social of the tribunal judiciaire."
            )
        case .notFound:
            return (
                "Cette page n'existe pas. Le questionnaire commence à l'accueil.",
                "This page does not exist. The questionnaire starts on the home page."
            )
        case .forged:
            return (
                "Ce formulaire ne vient pas de ce site, ou votre navigateur n'a pas renvoyé son cookie de sécurité. Pour votre sécurité, rien n'a été traité. Rouvrez l'accueil et recommencez ; si cela se reproduit, autorisez les cookies pour ce site.",
                "This form did not come from this site, or your browser did not send back its security cookie. For your safety, nothing was processed. Open the home page again and start over; if it happens again, allow cookies for this site."
            )
        case .tampered(let what):
            return (
                "Le formulaire reçu a été modifié ou abîmé en chemin (\(what)). Aucune réponse n'en a été utilisée. Recommencez depuis l'accueil.",
                "The form received was changed or damaged on the way (\(what)). None of its answers was used. Start again from the home page."
            )
        case .tooLarge(let kibibytes):
            return (
                "Le formulaire envoyé est trop volumineux (\(kibibytes) Kio au plus). Rien n'a été traité.",
                "The form sent is too large (\(kibibytes) KiB at most). Nothing was processed."
            )
        case .unreadable:
            return (
                "La demande n'a pas pu être lue. Rien n'a été traité. Recommencez depuis l'accueil.",
                "The request could not be read. Nothing was processed. Start again from the home page."
            )
        case .methodNotAllowed:
            return (
                "Cette adresse ne s'utilise pas ainsi. Le questionnaire commence à l'accueil.",
                "This address is not used this way. The questionnaire starts on the home page."
            )
        case .unexpected:
            return (
                "Une erreur inattendue est survenue. Rien n'a été conservé. Réessayez dans un instant depuis l'accueil.",
                "An unexpected error occurred. Nothing was kept. Try again in a moment from the home page."
            )
        case .unknownQuestion(let id): return ("question inconnue « \(Self.quoted(id)) »", "unknown question “\(Self.quoted(id))”")
        case .answerRefused(let label, let reason): return ("\(label) : \(reason)", "\(label): \(reason)")
        case .fieldRepeated(let name): return ("champ « \(Self.quoted(name)) » en double", "field “\(Self.quoted(name))” given twice")
        case .fieldMissing(let name): return ("champ « \(Self.quoted(name)) » absent", "field “\(Self.quoted(name))” missing")
        case .unknownButton(let value): return ("bouton inconnu « \(Self.quoted(value)) »", "unknown button “\(Self.quoted(value))”")
        case .badEncoding: return ("encodage illisible", "unreadable encoding")
        case .tooManyFields: return ("trop de champs", "too many fields")
        case .noResultYet: return ("pas encore de résultat", "no result yet")
        case .noLetterHere: return ("aucune lettre pour ce résultat", "no letter for this result")
        }
    }
}
