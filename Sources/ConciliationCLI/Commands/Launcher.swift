import ArgumentParser

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
            Conciliation.main(arguments)
            return
        }
        do {
            try settings.start()
        } catch {
            InterviewCommand.exit(withError: error)
        }
    }
}
