import DialogueKit
import Files

/// Every sentence the terminal program says, in French and in English side by
/// side: one case per message, one exhaustive switch, so that the compiler refuses
/// a message without both languages. The texts of the law are not here: they are
/// the dialogue's (`dialogues/*.yaml`).
///
/// To add a message: a case, then its two wordings in `wordings`. To add a
/// language: a field in `Catalogue.wordings`, which the compiler then asks of every case.
enum CLIMessage: Equatable, Sendable, Catalogue {
    // MARK: The interview
    case welcome(saving: Bool)
    case simulatedDay(String)
    case lineTooLong(bytes: Int)
    /// An answer refused, as a sentence; with the terminal's own means where it has some.
    case refused(AnswerError)
    case commandRefused(ReplCommand.ParseError)
    case answersSetAside(labels: String)
    case interviewOver
    case editHowTo
    case noAnswerToEdit
    case answerNumberTooHigh(count: Int)
    case changingAnswer(Int)
    case restartQuestion
    case newInterview(cleared: Bool)
    case atFirstQuestion
    case dialogueFault(String)
    case faultWayOut
    case noAnswerYet
    case progress(number: Int, atMost: Int)
    case hintYesNo
    case hintDate
    case hintChoice
    case hintEnterKeeps(String)
    case hintHelp
    case quoted(String)
    case commandPrompt
    case yesNoPrompt
    case yesNoWords
    case dateWords
    case stepsHeading
    case parallelHeading
    case caseNoteHeading
    case resultFooter
    case helpHeading
    case commandsHeading
    case keysHelp
    case usageHelp, usageBack, usageEdit, usageAnswers, usageWhy, usageSummary, usageExport, usageLetter, usageRestart, usageQuit

    // MARK: Why
    case whyThisQuestion(String)
    case noRuleReadsIt
    case rulesReadingIt
    case decidedSoFar
    case noRuleYet

    // MARK: Saving and leaving
    case saveFailed(String)
    case quitQuestion(SessionMachine.SaveState)
    case goodbye(finished: Bool, SessionMachine.SaveState)
    case terminatedNotice(SessionMachine.SaveState)
    case stateFolderRefused(String)
    case stateFolderIsALink(String)
    case stateFolderIsAFile(String)
    case stateFolderOfAnotherUser(String)
    case stateFolderReadableByOthers(String, String)
    case noStateFolder

    // MARK: Files
    case exportNeedsName
    case exportBeforeResult
    case exportExtension
    case exported(String)
    case replaceQuestion([String], readOnly: Bool)
    case nothingWritten
    case cannotWrite(String, letter: Bool)

    // MARK: Letters
    case letterBeforeResult
    case letterExtension(String)
    case letterField(LetterField, aboutADecision: Bool)
    case controlCharactersInDetail
    case detailNeeded
    case nirRefused(NIR.Problem)
    case nirRecorded(String)
    case wordingIntro
    case letterAbandoned
    case letterReady(String)
    case letterToComplete(String, [String])
    case reuseLetterDetailsQuestion(name: String, nir: String)
    case letterPrintedToComplete([String])
    case letterMissingOptions([String])
    case notALetterCase(String)
    case caseNotValid(String)
    case letterOutputFailed(String)

    // MARK: Triage
    case byteOrderMark
    case noCaseInInput
    case incompleteJSON
    case triageLineTooLong(limit: Int)
    case invalidJSON(String)
    case caseError(line: Int, field: String?, String)
    case invalidCase(line: Int, field: String?, String)
    case resultsNotWritten(String)

    // MARK: Resume and purge
    case unreadableSkipped(Int)
    case noUnfinishedInterview(String)
    case resumeWhich
    case noSuchInterview(String, count: Int)
    case openElsewhere(String)
    case notTheShippedRules(String)
    case answerNoLongerFits(String)
    case wordsSetAside(String)
    case otherRules(begunWith: String, goesOnWith: String)
    case rulesChanged(from: String, to: String)
    case resuming(String, answers: Int)
    case sessionEntry(number: Int, when: String, audience: Audience, subject: String, answers: Int, progress: String, id: String)
    case answersSoFar
    case purgeUnfinishedQuestion(Int)
    case purgeUnfinishedNeedsYes(Int)
    case purgeReminder
    case nothingDeleted
    case filesDeleted(Int)

    // MARK: The quiz
    case quizIntro(cases: Int)
    case quizCase(Int, of: Int)
    case quizToday(String)
    case quizWhichRecommendation
    case quizChoiceExpected(count: Int)
    case quizRight
    case quizWrongChoice(said: String, wanted: String, rule: String?)
    case quizRightDate(String)
    case quizWrongDate(String)
    case quizNotAWorkingDay(said: String, closed: String, expected: String)
    case quizRightDateIs(String, daysOff: Int)
    case quizAnswer
    case quizWhy
    case quizScore(points: Int, possible: Int, cases: Int)
    case quizByRule
    case quizNothingToReview
    case quizToReview
    case quizReportTitle
    case quizReportHeader
    case quizReportReview
    case quizReportNoCase
    case quizReportFacts(day: String, seed: UInt64, done: Int, of: Int)
    case quizReportAnswers
    case quizReportAnswersHeader
    case quizSource(String)
    case outputLost(String)
    case quizReportFailed(String)
    case quizReportWritten(String)

    // MARK: Options and files refused before a command runs
    case casesUnreadable(String)
    case caseLineNotAnObject(path: String, line: Int)
    case triageInputUnreadable(path: String, reason: String)
    case letterNotJSON
    case nirOptionRefused(NIR.Problem)
    case dialogueUnreadable(FileError)
    case quizCountTooSmall
    case quizNoCase(dialogue: String, folder: String?)
    case noSavedInterviewFolder
    case caseFileUnreadable(path: String, reason: String)
    case noShippedDialogue(asked: String, shipped: String)

    private static func plural(_ n: Int, _ word: String) -> String { n > 1 ? word + "s" : word }
    private static func englishPlural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }

    var wordings: (fr: String, en: String) {
        switch self {
        case .welcome(saving: true):
            return (
                "Répondez aux questions ; tapez :aide à tout moment. Les réponses restent sur cet ordinateur.",
                "Answer the questions; type :help at any time. The answers stay on this computer."
            )
        case .simulatedDay(let day):
            return (
                "Jour simulé : \(day) (--today) ; les dates sont comptées depuis ce jour.",
                "Simulated day: \(day) (--today); dates are counted from that day."
            )
        case .welcome(saving: false):
            return (
                "Répondez aux questions ; tapez :aide à tout moment. Rien n'est enregistré : les réponses s'effacent quand vous quittez.",
                "Answer the questions; type :help at any time. Nothing is saved: the answers are gone when you leave."
            )
        case .refused(let error):
            let words: (fr: String, en: String)
            switch error {
            case .empty: words = ("tapez une réponse, ou :aide pour de l'aide", "type an answer, or :help for help")
            case .needed:
                words = (
                    "cette question demande une réponse ; tapez :aide pour savoir comment la trouver",
                    "this question needs an answer; type :help to see how to find it"
                )
            case .choiceExpected(let count):
                words = (
                    "tapez un numéro de 1 à \(count), ou le début d'une réponse (Tab complète)",
                    "type a number from 1 to \(count), or the start of an answer (Tab completes)"
                )
            default: return (error.sentence(.fr), error.sentence(.en))
            }
            return (
                words.fr.prefix(1).uppercased() + words.fr.dropFirst() + ".", words.en.prefix(1).uppercased() + words.en.dropFirst() + "."
            )
        case .lineTooLong(let bytes):
            return (
                "Ligne trop longue (\(bytes) octets) : une réponse ou une commande tient en 2 000 caractères. Tapez-la de nouveau.",
                "Line too long (\(bytes) bytes): an answer or a command fits in 2,000 characters. Type it again."
            )
        case .commandRefused(.unknown(let name)):
            let name = VisibleText.escapingControls(name)
            return (
                "Commande inconnue : \(name). Tapez :aide pour la liste des commandes.",
                "Unknown command: \(name). Type :help for the list of commands."
            )
        case .commandRefused(.badNumber(let word)):
            let word = VisibleText.escapingControls(word)
            return (
                "« \(word) » n'est pas un numéro de réponse ; tapez :réponses pour les voir.",
                "“\(word)” is not an answer number; type :answers to see them."
            )
        case .commandRefused(.badFileName(let path)):
            let path = VisibleText.escapingControls(path)
            return (
                "Nom de fichier refusé (« \(path) ») : il contient des caractères de contrôle ; tapez un nom simple, par exemple dossier.txt.",
                "File name refused (“\(path)”): it holds control characters; type a plain name, for example case.txt."
            )
        case .answersSetAside(let labels):
            return (
                "Ces réponses ne s'appliquent plus et sont mises de côté : \(labels).",
                "These answers no longer apply and are set aside: \(labels)."
            )
        case .interviewOver:
            return (
                "L'entretien est terminé : tapez une commande, par exemple :résumé, :exporter dossier.txt ou :recommencer (:aide pour toutes).",
                "The interview is over: type a command, such as :summary, :export case.txt or :restart (:help for all)."
            )
        case .editHowTo:
            return (
                "Tapez :modifier suivi du numéro de la réponse à changer.", "Type :edit followed by the number of the answer to change."
            )
        case .noAnswerToEdit:
            return ("Aucune réponse à modifier pour l'instant.", "No answer to change yet.")
        case .answerNumberTooHigh(let count):
            return (
                "Il n'y a que \(count) réponse\(count > 1 ? "s" : "") ; tapez un numéro de 1 à \(count).",
                "There \(count == 1 ? "is only 1 answer" : "are only \(count) answers"); type a number from 1 to \(count)."
            )
        case .changingAnswer(let n):
            return ("Modification de la réponse \(n) :", "Changing answer \(n):")
        case .restartQuestion:
            return (
                "Recommencer efface les réponses de cet entretien. Continuer ? (o/n)",
                "Restarting erases this interview's answers. Go on? (y/n)"
            )
        case .newInterview(cleared: false):
            return ("Nouvel entretien.", "New interview.")
        case .newInterview(cleared: true):
            return (
                "Nouvel entretien : l'écran et tout ce qui était au-dessus ont été effacés pour la personne suivante.",
                "New interview: the screen and everything above it were cleared for the next person."
            )
        case .atFirstQuestion:
            return (
                "Vous êtes à la première question : il n'y a pas de réponse avant elle.",
                "This is the first question: there is no answer before it."
            )
        case .dialogueFault(let fault):
            return (
                "Le dialogue ne sait pas traiter ces réponses (erreur du fichier de règles) : \(fault)",
                "The dialogue cannot handle these answers (an error in the rules file): \(fault)"
            )
        case .faultWayOut:
            return (
                "Vous pouvez revenir en arrière (:retour) ou modifier une réponse (:modifier N).",
                "You can go back (:back) or change an answer (:edit N)."
            )
        case .noAnswerYet:
            return ("Aucune réponse pour l'instant.", "No answer yet.")
        case .progress(let number, let atMost):
            return ("question \(number) (\(atMost) au plus)", "question \(number) (at most \(atMost))")
        case .hintYesNo:
            return ("oui / non", "yes / no")
        case .hintDate:
            return (
                "date : 23/11/2026, 23 novembre 2026, hier, il y a 2 semaines…",
                "date: 23/11/2026, 23 November 2026, yesterday, 2 weeks ago…"
            )
        case .hintChoice:
            return ("un numéro, ou le début de la réponse (Tab complète)", "a number, or the start of the answer (Tab completes)")
        case .hintEnterKeeps(let answer):
            return ("Entrée : \(answer)", "Enter: \(answer)")
        case .hintHelp:
            return (":aide pour de l'aide", ":help for help")
        case .quoted(let text):
            return ("« \(text) »", "“\(text)”")
        case .commandPrompt:
            return ("commande (:aide) > ", "command (:help) > ")
        case .yesNoPrompt:
            return ("(o/n) > ", "(y/n) > ")
        case .yesNoWords:
            return ("oui non", "yes no")
        case .dateWords:
            return ("aujourd'hui,hier,avant-hier,il y a ", "today,yesterday,the day before yesterday,")
        case .stepsHeading:
            return ("À faire :", "What to do:")
        case .parallelHeading:
            return ("En parallèle :", "In parallel:")
        case .caseNoteHeading:
            return ("Résumé pour la fiche (:résumé pour le réafficher) :", "Summary for the case note (:summary shows it again):")
        case .resultFooter:
            return (
                "Pourquoi ce résultat : :pourquoi ; exporter : :exporter dossier.txt ; lettre : :lettre ; nouvel entretien : :recommencer ; quitter : :quitter",
                "Why: :why; export: :export case.txt; letter: :letter; new interview: :restart; quit: :quit"
            )
        case .helpHeading:
            return ("Aide :", "Help:")
        case .commandsHeading:
            return ("Commandes :", "Commands:")
        case .keysHelp:
            return (
                "Ctrl-C efface la ligne en cours ; Ctrl-D propose de quitter ; ↑ rappelle une ligne déjà tapée.",
                "Ctrl-C clears the line being typed; Ctrl-D offers to leave; ↑ recalls a line already typed."
            )
        case .usageHelp: return ("aide sur la question et liste des commandes", "help on the question and the commands")
        case .usageBack: return ("revenir à la question précédente", "go back to the previous question")
        case .usageEdit: return ("modifier N : changer la réponse n° N (voir :réponses)", "edit N: change answer number N (see :answers)")
        case .usageAnswers: return ("les réponses données, numérotées", "the answers given, numbered")
        case .usageWhy:
            return ("pourquoi cette question, ou ce résultat, avec les sources", "why this question, or this result, with the sources")
        case .usageSummary: return ("le résumé à coller dans une fiche", "the summary to paste into a case note")
        case .usageExport: return ("exporter FICHIER.txt|.md|.json [--force]", "export FILE.txt|.md|.json [--force]")
        case .usageLetter: return ("lettre [FICHIER.txt|.md] : la lettre à envoyer", "letter [FILE.txt|.md]: the letter to send")
        case .usageRestart: return ("recommencer un nouvel entretien", "start a new interview")
        case .usageQuit: return ("quitter (l'entretien reste enregistré)", "quit (the interview stays saved)")

        case .whyThisQuestion(let label):
            return ("Pourquoi cette question (« \(label) ») :", "Why this question (“\(label)”):")
        case .noRuleReadsIt:
            return (
                "elle oriente vers la question suivante ; aucune règle ne la lit directement.",
                "it leads to the next question; no rule reads it directly."
            )
        case .rulesReadingIt:
            return (
                "la réponse compte pour ces règles (leurs sources s'affichent avec le résultat) :",
                "the answer matters to these rules (their sources are shown with the result):"
            )
        case .decidedSoFar:
            return ("Ce qui a déjà été décidé :", "What has been decided so far:")
        case .noRuleYet:
            return ("Aucune règle appliquée pour l'instant.", "No rule applied yet.")

        case .saveFailed(let reason):
            return (
                "Attention : l'entretien ne peut pas être enregistré (\(reason)). Il continue sans sauvegarde.",
                "Warning: the interview cannot be saved (\(reason)). It goes on without saving."
            )
        case .quitQuestion(.saved):
            return ("Quitter l'entretien ? Il reste enregistré. (o/n)", "Leave the interview? It stays saved. (y/n)")
        case .quitQuestion(.nothingToSave):
            return ("Quitter l'entretien ? Aucune réponse n'a été donnée. (o/n)", "Leave the interview? No answer was given. (y/n)")
        case .quitQuestion(.notSaving):
            return (
                "Quitter l'entretien ? Ses réponses ne sont pas enregistrées. (o/n)",
                "Leave the interview? Its answers are not saved. (y/n)"
            )
        case .quitQuestion(.failed(let reason)):
            return (
                "Quitter l'entretien ? Il n'a pas pu être enregistré (\(reason)) : ses réponses seront perdues. (o/n)",
                "Leave the interview? It could not be saved (\(reason)): its answers will be lost. (y/n)"
            )
        case .goodbye(true, _):
            return ("Au revoir.", "Goodbye.")
        case .goodbye(false, .saved):
            return (
                "L'entretien est enregistré ; reprenez-le avec « conciliation resume ».",
                "The interview is saved; resume it with “conciliation resume”."
            )
        case .goodbye(false, .failed(let reason)):
            return (
                "L'entretien n'a pas pu être enregistré (\(reason)) ; ses réponses sont perdues à la sortie.",
                "The interview could not be saved (\(reason)); its answers are lost on leaving."
            )
        case .goodbye(false, .nothingToSave), .goodbye(false, .notSaving):
            return ("Au revoir ; rien n'a été enregistré.", "Goodbye; nothing was saved.")
        case .terminatedNotice(.saved):
            return ("Interruption : l'entretien est enregistré.", "Interrupted: the interview is saved.")
        case .terminatedNotice(.nothingToSave):
            return (
                "Interruption : aucune réponse n'a été donnée, rien n'est enregistré.",
                "Interrupted: no answer was given, nothing is saved."
            )
        case .terminatedNotice(.notSaving):
            return (
                "Interruption : l'entretien n'est pas enregistré (aucun enregistrement demandé).",
                "Interrupted: the interview is not saved (no saving asked)."
            )
        case .terminatedNotice(.failed(let reason)):
            return (
                "Interruption : l'entretien n'a pas pu être enregistré (\(reason)) ; ses réponses sont perdues à la sortie, notez-les ou exportez-les (:exporter).",
                "Interrupted: the interview could not be saved (\(reason)); its answers are lost on leaving, note them or export them (:export)."
            )
        case .stateFolderIsALink(let folder):
            return (
                "\(folder) est un lien symbolique ; pour protéger les réponses, l'entretien n'y écrit pas. Supprimez le lien (rm \(folder)) : un vrai dossier sera créé.",
                "\(folder) is a symbolic link; to protect the answers, the interview does not write there. Remove the link (rm \(folder)): a real folder will be made."
            )
        case .stateFolderIsAFile(let path):
            return (
                "\(path) n'est pas un dossier ; déplacez ce fichier pour que le dossier des entretiens puisse être créé.",
                "\(path) is not a folder; move this file so that the interviews' folder can be made."
            )
        case .stateFolderOfAnotherUser(let folder):
            return (
                "\(folder) appartient à un autre utilisateur ; l'entretien n'y écrit pas. Donnez-lui un autre dossier avec XDG_STATE_HOME.",
                "\(folder) belongs to another user; the interview does not write there. Give it another folder with XDG_STATE_HOME."
            )
        case .stateFolderReadableByOthers(let folder, let why):
            return (
                "\(folder) est lisible par d'autres et ses droits ne peuvent pas être corrigés (\(why)) ; faites chmod 700 \(folder).",
                "\(folder) can be read by others and its rights cannot be corrected (\(why)); run chmod 700 \(folder)."
            )
        case .stateFolderRefused(let why):
            return ("Attention : \(why) L'entretien ne sera pas enregistré.", "Warning: \(why) The interview will not be saved.")
        case .noStateFolder:
            return (
                "Attention : ni XDG_STATE_HOME ni HOME ne sont définis ; l'entretien ne sera pas enregistré.",
                "Warning: neither XDG_STATE_HOME nor HOME is set; the interview will not be saved."
            )

        case .exportNeedsName:
            return (
                "Donnez un nom de fichier : :exporter dossier.txt (ou .md, .json).", "Give a file name: :export case.txt (or .md, .json)."
            )
        case .exportBeforeResult:
            return (
                "L'entretien n'est pas terminé : répondez aux questions avant d'exporter (:résumé montre les réponses).",
                "The interview is not over: answer the questions before exporting (:summary shows the answers)."
            )
        case .exportExtension:
            return (
                "Extension non reconnue : terminez le nom par \(ExportFormat.extensions(or: "ou")).",
                "Unknown extension: end the name with \(ExportFormat.extensions(or: "or"))."
            )
        case .exported(let path):
            return ("Exporté dans \(path) (lisible par vous seul).", "Exported to \(path) (readable by you only).")
        case .replaceQuestion(let paths, let readOnly):
            let names = paths.joined(separator: " et "), englishNames = paths.joined(separator: " and ")
            let one = paths.count == 1
            let protected = readOnly ? (one ? " et il est en lecture seule" : " et l'un est en lecture seule") : ""
            let englishProtected = readOnly ? (one ? " and is read-only" : " and one is read-only") : ""
            return (
                (one ? "Le fichier \(names) existe déjà" : "Les fichiers \(names) existent déjà") + protected
                    + (one ? ". Le remplacer" : ". Les remplacer") + (readOnly ? " quand même" : "") + " ? (o/n)",
                (one ? "The file \(englishNames) already exists" : "The files \(englishNames) already exist") + englishProtected
                    + (one ? ". Replace it" : ". Replace them") + (readOnly ? " all the same" : "") + "? (y/n)"
            )
        case .nothingWritten:
            return ("Rien n'a été écrit.", "Nothing was written.")
        case .cannotWrite(let reason, false):
            return ("Export impossible : \(reason).", "Cannot export: \(reason).")
        case .cannotWrite(let reason, true):
            return ("Lettre non écrite : \(reason).", "Letter not written: \(reason).")

        case .letterBeforeResult:
            return (
                "L'entretien n'est pas terminé : la lettre dépend du résultat.",
                "The interview is not over: the letter depends on the result."
            )
        case .letterExtension(let path):
            return (
                "Extension non reconnue (\(path)) : terminez le nom par .txt ou .md.",
                "Unknown extension (\(path)): end the name with .txt or .md."
            )
        case .letterField(let field, let aboutADecision):
            return CLIMessage.fieldWordings(field, aboutADecision: aboutADecision)
        case .controlCharactersInDetail:
            return ("Caractères de contrôle refusés ; tapez seulement du texte.", "Control characters refused; type plain text only.")
        case .detailNeeded:
            return (
                "Cette information est nécessaire pour la lettre ; tapez-la, ou Ctrl-C pour abandonner.",
                "The letter needs this; type it, or Ctrl-C to give up the letter."
            )
        case .nirRefused(let problem):
            return (
                "Numéro refusé : \(Message.nirProblem(problem).text(.fr)).",
                "Number refused: \(Message.nirProblem(problem).text(.en))."
            )
        case .nirRecorded(let masked):
            return ("→ numéro enregistré pour la lettre : \(masked)", "→ number kept for the letter: \(masked)")
        case .wordingIntro:
            return (
                "Trois passages de la lettre peuvent être écrits maintenant ; Entrée les laisse « à compléter ».",
                "Three passages of the letter can be written now; Enter leaves them “to be completed”."
            )
        case .letterAbandoned:
            return ("Lettre abandonnée.", "Letter given up.")
        case .letterReady(let path):
            return (
                "Lettre écrite dans \(path) (lisible par vous seul) : relisez-la, signez-la, puis envoyez-la.",
                "Letter written to \(path) (readable by you only): read it over, sign it, then send it."
            )
        case .letterToComplete(let path, let passages):
            let n = passages.count
            return (
                "Lettre écrite dans \(path) (lisible par vous seul). Elle n'est pas prête à envoyer : complétez d'abord \(n) \(CLIMessage.plural(n, "passage")) \(CLIMessage.plural(n, "marqué")) [à compléter] : \(passages.map { "« \($0) »" }.joined(separator: " ; ")).",
                "Letter written to \(path) (readable by you only). It is not ready to send: first fill in the \(n) \(CLIMessage.englishPlural(n, "passage")) marked [à compléter]: \(passages.map { "“\($0)”" }.joined(separator: "; "))."
            )
        case .letterPrintedToComplete(let passages):
            let n = passages.count
            return (
                "Cette lettre n'est pas prête à envoyer : complétez d'abord \(n) \(CLIMessage.plural(n, "passage")) \(CLIMessage.plural(n, "marqué")) [à compléter] : \(passages.map { "« \($0) »" }.joined(separator: " ; ")).",
                "This letter is not ready to send: first fill in the \(n) \(CLIMessage.englishPlural(n, "passage")) marked [à compléter]: \(passages.map { "“\($0)”" }.joined(separator: "; "))."
            )
        case .reuseLetterDetailsQuestion(let name, let nir):
            let name = VisibleText.escapingControls(name)
            return (
                "Reprendre les coordonnées et les mots déjà donnés (\(name), n° \(nir)) ? Ils sont gardés jusqu'à :recommencer, jamais enregistrés. (o/n)",
                "Use the details and words already given (\(name), no. \(nir))? They are kept until :restart, never saved. (y/n)"
            )
        case .letterMissingOptions(let options):
            let list = options.joined(separator: ", ")
            return (
                "sans terminal, rien n'est demandé : donnez \(list) (et --reference pour la décision, s'il y en a une)",
                "without a terminal nothing is asked: give \(list) (and --reference for the decision, if it has one)"
            )
        case .notALetterCase(let file):
            return (
                "\(file) n'est ni un cas de triage (un objet JSON avec les clés de triage) ni un export de l'entretien",
                "\(file) is neither a triage case (one JSON object with the triage keys) nor an export of the interview"
            )
        case .caseNotValid(let why):
            return ("le cas n'est pas valide : \(why)", "the case is invalid: \(why)")
        case .letterOutputFailed(let problem):
            return (
                "conciliation letter : la lettre n'a pas pu être écrite (\(problem)) ; donnez --output FICHIER ailleurs",
                "conciliation letter: the letter could not be written (\(problem)); give --output FILE elsewhere"
            )

        case .byteOrderMark:
            return (
                "le fichier commence par une marque d'ordre des octets (BOM) : enregistrez-le en UTF-8 sans BOM",
                "the file starts with a byte order mark (BOM): save it as UTF-8 without a BOM"
            )
        case .noCaseInInput:
            return ("aucun cas en entrée : donnez un objet JSON par ligne", "no case in the input: give one JSON object per line")
        case .triageLineTooLong(let limit):
            return (
                "ligne trop longue (plus de \(limit >> 20) Mio) : elle est ignorée jusqu'à son retour à la ligne ; un cas s'écrit sur une seule ligne",
                "line too long (over \(limit >> 20) MiB): it is skipped up to its newline; a case is written on one line"
            )
        case .incompleteJSON:
            return (
                "objet JSON incomplet sur cette ligne : il manque la fin (une accolade `}` ou un guillemet ?) ; un cas s'écrit sur une seule ligne",
                "incomplete JSON object on this line: its end is missing (a `}` or a quote?); a case is written on one line"
            )
        case .invalidJSON(let why):
            return ("JSON invalide : \(why)", "invalid JSON: \(why)")
        case .caseError(let line, let field, let message):
            return (
                "ligne \(line)\(field.map { ", champ « \($0) »" } ?? "") : \(message)",
                "line \(line)\(field.map { ", field \"\($0)\"" } ?? ""): \(message)"
            )
        case .invalidCase(let line, let field, let message):
            return (
                "Cas de la ligne \(line) : invalide\(field.map { ", champ « \($0) »" } ?? "") : \(message)",
                "Case on line \(line): invalid\(field.map { ", field \"\($0)\"" } ?? ""): \(message)"
            )
        case .resultsNotWritten(let problem):
            return (
                "les résultats n'ont pas pu être écrits (\(problem)) ; ceux d'avant sont complets, relancez vers un autre fichier",
                "the results could not be written (\(problem)); those before are whole, run again into another file"
            )
        case .unreadableSkipped(let n):
            return (
                "\(n) \(CLIMessage.plural(n, "fichier")) du dossier \(n > 1 ? "ne sont" : "n'est") pas \(n > 1 ? "des entretiens lisibles" : "un entretien lisible") : \(n > 1 ? "ils sont ignorés" : "il est ignoré") (conciliation purge --all les supprime).",
                "\(n) \(CLIMessage.englishPlural(n, "file")) in the folder \(n == 1 ? "is not a readable interview" : "are not readable interviews") and \(n == 1 ? "is" : "are") skipped (conciliation purge --all deletes them)."
            )
        case .noUnfinishedInterview(let folder):
            return ("Aucun entretien en cours dans \(folder).", "No unfinished interview in \(folder).")
        case .resumeWhich:
            return ("Numéro à reprendre > ", "Number to resume > ")
        case .noSuchInterview(let choice, let count):
            return (
                "aucun entretien en cours « \(choice) » : tapez un numéro de 1 à \(count), ou un identifiant donné par « conciliation resume --list »",
                "no unfinished interview “\(choice)”: type a number from 1 to \(count), or an identifier from “conciliation resume --list”"
            )
        case .openElsewhere(let id):
            return (
                "l'entretien \(id) est ouvert ailleurs (un autre terminal ou une autre fenêtre) ; terminez-le là-bas",
                "interview \(id) is open elsewhere (another terminal or window); finish it there"
            )
        case .notTheShippedRules(let file):
            return (
                "Cet entretien suit le fichier de règles \(file), qui n'est pas celui livré.",
                "This interview follows the rules file \(file), which is not the shipped one."
            )
        case .answerNoLongerFits(let id):
            return (
                "Réponse « \(id) » ignorée : elle ne correspond plus au dialogue.",
                "Answer “\(id)” skipped: it no longer fits the dialogue."
            )
        case .rulesChanged(let from, let to):
            return (
                "Les règles ont changé depuis (\(from) → \(to)) : le résultat suit les règles actuelles.",
                "The rules have changed since (\(from) → \(to)): the result follows the current rules."
            )
        case .wordsSetAside(let words):
            return (
                "(la date seule est retenue ; mots laissés de côté : « \(words) »)",
                "(only the date is kept; words set aside: “\(words)”)"
            )
        case .otherRules(let begunWith, let goesOnWith):
            return (
                "Cet entretien a été commencé avec d'autres règles (\(begunWith)) : il se poursuit avec les règles \(goesOnWith), celles que nomme son fichier ; vérifiez chaque réponse.",
                "This interview was begun with other rules (\(begunWith)): it goes on with the rules \(goesOnWith), those its file names; check each answer."
            )
        case .resuming(let id, let answers):
            return (
                "Reprise de l'entretien \(id) (\(answers) \(CLIMessage.plural(answers, "réponse"))).",
                "Resuming interview \(id) (\(answers) \(CLIMessage.englishPlural(answers, "answer")))."
            )
        case .sessionEntry(let number, let when, let audience, let subject, let answers, let progress, let id):
            let who =
                audience == .agent ? ("un agent au téléphone", "an agent on the phone") : ("la personne elle-même", "the person themselves")
            return (
                "\(number). \(when) — \(who.0) — \(answers) \(CLIMessage.plural(answers, "réponse"))\n   Objet : \(subject)\n   Question en cours : \(progress)\n   (\(id))",
                "\(number). \(when) — \(who.1) — \(answers) \(CLIMessage.englishPlural(answers, "answer"))\n   Subject: \(subject)\n   Current question: \(progress)\n   (\(id))"
            )
        case .nothingDeleted:
            return ("Rien n'a été supprimé.", "Nothing was deleted.")
        case .answersSoFar:
            return ("Réponses déjà données :", "Answers given so far:")
        case .purgeUnfinishedQuestion(let n):
            return (
                "\(n) \(CLIMessage.plural(n, "entretien")) non \(CLIMessage.plural(n, "terminé")) \(n > 1 ? "seront supprimés" : "sera supprimé") aussi. Continuer ? (o/n) ",
                "\(n) unfinished \(CLIMessage.englishPlural(n, "interview")) will be deleted too. Go on? (y/n) "
            )
        case .purgeUnfinishedNeedsYes(let n):
            return (
                "\(n) \(CLIMessage.plural(n, "entretien")) non \(CLIMessage.plural(n, "terminé")) : sans terminal, rien n'est demandé ; ajoutez --yes pour \(n > 1 ? "les" : "le") supprimer",
                "\(n) unfinished \(CLIMessage.englishPlural(n, "interview")): without a terminal nothing is asked; add --yes to delete \(n > 1 ? "them" : "it")"
            )
        case .purgeReminder:
            return (
                "Les résumés exportés et les lettres (qui portent le numéro de sécurité sociale complet) restent là où ils ont été écrits : supprimez-les vous-même s'il le faut.",
                "Exported files and letters (which hold the full social security number) stay where they were written: delete them yourself if needed."
            )
        case .filesDeleted(let n):
            return (
                "\(n) \(CLIMessage.plural(n, "fichier")) \(CLIMessage.plural(n, "supprimé")).",
                "\(n) \(CLIMessage.englishPlural(n, "file")) deleted."
            )

        case .quizIntro(let cases):
            return (
                "Quiz : \(cases) cas. Pour chacun, la recommandation puis, s'il y a lieu, la date qui compte. :passer saute un cas, :quitter arrête.",
                "Quiz: \(cases) \(CLIMessage.englishPlural(cases, "case")). For each, the recommendation then, where it applies, the date that matters. :skip skips a case, :quit stops."
            )
        case .quizCase(let n, let total):
            return ("Cas \(n) sur \(total)", "Case \(n) of \(total)")
        case .quizToday(let day):
            return ("Nous sommes le \(day).", "Today is \(day).")
        case .quizWhichRecommendation:
            return ("Quelle recommandation ?", "Which recommendation?")
        case .quizChoiceExpected(let count):
            return (
                "Tapez un numéro de 1 à \(count), ou le début d'une réponse (Tab complète).",
                "Type a number from 1 to \(count), or the start of an answer (Tab completes)."
            )
        case .quizRight:
            return ("Juste.", "Right.")
        case .quizWrongChoice(let said, let wanted, let rule):
            return (
                "Non : vous avez dit « \(said) », il fallait « \(wanted) »" + (rule.map { ", d'après la règle « \($0) »." } ?? "."),
                "No: you said “\(said)”, the answer is “\(wanted)”" + (rule.map { ", by the rule “\($0)”." } ?? ".")
            )
        case .quizRightDate(let day):
            return ("Juste : \(day).", "Right: \(day).")
        case .quizWrongDate(let day):
            return ("Non : vous avez dit \(day). ", "No: you said \(day). ")
        case .quizNotAWorkingDay(let said, let closed, let expected):
            return (
                "Le \(said) n'est pas un jour ouvrable (\(closed)) : le délai est reporté au \(expected) (art. 642).",
                "\(said) is not a working day (\(closed)): the deadline moves to \(expected) (art. 642)."
            )
        case .quizRightDateIs(let day, let off):
            return (
                "La date juste est le \(day) (écart de \(off) \(CLIMessage.plural(off, "jour"))).",
                "The right date is \(day) (\(off) \(CLIMessage.englishPlural(off, "day")) off)."
            )
        case .quizAnswer: return ("Réponse : ", "Answer: ")
        case .quizWhy: return ("Pourquoi :", "Why:")
        case .quizScore(let points, let possible, let cases):
            return (
                "Score : \(points) \(CLIMessage.plural(points, "point")) sur \(possible), pour \(cases) cas (un point par recommandation juste, un par date juste quand le cas en a une).",
                "Score: \(points) \(CLIMessage.englishPlural(points, "point")) out of \(possible), over \(cases) \(CLIMessage.englishPlural(cases, "case")) (a point per right recommendation, one per right date where the case has one)."
            )
        case .quizByRule: return ("Par règle (cas réussis / cas) :", "By rule (cases right / cases):")
        case .quizNothingToReview: return ("Aucun cas à revoir.", "No case to review.")
        case .quizToReview: return ("À revoir :", "To review:")
        case .quizReportTitle: return ("# Quiz : résultats", "# Quiz: results")
        case .quizReportHeader: return ("| règle | cas réussis | cas |", "| rule | cases right | cases |")
        case .quizReportReview: return ("## À revoir", "## To review")
        case .quizReportNoCase: return ("Aucun cas.", "No case.")
        case .quizReportFacts(let day, let seed, let done, let total):
            return (
                "Quiz du \(day) ; graine \(seed) (conciliation quiz --seed \(seed) rejoue les mêmes cas) ; \(done) cas \(done > 1 ? "traités" : "traité") sur \(total).",
                "Quiz of \(day); seed \(seed) (conciliation quiz --seed \(seed) replays the same cases); \(done) of \(total) \(CLIMessage.englishPlural(total, "case")) done."
            )
        case .quizReportAnswers: return ("## Réponses données", "## Answers given")
        case .quizReportAnswersHeader:
            return ("| cas | réponse donnée | réponse attendue | juste |", "| case | answer given | answer expected | right |")
        case .quizSource(let title): return ("source : \(title)", "source: \(title)")
        case .outputLost(let problem):
            return (
                "conciliation : la sortie n'a pas pu être écrite (\(problem)) ; ce qui devait s'afficher manque.",
                "conciliation: the output could not be written (\(problem)); what was to be shown is missing."
            )
        case .quizReportFailed(let problem):
            return (
                "Le rapport n'a pas pu être écrit (\(problem)) ; le voici sur la sortie standard.",
                "The report could not be written (\(problem)); here it is on standard output."
            )
        case .quizReportWritten(let path): return ("Résultats écrits dans \(path).", "Results written to \(path).")
        case .casesUnreadable(let reason): return ("lecture impossible : \(reason)", "cannot read \(reason)")
        case .caseLineNotAnObject(let path, let line):
            return (
                "\(path):\(line) : ce n'est pas un objet JSON ; chaque ligne d'un fichier .jsonl est un cas",
                "\(path):\(line): not a JSON object; each line of a .jsonl file is one case"
            )
        case .triageInputUnreadable(let path, let reason):
            return (
                "lecture impossible de \(path) : \(reason) ; donnez un fichier lisible, ou - pour l'entrée standard",
                "cannot read \(path): \(reason); give a readable file, or - for standard input"
            )
        case .letterNotJSON:
            return (
                "une lettre est du texte ou du markdown : écrivez --format text ou --format markdown",
                "a letter is text or markdown: write --format text or --format markdown"
            )
        case .nirOptionRefused(let problem): return ("--nir refusé : " + problem.sentence(.fr), "--nir refused: " + problem.sentence(.en))
        case .dialogueUnreadable(let reason):
            return ("lecture impossible du dialogue \(reason.text(.fr))", "cannot read the dialogue \(reason.text(.en))")
        case .quizCountTooSmall: return ("--count prend un nombre de cas, 1 ou plus", "--count takes a number of cases, 1 or more")
        case .quizNoCase(let dialogue, let folder):
            return (
                "aucun cas pour \(dialogue) dans \(folder ?? "les cas livrés")",
                "no case for \(dialogue) in \(folder ?? "the shipped cases")"
            )
        case .noSavedInterviewFolder:
            return (
                "ni XDG_STATE_HOME ni HOME n'est défini : aucun entretien enregistré ne peut être trouvé",
                "neither XDG_STATE_HOME nor HOME is set: no saved interview can be found"
            )
        case .caseFileUnreadable(let path, let reason):
            return (
                "lecture impossible de \(path) : \(reason) ; donnez des fichiers de cas ou des dossiers de cas",
                "cannot read \(path): \(reason); give case files or folders of them"
            )
        case .noShippedDialogue(let asked, let shipped):
            return (
                "aucun dialogue livré « \(asked) » : ceux livrés sont \(shipped) ; sinon, donnez --dialogue FICHIER",
                "no shipped dialogue “\(asked)”: the shipped ones are \(shipped); give --dialogue FILE"
            )
        }
    }

    private static func fieldWordings(_ field: LetterField, aboutADecision: Bool) -> (fr: String, en: String) {
        switch field {
        case .name: return ("Vos nom et prénom :", "Your surname and first name:")
        case .address: return ("Votre adresse (sur une ligne) :", "Your address (on one line):")
        case .nir:
            return (
                "Votre numéro de sécurité sociale (15 chiffres, sur la carte Vitale) :",
                "Your social security number (15 digits, on the carte Vitale):"
            )
        case .caisse: return ("Votre caisse (par exemple « CPAM du Bas-Rhin ») :", "Your caisse (for example “CPAM du Bas-Rhin”):")
        case .reference:
            return (
                "Référence de la décision (en haut du courrier ; Entrée si aucune) :",
                "Reference of the decision (at the top of the letter; Enter if none):"
            )
        case .facts:
            return aboutADecision
                ? (
                    "Ce que la caisse a décidé, en une phrase (Entrée pour le laisser à compléter) :",
                    "What the caisse decided, in one sentence (Enter to fill it in later):"
                )
                : (
                    "Ce qui s'est passé, en une phrase ou deux (Entrée pour le laisser à compléter) :",
                    "What happened, in a sentence or two (Enter to fill it in later):"
                )
        case .grounds:
            return (
                "Pourquoi vous n'êtes pas d'accord (Entrée pour le laisser à compléter) :",
                "Why you disagree (Enter to fill it in later):"
            )
        case .request:
            return ("Ce que vous demandez (Entrée pour le laisser à compléter) :", "What you ask for (Enter to fill it in later):")
        }
    }
}
