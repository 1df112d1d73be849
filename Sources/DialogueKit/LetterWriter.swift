/// What a letter needs that the interview does not ask.
public struct LetterDetails: Sendable {
    public var name: String
    public var address: String
    public var nir: NIR
    public var caisse: String
    /// The reference of the contested decision, when there is one.
    public var reference: String?

    public init(name: String, address: String, nir: NIR, caisse: String, reference: String?) {
        self.name = name
        self.address = address
        self.nir = nir
        self.caisse = caisse
        self.reference = reference
    }
}

/// The letter a result calls for, in French: the complaint to the caisse, the
/// referral to the médiateur, the appeal to the CRA or the CMRA. Facts the tool
/// cannot know are left as "[à compléter : …]" for the person to fill in.
public struct LetterWriter: Sendable {
    public enum Kind: String, Sendable {
        case complaint, mediator, commission
    }

    public let dialogue: Dialogue

    public init(dialogue: Dialogue) {
        self.dialogue = dialogue
    }

    /// The letter for this result, or nil (no-action, waiting, court, expertise).
    public func kind(for routed: RoutedCase) -> Kind? {
        let outcome = dialogue.outcomes[routed.result.outcome]
        switch (outcome.recommendation, outcome.route) {
        case (.reclaimFirst, _): return .complaint
        case (.referToConciliator, _): return .mediator
        case (.contentiousAppeal, "cra"?), (.contentiousAppeal, "cmra"?): return .commission
        default: return nil
        }
    }

    /// Why there is no letter, for the person who asked for one.
    public func noLetterReason(for routed: RoutedCase) -> String {
        let outcome = dialogue.outcomes[routed.result.outcome]
        switch outcome.recommendation {
        case .noAction: return "Aucune lettre : la réponse de la caisse vous convient."
        case .waitForAnswer: return "Aucune lettre pour l'instant : attendez la réponse ; le résultat dit quand écrire."
        default: return "Pas de modèle pour cette voie (\(outcome.route ?? "—")) : elle suit sa propre procédure, décrite dans le résultat."
        }
    }

    private func answer(_ name: String, _ routed: RoutedCase) -> Value? {
        dialogue.question(named: name).flatMap { routed.result.answers[$0.slot] }
    }

    /// "5 octobre 2026": letters date without the weekday.
    static func day(_ d: CivilDate) -> String {
        "\(d.day == 1 ? "1er" : String(d.day)) \(DateWords.frenchMonths[d.month - 1]) \(d.year)"
    }

    private func date(_ name: String, _ routed: RoutedCase) -> String? {
        if case .date(let d)? = answer(name, routed) { return LetterWriter.day(d) }
        return nil
    }

    private func label(_ name: String, _ routed: RoutedCase) -> String? {
        guard let q = dialogue.question(named: name), let v = routed.result.answers[q.slot], v != .null else { return nil }
        return TextRenderer(dialogue: dialogue, language: .fr).format(v, question: q)
    }

    private func outputDate(_ name: String, _ routed: RoutedCase) -> String? {
        guard let i = dialogue.outputs.firstIndex(where: { $0.name == name }), case .date(let d) = routed.result.outputs[i] else { return nil }
        return LetterWriter.day(d)
    }

    /// The letter as plain text, or as Markdown.
    public func letter(_ kind: Kind, routed: RoutedCase, details: LetterDetails, markdown: Bool) -> String {
        let subject = label("subject", routed).map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? "mon dossier"
        let decisionDate = date("notified_on", routed)
        let reference = details.reference.map { " (référence \($0))" } ?? ""
        var recipient: [String]
        var object: String
        var opening: String
        var body: [String] = []
        var attachments: [String]
        var sending: String?
        switch kind {
        case .complaint:
            recipient = [details.caisse, "Service des réclamations"]
            object = "Réclamation"
            opening = "Madame, Monsieur,"
            body.append("Je vous adresse une réclamation au sujet de : \(subject).")
            if let decisionDate { body.append("Elle porte sur la décision reçue le \(decisionDate)\(reference).") }
            body.append("Les faits : [à compléter : ce qui s'est passé, avec les dates, les échanges déjà eus et le nom des interlocuteurs].")
            body.append("Ce que je demande : [à compléter : ce que vous attendez de la caisse].")
            body.append("Je vous remercie de me répondre. Sans réponse dans les trois semaines, je saisirai le médiateur de la caisse.")
            attachments = ["copie des documents utiles (courriers, justificatifs, décision s'il y en a une)"]
        case .mediator:
            recipient = ["Monsieur ou Madame le médiateur", details.caisse]
            object = "Saisine du médiateur"
            opening = "Madame, Monsieur le médiateur,"
            body.append("Je sollicite votre intervention au sujet de : \(subject).")
            if let complaintDate = date("complaint_on", routed) {
                let channel = label("complaint_channel", routed).map { " (\($0.lowercased()))" } ?? ""
                let answer: String
                switch self.answer("complaint_answer", routed) {
                case .string("none")?: answer = "elle est restée sans réponse à ce jour"
                case .string("unsatisfactory")?: answer = "la réponse de la caisse ne règle pas le problème"
                default: answer = "[à compléter : la suite donnée]"
                }
                body.append("Démarche déjà faite : une réclamation le \(complaintDate)\(channel) ; \(answer).")
            } else {
                body.append("Cette difficulté peut vous être soumise directement, sans réclamation préalable.")
            }
            if let decisionDate { body.append("Le litige porte sur la décision reçue le \(decisionDate)\(reference).") }
            body.append("Les faits : [à compléter : ce qui s'est passé, avec les dates et, s'il y a lieu, le nom du professionnel concerné].")
            body.append("Ce que je demande : [à compléter : la solution que vous souhaitez].")
            body.append("Aucun tribunal n'est saisi de ce litige.")
            attachments = ["copie de ma réclamation et de la réponse de la caisse, s'il y en a une", "copie des autres documents utiles"]
        case .commission:
            let medical = dialogue.outcomes[routed.result.outcome].route == "cmra"
            recipient = [medical ? "Commission médicale de recours amiable" : "Commission de recours amiable", details.caisse]
            object = "Recours contre la décision" + (decisionDate.map { " reçue le \($0)" } ?? "") + reference
            opening = "Madame, Monsieur le président,"
            body.append("Je conteste la décision" + (decisionDate.map { " que j'ai reçue le \($0)" } ?? "") + "\(reference), par laquelle [à compléter : ce que la caisse a décidé].")
            body.append("Mes motifs : [à compléter : pourquoi cette décision est, selon vous, mal fondée ; les faits et les pièces qui le montrent].")
            body.append("Je vous demande de [à compléter : annuler ou modifier cette décision, et ce qui doit en suivre].")
            if let deadline = outputDate("appeal_deadline", routed) {
                body.append("Ce recours est formé dans le délai de deux mois, qui expire le \(deadline).")
            }
            if medical { body.append("Je souhaite que mon médecin, [à compléter : nom et adresse], soit informé des éléments médicaux de mon dossier.") }
            attachments = ["copie de la décision contestée"] + (medical ? ["certificats et comptes rendus médicaux utiles"] : ["copie des justificatifs utiles"])
            sending = "Lettre recommandée avec avis de réception"
        }
        let today = LetterWriter.day(routed.today)
        let sender = [details.name, details.address, "N° de sécurité sociale : \(details.nir.formatted)"]
        if markdown {
            var md: [String] = []
            md += sender.map { $0 + "  " }
            md.append("")
            md += recipient.map { "> " + $0 + "  " }
            md.append("")
            if let sending { md.append("*\(sending)*"); md.append("") }
            md.append("Le \(today)")
            md.append("")
            md.append("**Objet : \(object)**")
            md.append("")
            md.append(opening)
            for paragraph in body { md.append(""); md.append(paragraph) }
            md.append("")
            md.append("Je vous prie d'agréer l'expression de mes salutations distinguées.")
            md.append("")
            md.append(details.name)
            md.append("")
            md.append("**Pièces jointes :**")
            md.append("")
            md += attachments.map { "- " + $0 }
            return md.joined(separator: "\n") + "\n"
        }
        var lines = sender
        lines.append("")
        lines += recipient.map { String(repeating: " ", count: 40) + $0 }
        lines.append("")
        if let sending { lines.append(sending); lines.append("") }
        lines.append("Le \(today)")
        lines.append("")
        lines.append("Objet : \(object)")
        lines.append("")
        lines.append(opening)
        for paragraph in body { lines.append(""); lines.append(paragraph) }
        lines.append("")
        lines.append("Je vous prie d'agréer l'expression de mes salutations distinguées.")
        lines.append("")
        lines.append(String(repeating: " ", count: 40) + details.name)
        lines.append("")
        lines.append("Pièces jointes :")
        lines += attachments.map { "  - " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}
