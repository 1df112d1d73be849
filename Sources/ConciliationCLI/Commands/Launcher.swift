import ArgumentParser
import Files

/// Where the program starts. A plain interview line, the common case, is read by
/// `InterviewCommand.Settings.quick`: ArgumentParser builds its command tree by
/// reflection, which cost a fifth of the start-up time. Anything else goes
/// through ArgumentParser, which gives the usual help and error messages.
public enum Launcher {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        CheckedExit.install()
        // `--version` names the built-in rules and their versions, which a static
        // ArgumentParser version string cannot hold.
        if arguments == ["--version"] {
            print(VersionText.text())
            return
        }
        guard let settings = InterviewCommand.Settings.quick(arguments) else {
            run(arguments)
            return
        }
        do {
            try settings.start()
        } catch {
            InterviewCommand.exit(withError: error)
        }
    }

    /// ArgumentParser's reading and running, its help and its usage errors said in
    /// the language chosen (`HelpLanguage`), as `ParsableCommand.main` would.
    private static func run(_ arguments: [String]) {
        do {
            var command = try Conciliation.parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = Conciliation.exitCode(for: error)
            let text = HelpLanguage.localized(Conciliation.fullMessage(for: error))
            if !text.isEmpty {
                if code == .success { print(text) } else { FileIO.write(text + "\n", to: 2) }
            }
            Conciliation.exit(withError: code == .success ? nil : ExitCode(code.rawValue))
        }
    }
}
