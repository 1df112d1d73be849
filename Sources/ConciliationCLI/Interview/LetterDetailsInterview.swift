import DialogueKit
import LineEditor

/// Asks what a letter needs that the interview did not: name, address, NIR
/// (checked, key included), caisse, the decision's reference for an appeal, and,
/// each skippable with Enter, the facts (or what the caisse decided), why the
/// person disagrees and what they ask. Given values are not asked again; Ctrl-C
/// abandons the letter, and the end of the input skips what is optional.
struct LetterDetailsInterview {
    let reader: LineReader
    let output: OutputSink

    private func write(_ text: String) { output.write(text + "\n") }

    func ask(
        needsReference: Bool, given: (name: String?, address: String?, nir: String?, caisse: String?, reference: String?),
        askWording: Bool = true
    )
        -> LetterDetails?
    {
        guard let name = given.name ?? line("Vos nom et prénom :"),
            let address = given.address ?? line("Votre adresse (sur une ligne) :")
        else { return nil }
        var nir: NIR?
        if let text = given.nir, case .success(let parsed) = NIR.parse(text) {
            nir = parsed
        } else if let text = given.nir, case .failure(let problem) = NIR.parse(text) {
            write("Numéro de sécurité sociale refusé : \(problem.sentence(.fr)).")
        }
        while nir == nil {
            guard let text = line("Votre numéro de sécurité sociale (15 chiffres, sur la carte Vitale) :", secret: true) else { return nil }
            switch NIR.parse(text) {
            case .success(let parsed): nir = parsed
            case .failure(let problem): write("Numéro refusé : \(problem.sentence(.fr)).")
            }
        }
        write("→ numéro enregistré pour la lettre : \(nir!.masked)")
        guard let caisse = given.caisse ?? line("Votre caisse (par exemple « CPAM du Bas-Rhin ») :") else { return nil }
        var reference = given.reference
        if needsReference && reference == nil {
            guard let typed = line("Référence de la décision (en haut du courrier ; Entrée si aucune) :", optional: true) else {
                return nil
            }
            reference = typed.isEmpty ? nil : typed
        }
        var details = LetterDetails(name: name, address: address, nir: nir!, caisse: caisse, reference: reference)
        guard askWording else { return details }
        write("Trois passages de la lettre peuvent être écrits maintenant ; Entrée les laisse « à compléter ».")
        let skip = "(Entrée pour le laisser à compléter)"
        guard
            let facts = line(
                needsReference
                    ? "Ce que la caisse a décidé, en une phrase \(skip) :" : "Ce qui s'est passé, en une phrase ou deux \(skip) :",
                optional: true, endSkips: true),
            let grounds = line("Pourquoi vous n'êtes pas d'accord \(skip) :", optional: true, endSkips: true),
            let request = line("Ce que vous demandez \(skip) :", optional: true, endSkips: true)
        else { return nil }
        details.facts = facts.isEmpty ? nil : facts
        details.grounds = grounds.isEmpty ? nil : grounds
        details.request = request.isEmpty ? nil : request
        return details
    }

    private func line(_ question: String, optional: Bool = false, secret: Bool = false, endSkips: Bool = false) -> String? {
        write(question)
        while true {
            switch reader.readDetail(prompt: "> ", secret: secret) {
            case .line(let text):
                let trimmed = text.trimmingSpaces
                if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    write("Caractères de contrôle refusés ; tapez seulement du texte.")
                } else if trimmed.isEmpty && !optional {
                    write("Cette information est nécessaire pour la lettre ; tapez-la, ou Ctrl-C pour abandonner.")
                } else {
                    return trimmed
                }
            case .endOfInput where endSkips:
                return ""
            case .interrupted, .endOfInput, .terminated:
                write("Lettre abandonnée.")
                return nil
            }
        }
    }
}
