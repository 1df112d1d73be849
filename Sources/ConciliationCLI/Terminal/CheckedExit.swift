import ArgumentParser
import DialogueKit
import Files

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// No output is lost in silence: what `print` buffers (every command's output,
/// ArgumentParser's help and errors included) is flushed when the process exits,
/// and a failed flush turns the exit status into 1 with a sentence on standard
/// error. And a file grown past `ulimit -f` gives `EFBIG`, handled as any failed
/// write, instead of SIGXFSZ killing the program without a word.
enum CheckedExit {
    /// Installed once, first thing in `main`.
    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        atexit {
            // The C library's own stream, read once the program is ending.
            let out = stdout
            guard fflush(out) != 0 || ferror(out) != 0 else { return }
            let problem = FileIO.errnoText(errno == 0 ? EIO : errno)
            FileIO.write(CLIMessage.outputLost(problem).text(CheckedExit.language) + "\n", to: 2)
            _exit(1)
        }
    }

    /// The language asked on the command line: read again at exit, since a C
    /// exit handler captures nothing.
    static var language: Language {
        let arguments = CommandLine.arguments
        guard let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count else { return .fr }
        return Language(rawValue: arguments[i + 1]) ?? .fr
    }

    /// The end of a command whose output went through `StandardOutput`.
    static func check(_ output: StandardOutput, _ language: Language) throws {
        guard let failure = output.failure else { return }
        FileIO.write(CLIMessage.outputLost(failure).text(language) + "\n", to: 2)
        throw ExitCode(1)
    }
}
