import ArgumentParser
import DialogueKit
import LineEditor
import WallClock

#if canImport(Glibc)
    import Glibc
#endif

/// `conciliation` (or `conciliation interview`): the interview, question by question.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: HelpLanguage.text("Commencer l'entretien (la commande par défaut).", "Start the interview (the default command)."),
        discussion: HelpLanguage.text(
            "Les réponses sont enregistrées après chacune, lisibles par vous seul, dans $XDG_STATE_HOME/conciliation (sinon ~/.local/state/conciliation) ; « conciliation resume » reprend un entretien.",
            "Answers are saved after each one, owner-only, under $XDG_STATE_HOME/conciliation (else ~/.local/state/conciliation); 'conciliation resume' takes an interview up again."
        )
    )

    @OptionGroup var options: DialogueOptions

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Qui lit les questions : agent (un agent qui les lit au téléphone) ou self (la personne assurée elle-même).",
            "Who reads the questions: agent (an agent reading them out on the phone) or self (the insured person)."))
    var audience: Audience = .self

    @Flag(
        name: .long,
        help: HelpLanguage.help("Ne rien écrire sur le disque (un ordinateur partagé).", "Write nothing to disk (a shared computer)."))
    var noSave = false

    func run() throws {
        try settings.start()
    }

    /// What the options say, as plain values.
    var settings: Settings {
        Settings(dialogue: options.dialogue, today: options.today, lang: options.lang, audience: audience, noSave: noSave)
    }

    /// The interview's options as plain values: what the command line gives,
    /// whether ArgumentParser read it or `Launcher`'s quick path did.
    struct Settings: Equatable {
        var dialogue: String?
        var today: CivilDate?
        var lang: Language = .fr
        var audience: Audience = .self
        var noSave = false

        func start() throws {
            let dialogue = try DialogueFiles.load(self.dialogue)
            let record = SessionRecord(
                id: SessionStore.newID(), dialogueFile: self.dialogue ?? DialogueFiles.shippedName, dialogueID: dialogue.id,
                dialogueVersion: dialogue.version, language: lang, audience: audience, todayOverride: today,
                created: Timestamp.now(), updated: Timestamp.now(), finished: false, outcome: nil, answers: [])
            let interview = Interview(dialogue: dialogue, today: today ?? ParisClock.today())
            try InterviewSession.run(interview: interview, record: record, noSave: noSave)
        }

        /// The options of a plain interview line (`--no-save`, `--today D`,
        /// `--lang L`, `--audience A`, `--dialogue F`, each at most once, values
        /// read by the same `ExpressibleByArgument` types as ArgumentParser); nil
        /// for anything else, which ArgumentParser then reads and explains.
        static func quick(_ arguments: [String]) -> Settings? {
            var settings = Settings()
            var seen: Set<String> = []
            var rest = arguments[...]
            while let word = rest.popFirst() {
                guard word.hasPrefix("--"), seen.insert(word).inserted else { return nil }
                if word == "--no-save" {
                    settings.noSave = true
                    continue
                }
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                switch word {
                case "--today": guard let d = CivilDate(argument: value) else { return nil }; settings.today = d
                case "--lang": guard let l = Language(argument: value) else { return nil }; settings.lang = l
                case "--audience": guard let a = Audience(argument: value) else { return nil }; settings.audience = a
                case "--dialogue": settings.dialogue = value
                default: return nil
                }
            }
            return settings
        }
    }
}
