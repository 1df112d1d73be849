import DialogueKit

/// Every sentence the browser page says, in French and in English side by side:
/// one case per message, one exhaustive switch, so that the compiler refuses a
/// message without both languages. The texts of the law are the dialogue's.
///
/// The templates name these texts as `{{t.caseName}}`, written into them once per
/// language at start (`PageRenderer`); the sentences that carry a value are
/// `WebSentence`'s.
enum WebMessage: Equatable, Sendable, CaseIterable, Catalogue {
    // MARK: Every page
    case skipLink
    case otherLanguage
    case footer

    // MARK: Home
    case homeIntro
    case homeKeptHeading
    case homeKept
    case homeCookie
    case start

    // MARK: Questions
    case next
    case back
    case change
    case keepAnswer
    case yourAnswers
    case helpHeading
    case whyQuestion
    case noRuleReadsIt
    case rulesReadingIt
    case dateHint
    case unknownHint
    case errorPrefix
    /// Before an error's sentence, for a screen reader: the word and its colon as the language writes it.
    case errorLead
    case editingNote

    // MARK: Result
    case resultHeading
    case datesHeading
    case stepsHeading
    case parallelHeading
    case notesHeading
    case whyHeading
    case sourcesLabel
    case unconfirmed
    case keepHeading
    case summaryIntro
    case exportText
    case exportMarkdown
    case exportJSON
    /// The name of the summary's file, before its extension.
    case summaryFileStem
    case letterHeading
    case letterButton
    case printNote
    case restart
    case faultHeading
    case faultText

    // MARK: Letter
    case letterIntro
    case letterPrivacy
    case nameLabel
    case addressLabel
    case nirLabel
    case nirHint
    case caisseLabel
    case caisseHint
    case referenceLabel
    case factsLabel
    case factsLabelDecision
    case groundsLabel
    case requestLabel
    case optional
    case letterText
    case letterMarkdown
    case letterPreviewButton
    case previewHeading
    case toFillHeading
    case noneToFill
    case backToResult
    case letterErrors

    // MARK: Problems
    case problemTitle
    case backHome

    /// The fixed texts the templates name (`{{t.name}}`), by case name, set as
    /// the page sets them.
    static func labels(_ language: Language) -> [String: String] {
        var labels: [String: String] = [:]
        for message in allCases { labels[String(describing: message)] = WebText.typeset(message.text(language), language) }
        return labels
    }

    var wordings: (fr: String, en: String) {
        switch self {
        case .skipLink: return ("Aller au contenu principal", "Skip to the main content")
        case .otherLanguage: return ("English", "Français")
        case .footer:
            return (
                "Aucune réponse n'est conservée sur le serveur. Les résultats ne remplacent pas la réponse de votre caisse.",
                "No answer is kept on the server. The results do not replace your caisse's answer."
            )
        case .homeIntro:
            return (
                "Vous êtes en désaccord avec votre caisse d'assurance maladie (CPAM) ? Répondez à quelques questions : le questionnaire vous dit quelle démarche faire (réclamation, médiateur ou recours), calcule les dates à respecter et explique chaque résultat avec ses sources.",
                "Do you disagree with your health insurance fund (CPAM)? Answer a few questions: you will learn which step to take (complaint, mediator or appeal), the dates to keep, and why, with the sources."
            )
        case .homeKeptHeading: return ("Ce qui est conservé", "What is kept")
        case .homeKept:
            return (
                "Rien sur le serveur : votre navigateur garde vos réponses le temps de l'entretien, dans un cookie de session, et elles ne figurent jamais dans l'adresse des pages. Pour les effacer, fermez le navigateur (toutes ses fenêtres) ou commencez un nouvel entretien ; sur un ordinateur partagé, fermez-le à la fin. Le résumé et la lettre sont fabriqués au moment où vous les téléchargez et ne sont gardés nulle part.",
                "Nothing on the server: your browser keeps your answers for the time of the interview, in a session cookie, and they never appear in the pages' addresses. To erase them, close the browser (all its windows) or start a new interview; on a shared computer, close it at the end. The summary and the letter are made when you download them and kept nowhere."
            )
        case .homeCookie:
            return (
                "Deux cookies, techniques : l'un garde vos réponses le temps de l'entretien, l'autre protège vos formulaires contre un envoi depuis un autre site. Aucun ne sert à vous suivre.",
                "Two technical cookies: one keeps your answers for the time of the interview, the other protects your forms from being sent by another site. Neither is used to follow you."
            )
        case .start: return ("Commencer", "Start")
        case .next: return ("Continuer", "Continue")
        case .back: return ("Retour", "Back")
        case .change: return ("Modifier", "Change")
        case .keepAnswer: return ("Garder la réponse actuelle", "Keep the current answer")
        case .yourAnswers: return ("Vos réponses", "Your answers")
        case .helpHeading: return ("Aide", "Help")
        case .whyQuestion: return ("Pourquoi cette question ?", "Why this question?")
        case .noRuleReadsIt:
            return (
                "Aucune règle ne lit cette réponse à ce stade : elle sert à préparer la suite.",
                "No rule reads this answer at this point: it prepares what comes next."
            )
        case .rulesReadingIt: return ("Les règles qui lisent cette réponse :", "The rules that read this answer:")
        case .dateHint:
            return (
                "Par exemple 05/11/2026, 5 novembre 2026, hier ou il y a 2 semaines.",
                "For example 05/11/2026, 5 November 2026, yesterday or 2 weeks ago."
            )
        case .unknownHint:
            return (
                "Si vous ne savez pas, dites-le avec le bouton prévu : le questionnaire en tient compte sans vous fermer de droit.",
                "If you do not know, say so with the button for it: the questionnaire takes it into account without closing any right."
            )
        case .errorPrefix: return ("Erreur", "Error")
        case .errorLead: return ("Erreur :", "Error:")
        case .editingNote:
            return (
                "Vous modifiez une réponse déjà donnée. Les réponses suivantes qui s'appliquent encore sont gardées.",
                "You are changing an answer already given. The later answers that still apply are kept."
            )
        case .resultHeading: return ("Résultat", "Result")
        case .datesHeading: return ("Dates à retenir", "Dates to keep in mind")
        case .stepsHeading: return ("Ce qu'il faut faire", "What to do")
        case .parallelHeading: return ("En parallèle", "In parallel")
        case .notesHeading: return ("À savoir", "Good to know")
        case .whyHeading: return ("Pourquoi ?", "Why?")
        case .sourcesLabel: return ("Sources :", "Sources:")
        case .unconfirmed: return ("(règle à confirmer)", "(rule to be confirmed)")
        case .keepHeading: return ("Garder une trace", "Keep a record")
        case .summaryIntro:
            return (
                "Le résumé reprend vos réponses, le résultat, les dates et les règles appliquées.",
                "The summary holds your answers, the result, the dates and the rules applied."
            )
        case .exportText: return ("Télécharger le résumé (texte simple)", "Download the summary (plain text)")
        case .exportMarkdown: return ("Télécharger le résumé (texte mis en forme)", "Download the summary (formatted text)")
        case .exportJSON:
            return ("Télécharger le résumé pour un logiciel de suivi", "Download the summary for a case-tracking program")
        case .summaryFileStem: return ("resume-dossier", "case-summary")
        case .letterHeading: return ("La lettre à envoyer", "The letter to send")
        case .letterButton: return ("Préparer la lettre", "Prepare the letter")
        case .printNote:
            return (
                "Pour imprimer cette page, utilisez la commande Imprimer de votre navigateur (sur un téléphone, dans le menu Partager) : les boutons ne sont pas imprimés.",
                "To print this page, use your browser's Print command (on a phone, in the Share menu): the buttons are not printed."
            )
        case .restart: return ("Recommencer avec un autre dossier", "Start again with another case")
        case .faultHeading: return ("Les règles ne prévoient pas ce cas", "The rules do not cover this case")
        case .faultText:
            return (
                "Revenez en arrière ou modifiez une réponse. Si le problème demeure, posez la question à votre caisse.",
                "Go back or change an answer. If the problem remains, ask your caisse."
            )
        case .letterIntro:
            return (
                "La lettre est rédigée en français, pour l'organisme qui la reçoit. Ce que vous laissez vide reste marqué « à compléter » : vous pourrez l'écrire plus tard.",
                "The letter is written in French, for the body that receives it. What you leave empty stays marked « à compléter » (to complete): you can write it later."
            )
        case .letterPrivacy:
            return (
                "Ces informations ne sont pas conservées : elles sont seulement écrites dans la lettre que vous téléchargez.",
                "These details are not kept: they are only written into the letter you download."
            )
        case .nameLabel: return ("Nom et prénom", "Surname and first name")
        case .addressLabel: return ("Adresse postale", "Postal address")
        case .nirLabel: return ("Numéro de sécurité sociale", "Social security number")
        case .nirHint: return ("15 chiffres, clé comprise, espaces permis.", "15 digits including the key; spaces allowed.")
        case .caisseLabel: return ("Caisse", "Caisse (fund)")
        case .caisseHint: return ("Par exemple : CPAM de la Gironde.", "For example: CPAM de la Gironde.")
        case .referenceLabel: return ("Référence de la décision contestée", "Reference of the decision contested")
        case .factsLabel: return ("Ce qui s'est passé", "What happened")
        case .factsLabelDecision: return ("Ce que la caisse a décidé", "What the caisse decided")
        case .groundsLabel: return ("Pourquoi vous n'êtes pas d'accord", "Why you disagree")
        case .requestLabel: return ("Ce que vous demandez", "What you ask for")
        case .optional: return ("(facultatif)", "(optional)")
        case .letterText: return ("Télécharger la lettre (texte simple)", "Download the letter (plain text)")
        case .letterMarkdown: return ("Télécharger la lettre (texte mis en forme)", "Download the letter (formatted text)")
        case .letterPreviewButton: return ("Voir la lettre avant de la télécharger", "See the letter before downloading it")
        case .previewHeading: return ("La lettre, telle qu'elle sera téléchargée", "The letter, as it will be downloaded")
        case .toFillHeading:
            return ("À compléter à la main avant de l'envoyer :", "To complete by hand before sending it:")
        case .noneToFill:
            return (
                "Rien n'est à compléter : relisez-la, signez-la, puis envoyez-la.",
                "Nothing is left to complete: read it over, sign it, then send it."
            )
        case .backToResult: return ("Revenir au résultat", "Back to the result")
        case .letterErrors: return ("Corrigez ce qui est signalé ci-dessous.", "Please correct what is marked below.")
        case .problemTitle: return ("Un problème est survenu", "Something went wrong")
        case .backHome: return ("Revenir à l'accueil", "Back to the home page")
        }
    }
}
