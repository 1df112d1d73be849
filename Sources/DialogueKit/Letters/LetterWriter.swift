/// What a letter needs that the interview does not ask.
public struct LetterDetails: Sendable {
    public var name: String
    public var address: String
    public var nir: NIR
    public var caisse: String
    /// The reference of the contested decision, when there is one.
    public var reference: String?
    /// In the person's words, each optional: what happened (for a decision, what
    /// the caisse decided), why they disagree, and what they ask. What is not
    /// given stays "[à compléter : …]" in the letter.
    public var facts: String?
    public var grounds: String?
    public var request: String?

    public init(
        name: String, address: String, nir: NIR, caisse: String, reference: String?,
        facts: String? = nil, grounds: String? = nil, request: String? = nil
    ) {
        self.name = name
        self.address = address
        self.nir = nir
        self.caisse = caisse
        self.reference = reference
        self.facts = facts
        self.grounds = grounds
        self.request = request
    }
}

extension LetterDetails {
    /// Every field the person typed, without the characters the writer marks its
    /// own passages to complete with.
    var withoutFillMarks: LetterDetails {
        func clean(_ text: String) -> String {
            guard text.utf8.contains(0xEE) else { return text }  // the first byte of either mark
            return String(text.filter { $0 != LetterWriter.fillStart && $0 != LetterWriter.fillEnd })
        }
        var copy = self
        copy.name = clean(name)
        copy.address = clean(address)
        copy.caisse = clean(caisse)
        copy.reference = reference.map(clean)
        copy.facts = facts.map(clean)
        copy.grounds = grounds.map(clean)
        copy.request = request.map(clean)
        return copy
    }

    /// Every field the person typed, with Markdown's markup characters escaped.
    var escapedForMarkdown: LetterDetails {
        var copy = self
        copy.name = MarkdownText.escaping(name)
        copy.address = MarkdownText.escaping(address)
        copy.caisse = MarkdownText.escaping(caisse)
        copy.reference = reference.map(MarkdownText.escaping)
        copy.facts = facts.map(MarkdownText.escaping)
        copy.grounds = grounds.map(MarkdownText.escaping)
        copy.request = request.map(MarkdownText.escaping)
        return copy
    }
}

/// The letter a result calls for, in French (it goes to a French body whatever
/// the language of the interview): the complaint to the caisse, the referral to
/// the médiateur, the appeal to the CRA or the CMRA, the request to the pôle
/// social, the opposition to a contrainte. Which one is the dialogue's choice
/// (`letter:` on an outcome); facts the tool cannot know are left as
/// "[à compléter : …]" for the person to fill in.
public struct LetterWriter: Sendable {
    public typealias Kind = LetterKind

    public let dialogue: Dialogue

    public init(dialogue: Dialogue) {
        self.dialogue = dialogue
    }

    private var terms: LetterTerms { dialogue.letterTerms }

    /// The letter for this result, or nil when its outcome names none.
    public func kind(for routed: RoutedCase) -> Kind? {
        dialogue.outcomes[routed.result.outcome].letter
    }

    /// Why there is no letter, for the person who asked for one.
    public func noLetterReason(for routed: RoutedCase, _ language: Language) -> String {
        let outcome = dialogue.outcomes[routed.result.outcome]
        switch outcome.recommendation {
        case .noAction: return Message.noLetterNothingToContest.text(language)
        case .waitForAnswer: return Message.noLetterYet.text(language)
        default: return Message.noLetterTemplate(route: outcome.route ?? "—").text(language)
        }
    }

    private func answer(_ read: LetterQuestion, _ routed: RoutedCase) -> Value? {
        dialogue.question(named: read.rawValue).flatMap { routed.result.answers[$0.slot] }
    }

    /// A computed value of the dialogue for this result, or nil when the dialogue
    /// has none of that name or it cannot be read on this path.
    private func computed(_ read: LetterComputed, _ routed: RoutedCase) -> Value? {
        guard let c = dialogue.computed.first(where: { $0.name == read.rawValue }) else { return nil }
        let values = PathValues(dialogue: dialogue, today: routed.today, answers: routed.result.answers)
        return try? values.value(ofSlot: c.slot)
    }

    /// The caisse as a sentence names it: "la CPAM de Moselle" from "CPAM de
    /// Moselle". Every caisse is feminine (caisse, CPAM, CGSS, CSS…); an article
    /// already typed is kept.
    static func caisseNamed(_ typed: String) -> String {
        var caisse = typed.trimmingSpaces
        while caisse.hasSuffix(".") { caisse.removeLast() }
        let lower = caisse.lowercased()
        // An article typed is kept, in lower case inside a sentence; a possessive
        // or a determiner too ("ma CPAM", "votre caisse").
        for article in ["la ", "le ", "l'", "l’", "les "] where lower.hasPrefix(article) {
            return article + caisse.dropFirst(article.count)
        }
        let determiners = ["ma ", "mon ", "votre ", "notre ", "une ", "un ", "cette ", "ce "]
        guard !determiners.contains(where: lower.hasPrefix), let first = lower.unicodeScalars.first else { return caisse }
        if "aeiouyéèêàâîôû".unicodeScalars.contains(first) { return "l'" + caisse }
        // The few bodies a person may name that are masculine.
        let masculine = ["centre ", "régime ", "rsi", "service "]
        return (masculine.contains(where: lower.hasPrefix) ? "le " : "la ") + caisse
    }

    /// "de" before the caisse's name, contracted as French does ("du", "des").
    static func ofCaisse(_ caisse: String) -> String {
        let named = caisseNamed(caisse)
        if named.lowercased().hasPrefix("le ") { return "du " + named.dropFirst(3) }
        if named.lowercased().hasPrefix("les ") { return "des " + named.dropFirst(4) }
        return "de " + named
    }

    /// The person's words as the end of a sentence: one full stop, none after
    /// their own « . », « ! », « ? » or « … ».
    static func sentenceEnd(_ words: String) -> String {
        var trimmed = words.trimmingSpaces
        // A sentence left open (« : », « ; », « , ») ends where it stopped.
        while let last = trimmed.last, [":", ";", ","].contains(last) { trimmed = String(trimmed.dropLast()).trimmingSpaces }
        return [".", "!", "?", "…"].contains(where: trimmed.hasSuffix) ? trimmed : trimmed + "."
    }

    /// How a complaint was made, as a sentence says it (", par téléphone"), or the
    /// choice's label when the dialogue has a channel this list does not know.
    private func channelWords(_ routed: RoutedCase) -> String {
        guard case .string(let channel)? = answer(.complaintChannel, routed) else { return "" }
        switch channel {
        case "letter": return ", par courrier"
        case "phone": return ", par téléphone"
        case "ameli": return ", par un message sur mon compte ameli"
        case "counter": return ", à l'accueil de la caisse"
        case "email": return ", par e-mail"
        default:
            guard let full = label(.complaintChannel, routed) else { return "" }
            let short = full.range(of: " (").map { String(full[..<$0.lowerBound]) } ?? full
            return ", " + short.lowercased()
        }
    }

    private func date(_ read: LetterQuestion, _ routed: RoutedCase) -> String? {
        if case .date(let d)? = answer(read, routed) { return DateWords.inLetter(d) }
        return nil
    }

    private func label(_ read: LetterQuestion, _ routed: RoutedCase) -> String? {
        guard let q = dialogue.question(named: read.rawValue), let v = routed.result.answers[q.slot], v != .null else { return nil }
        return TextRenderer(dialogue: dialogue, language: .fr).format(v, question: q)
    }

    private func outputDate(_ read: LetterOutput, _ routed: RoutedCase) -> CivilDate? {
        guard let i = dialogue.outputs.firstIndex(where: { $0.name == read.rawValue }), case .date(let d) = routed.result.outputs[i]
        else {
            return nil
        }
        return d
    }

    /// The parts every letter has; the kinds differ only in these.
    private struct Parts {
        var recipient: [String]
        var object: String
        var opening: String
        var body: [String] = []
        var attachments: [String]
        var sending: String?
    }

    /// A passage left for the person to complete, as the writer marks it in the
    /// parts of a letter: between two private-use characters that no detail given
    /// keeps, so that the person's own words are never taken for one.
    static let fillStart: Character = "\u{E000}", fillEnd: Character = "\u{E001}"

    /// The letter's text, and the passages it leaves to complete, named in order:
    /// what the sentence said when it is written or shown lists.
    public struct Letter: Sendable, Equatable {
        public let text: String
        public let toFill: [String]
    }

    /// The letter as plain text, or as Markdown.
    public func letter(_ kind: Kind, routed: RoutedCase, details given: LetterDetails, markdown: Bool) -> Letter {
        // The person's words are text in a Markdown letter, never markup; words
        // left blank are words not given; they never carry the writer's marks.
        var given = given.withoutFillMarks
        for path in [\LetterDetails.facts, \.grounds, \.request, \.reference] where given[keyPath: path]?.trimmingSpaces.isEmpty == true {
            given[keyPath: path] = nil
        }
        let details = markdown ? given.escapedForMarkdown : given
        let parts: Parts
        switch kind {
        case .complaint: parts = complaint(routed, details)
        case .mediator: parts = mediator(routed, details)
        case .commission: parts = commission(routed, details)
        case .court: parts = court(routed, details)
        case .opposition: parts = opposition(routed, details)
        }
        return LetterWriter.filled(layout(parts, details: details, today: routed.today, markdown: markdown))
    }

    /// The laid-out letter with each marked passage written « [à compléter : …] »,
    /// and the passages. Read by bytes: a mark is three bytes in UTF-8 (EE 80 80,
    /// EE 80 81), and no other character the letter holds starts with EE 80 8x.
    private static func filled(_ marked: String) -> Letter {
        var marked = marked
        return marked.withUTF8 { bytes in
            let open = Array("[à compléter : ".utf8)
            var text: [UInt8] = [], toFill: [String] = []
            text.reserveCapacity(bytes.count + 256)
            var i = 0, passageStart = 0
            while let e = bytes[i...].firstIndex(of: 0xEE) {
                guard e + 2 < bytes.count, bytes[e + 1] == 0x80, bytes[e + 2] == 0x80 || bytes[e + 2] == 0x81 else {
                    text += bytes[i...e]
                    i = e + 1
                    continue
                }
                text += bytes[i..<e]
                if bytes[e + 2] == 0x80 {
                    text += open
                    passageStart = e + 3
                } else {
                    toFill.append(String(decoding: bytes[passageStart..<e], as: UTF8.self))
                    text.append(UInt8(ascii: "]"))
                }
                i = e + 3
            }
            text += bytes[i...]
            return Letter(text: String(decoding: text, as: UTF8.self), toFill: toFill)
        }
    }

    /// The subject in a few words: the choice's label without its examples in
    /// parentheses ("le fonctionnement de la caisse").
    private func subjectWords(_ routed: RoutedCase) -> String {
        guard let full = label(.subject, routed) else { return "mon dossier" }
        let short = full.range(of: " (").map { String(full[..<$0.lowerBound]) } ?? full
        return short.prefix(1).lowercased() + short.dropFirst()
    }

    private func complaint(_ routed: RoutedCase, _ details: LetterDetails) -> Parts {
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        let careRefusal = answer(.subject, routed) == .string("care-refusal")
        var p = Parts(
            recipient: careRefusal
                ? ["Madame, Monsieur le directeur", details.caisse, LetterWriter.caisseAddress]
                : [details.caisse, "Service des réclamations", LetterWriter.caisseAddress],
            object: careRefusal ? "Signalement d'un refus de soins" : "Réclamation",
            opening: "Madame, Monsieur,",
            attachments: ["copie des documents utiles (courriers, justificatifs, décision s'il y en a une)"])
        p.body.append("Je vous adresse une réclamation. Son objet : \(subjectWords(routed)).")
        if let decisionDate = date(.notifiedOn, routed) {
            p.body.append("Elle porte sur la décision reçue le \(decisionDate)\(reference).")
        }
        appendWording(
            &p, details, facts: "ce qui s'est passé, avec les dates, les échanges déjà eus et le nom des interlocuteurs",
            request: "ce que vous attendez de la caisse")
        p.body.append(
            "Je vous remercie de me répondre. Si ma réclamation n'aboutit pas, je saisirai le \(terms.amicableBody) de la caisse.")
        return p
    }

    /// The closing formula repeats the form of address, as a French letter does:
    /// "Je vous prie d'agréer, Madame, Monsieur le médiateur, l'expression…".
    static func closing(_ opening: String) -> String {
        let address = opening.hasSuffix(",") ? String(opening.dropLast()) : opening
        return "Je vous prie d'agréer, \(address), l'expression de mes salutations distinguées."
    }

    /// The facts, the grounds (only when given) and the request, in the person's
    /// words, or "[à compléter : …]" saying what to write.
    private func appendWording(_ p: inout Parts, _ details: LetterDetails, facts: String, request: String) {
        p.body.append("Les faits : " + LetterWriter.sentenceEnd(details.facts ?? "\u{E000}\(facts)\u{E001}"))
        if let grounds = details.grounds { p.body.append("Pourquoi je ne suis pas d'accord : " + LetterWriter.sentenceEnd(grounds)) }
        p.body.append("Ce que je demande : " + LetterWriter.sentenceEnd(details.request ?? "\u{E000}\(request)\u{E001}"))
    }

    /// The line under the caisse's name, left for the person to complete: the
    /// tool does not know where their caisse receives its mail.
    static let caisseAddress = "\u{E000}adresse postale de la caisse\u{E001}"

    private func mediator(_ routed: RoutedCase, _ details: LetterDetails) -> Parts {
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        var p = Parts(
            recipient: ["Madame, Monsieur le \(terms.amicableBody)", details.caisse, LetterWriter.caisseAddress],
            object: "Saisine du \(terms.amicableBody)",
            opening: "Madame, Monsieur le \(terms.amicableBody),",
            attachments: [])
        p.body.append("Je sollicite votre intervention. Son objet : \(subjectWords(routed)).")
        if let decisionDate = date(.notifiedOn, routed) {
            p.body.append("Le litige porte sur la décision reçue le \(decisionDate)\(reference).")
        }
        if answer(.complaintMade, routed) == .bool(true) {
            p.attachments.append("copie de ma réclamation")
            if answer(.complaintAnswer, routed) == .string("unsatisfactory") { p.attachments.append("copie de la réponse de la caisse") }
        }
        p.attachments.append("copie des autres documents utiles")
        if let received = date(.appealReceivedOn, routed) {
            let outcome: String
            if let decided = date(.appealDecidedOn, routed) {
                outcome = "elle l'a rejeté par une décision reçue le \(decided)"
            } else if answer(.appealAnswer, routed) == .string("unsatisfactory") {
                outcome = "elle l'a rejeté"
            } else {
                outcome = "elle n'y a pas répondu, ce qui vaut rejet"
            }
            p.body.append(
                "Démarche déjà faite : un recours devant la commission, qui l'a reçu le \(received) ; \(outcome). Le délai pour saisir le tribunal est passé ; je vous demande de rechercher une solution amiable."
            )
            p.attachments = [
                "copie de la décision, de mon recours et de la réponse de la commission (ou de l'accusé de réception)",
                "copie des autres documents utiles",
            ]
        } else if answer(.complaintMade, routed) == .bool(true) {
            let complaintDate = date(.complaintOn, routed) ?? "\u{E000}sa date\u{E001}"
            let channel = channelWords(routed)
            let answer: String
            switch self.answer(.complaintAnswer, routed) {
            case .string("none")?: answer = "elle est restée sans réponse à ce jour"
            case .string("unsatisfactory")?: answer = "la réponse de la caisse ne règle pas le problème"
            default: answer = "\u{E000}la suite donnée\u{E001}"
            }
            p.body.append("Démarche déjà faite : une réclamation le \(complaintDate)\(channel) ; \(answer).")
        } else {
            p.body.append("Cette difficulté peut vous être soumise directement, sans réclamation préalable.")
        }
        appendWording(
            &p, details, facts: "ce qui s'est passé, avec les dates et, s'il y a lieu, le nom du professionnel concerné",
            request: "la solution que vous souhaitez")
        p.body.append("Aucun tribunal n'est saisi de ce litige.")
        return p
    }

    private func commission(_ routed: RoutedCase, _ details: LetterDetails) -> Parts {
        let decisionDate = date(.notifiedOn, routed)
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        let medical = dialogue.outcomes[routed.result.outcome].route == "cmra"
        var p = Parts(
            recipient: [
                medical ? "Commission médicale de recours amiable" : "Commission de recours amiable", details.caisse,
                LetterWriter.caisseAddress,
            ],
            object: "Recours contre la décision" + (decisionDate.map { " reçue le \($0)" } ?? "") + reference,
            opening: "Madame, Monsieur le président,",
            attachments: ["copie de la décision contestée"]
                + (medical ? ["certificats et comptes rendus médicaux utiles"] : ["copie des justificatifs utiles"]),
            sending: "Lettre recommandée avec avis de réception")
        p.body.append("Je conteste la décision" + (decisionDate.map { " que j'ai reçue le \($0)" } ?? "") + "\(reference).")
        // Set apart: the person's words are a phrase of their own, whatever its form.
        p.body.append(
            "Ce que la caisse a décidé : " + LetterWriter.sentenceEnd(details.facts ?? "\u{E000}ce que la caisse a décidé\u{E001}"))
        // Rule 3 (rev. 3): the letter asks the commission to treat the written
        // complaint as having seized it, and seizes it in the alternative; it never
        // states that the complaint counts as the appeal.
        // The same computed value chooses the result's note: one set of facts for both.
        if computed(.citesWrittenComplaint, routed) == .bool(true) {
            let complaintDate = date(.complaintOn, routed) ?? "\u{E000}date de votre réclamation écrite\u{E001}"
            // How it was written, only as the person said it: never "par écrit" for a
            // channel they do not remember.
            let channel =
                answer(.complaintChannel, routed).flatMap { $0 == .null ? nil : $0 } == nil
                ? " \u{E000}par courrier, par un message sur le compte ameli ou par e-mail\u{E001}" : channelWords(routed)
            p.body.append(
                "J'ai déjà contesté cette décision auprès de la caisse le \(complaintDate)\(channel), dans le délai de recours. Je vous demande de considérer que cette contestation écrite vous a saisie à cette date"
                    + (terms.writtenComplaintAuthority.map { " (\($0))" } ?? "") + ". À titre subsidiaire, je vous saisis par la présente."
            )
            p.attachments.append("copie de ma réclamation du \(complaintDate)")
        }
        p.body.append(
            "Mes motifs : "
                + LetterWriter.sentenceEnd(
                    details.grounds
                        ?? "\u{E000}pourquoi cette décision est, selon vous, mal fondée ; les faits et les pièces qui le montrent\u{E001}"))
        p.body.append(
            "Ce que je demande : "
                + LetterWriter.sentenceEnd(
                    details.request ?? "\u{E000}annuler ou modifier cette décision, et ce qui doit en suivre\u{E001}"))
        if let deadline = outputDate(.appealDeadline, routed) {
            if routed.today <= deadline {
                p.body.append("Ce recours est formé dans le délai de deux mois, qui expire le \(DateWords.inLetter(deadline)).")
            } else if answer(.noticeStatesDeadline, routed) == .null {
                p.body.append(
                    "Si la notification de la décision ne mentionnait pas le délai et les voies de recours, ce délai ne peut m'être opposé (\(terms.noticeArticle))."
                )
            }
        } else if answer(.noticeStatesDeadline, routed) == .bool(false) {
            p.body.append(
                "La notification de la décision ne mentionnait pas le délai et les voies de recours ; aucun délai ne peut donc m'être opposé (\(terms.noticeArticle))."
            )
        }
        if answer(.courtCasePending, routed) == .bool(true) {
            p.body.append(
                terms.court.prefix(1).uppercased() + terms.court.dropFirst()
                    + " est déjà saisi de ce litige ; je forme le présent recours préalable, obligatoire, et j'en informe le tribunal."
            )
        }
        if medical {
            p.body.append("Je souhaite que mon médecin, \u{E000}nom et adresse\u{E001}, soit informé des éléments médicaux de mon dossier.")
        }
        return p
    }

    private func court(_ routed: RoutedCase, _ details: LetterDetails) -> Parts {
        let decisionDate = date(.notifiedOn, routed)
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        let commission =
            answer(.appealFiled, routed) == .string("cmra")
            ? "la commission médicale de recours amiable"
            : answer(.appealFiled, routed) == .string("cra-cmra")
                ? "la commission de recours amiable et la commission médicale de recours amiable"
                : "la commission de recours amiable"
        var p = Parts(
            recipient: ["Greffe du pôle social", "Tribunal judiciaire de \u{E000}ville de votre domicile\u{E001}"],
            object: "Requête : contestation d'une décision \(LetterWriter.ofCaisse(details.caisse))",
            opening: "Madame, Monsieur le président,",
            attachments: [
                "copie de la décision contestée" + (decisionDate.map { " (reçue le \($0))" } ?? ""),
                "copie de mon recours devant \(commission) et de son avis de réception",
                "copie de la décision de la commission, s'il y en a une",
                "les pièces sur lesquelles je m'appuie, numérotées",
            ],
            sending: "Lettre recommandée avec avis de réception, ou dépôt au greffe")
        p.body.append(
            "J'ai l'honneur de saisir le tribunal de la contestation de la décision \(LetterWriter.ofCaisse(details.caisse))"
                + (decisionDate.map { " que j'ai reçue le \($0)" } ?? "") + "\(reference).")
        var history = "J'ai contesté cette décision devant \(commission)"
        if let received = date(.appealReceivedOn, routed) { history += ", qui a reçu mon recours le \(received)" }
        if let decided = date(.appealDecidedOn, routed) {
            history += " ; elle l'a rejeté par une décision que j'ai reçue le \(decided)."
        } else if answer(.appealAnswer, routed) == .string("unsatisfactory") {
            history += " ; elle l'a rejeté."
        } else if let end = outputDate(.courtNotBefore, routed) {
            history +=
                " ; elle n'a pas statué dans le délai qui lui était imparti, expiré le \(DateWords.inLetter(end.adding(days: -1))) : son silence vaut rejet implicite."
        } else {
            history +=
                " ; elle n'a pas statué. \u{E000}la date à laquelle son silence vaut rejet, indiquée sur l'accusé de réception de votre recours\u{E001}"
        }
        p.body.append(history)
        if let facts = details.facts { p.body.append("Ce que la caisse a décidé : " + LetterWriter.sentenceEnd(facts)) }
        p.body.append(
            "Exposé des motifs : "
                + LetterWriter.sentenceEnd(
                    details.grounds
                        ?? "\u{E000}en quelques phrases, pourquoi la décision est mal fondée, avec les faits et leurs dates\u{E001}"))
        p.body.append(
            "Ce que je demande au tribunal : "
                + LetterWriter.sentenceEnd(details.request ?? "\u{E000}annuler la décision, m'accorder la prestation, etc.\u{E001}"))
        p.body.append(
            "Demandeur : \u{E000}nom, prénom, profession, nationalité, date et lieu de naissance, domicile\u{E001}. Défendeur : \(LetterWriter.caisseNamed(details.caisse)), dont le siège est \u{E000}adresse du siège de la caisse\u{E001}."
        )
        if answer(.appealNoticeStatesDeadline, routed) == .bool(false) {
            p.body.append(
                "Ni la décision de la commission ni l'accusé de réception de mon recours n'indiquaient le délai pour saisir le tribunal ; aucun délai ne peut donc m'être opposé."
            )
        }
        p.body.append("Je joins les pièces sur lesquelles je m'appuie, avec leur liste ci-dessous.")
        return p
    }

    private func opposition(_ routed: RoutedCase, _ details: LetterDetails) -> Parts {
        let served = date(.notifiedOn, routed)
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        var p = Parts(
            recipient: ["Greffe du pôle social", "Tribunal judiciaire de \u{E000}ville indiquée sur la contrainte\u{E001}"],
            object: "Opposition à contrainte" + reference,
            opening: "Madame, Monsieur le président,",
            attachments: [
                "copie de la contrainte", "copie de la notification de l'indu et de la mise en demeure",
                "les pièces qui montrent que la somme n'est pas due",
            ],
            sending: "Lettre recommandée avec avis de réception, ou dépôt au greffe")
        p.body.append(
            "Je forme opposition à la contrainte délivrée par \(LetterWriter.caisseNamed(details.caisse))"
                + (served.map { ", qui m'a été remise le \($0)" } ?? "") + "\(reference).")
        if let facts = details.facts { p.body.append("Les faits : " + LetterWriter.sentenceEnd(facts)) }
        p.body.append(
            "Mes motifs : "
                + LetterWriter.sentenceEnd(
                    details.grounds
                        ?? "\u{E000}pourquoi la somme réclamée n'est pas due, ou pas en totalité (erreur de calcul, prestation due, prescription…), avec les faits et leurs dates\u{E001}"
                ))
        p.body.append(
            "Ce que je demande au tribunal : "
                + LetterWriter.sentenceEnd(details.request ?? "annuler cette contrainte \u{E000}ou en réduire le montant à …\u{E001}"))
        if let deadline = outputDate(.appealDeadline, routed), routed.today <= deadline {
            p.body.append("Cette opposition est formée dans le délai de quinze jours, qui expire le \(DateWords.inLetter(deadline)).")
        } else if answer(.noticeStatesDeadline, routed) == .bool(false) {
            p.body.append(
                "La contrainte n'indiquait pas le délai, le tribunal et la forme de l'opposition ; aucun délai ne peut donc m'être opposé.")
        }
        p.body.append(
            "Demandeur : \u{E000}nom, prénom, profession, nationalité, date et lieu de naissance, domicile\u{E001}. Défendeur : \(LetterWriter.caisseNamed(details.caisse)), dont le siège est \u{E000}adresse du siège de la caisse\u{E001}."
        )
        return p
    }

    /// Where the recipient and the signature start on a plain-text letter's line.
    private static let indent = String(repeating: " ", count: 40)

    private func layout(_ p: Parts, details: LetterDetails, today routedToday: CivilDate, markdown: Bool) -> String {
        let today = DateWords.inLetter(routedToday)
        let sender = [details.name, details.address, "N° de sécurité sociale : \(details.nir.formatted)"]
        if markdown {
            var md: [String] = []
            md += sender.map { $0 + "  " }
            md.append("")
            md += p.recipient.map { "> " + $0 + "  " }
            md.append("")
            if let sending = p.sending { md.append("*\(sending)*"); md.append("") }
            md.append("Le \(today)")
            md.append("")
            md.append("**Objet : \(p.object)**")
            md.append("")
            md.append(p.opening)
            for paragraph in p.body { md.append(""); md.append(paragraph) }
            md.append("")
            md.append(LetterWriter.closing(p.opening))
            md.append("")
            md.append(details.name)
            md.append("")
            md.append("**Pièces jointes :**")
            md.append("")
            md += p.attachments.map { "- " + $0 }
            return md.joined(separator: "\n") + "\n"
        }
        var lines = sender
        lines.append("")
        lines += p.recipient.map { LetterWriter.indent + $0 }
        lines.append("")
        if let sending = p.sending { lines.append(sending); lines.append("") }
        lines.append("Le \(today)")
        lines.append("")
        lines.append("Objet : \(p.object)")
        lines.append("")
        lines.append(p.opening)
        for paragraph in p.body { lines.append(""); lines.append(paragraph) }
        lines.append("")
        lines.append(LetterWriter.closing(p.opening))
        lines.append("")
        lines.append(LetterWriter.indent + details.name)
        lines.append("")
        lines.append("Pièces jointes :")
        lines += p.attachments.map { "  - " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}
