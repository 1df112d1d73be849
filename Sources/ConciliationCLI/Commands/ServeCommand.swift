import ArgumentParser
import ServeOptions

#if canImport(Glibc)
    import Glibc
#endif

/// `conciliation serve`: the interview as a web page. The HTTP server lives in
/// `conciliation-serve`, installed next to this program, and this command hands
/// over to it, so that the terminal program links no server and starts as fast.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: HelpLanguage.text(
            "Proposer l'entretien comme page web accessible (lance conciliation-serve, installé à côté de ce programme).",
            "Serve the interview as an accessible web page (runs conciliation-serve, installed next to this program)."))

    @OptionGroup var options: ServeOptions

    func run() throws {
        let server = ServeCommand.serverPath()
        var arguments = ([server] + options.arguments).map { strdup($0) }
        arguments.append(nil)
        execv(server, arguments)
        let reason = String(cString: strerror(errno))
        throw ValidationError(
            "cannot start \(server) (\(reason)). Build it with `swift build -c release --product conciliation-serve`, or install both programs with scripts/install."
        )
    }

    /// `conciliation-serve` in the folder of the running program.
    static func serverPath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "conciliation-serve" }
        let own = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(own[..<(own.lastIndex(of: "/") ?? own.startIndex)]) + "/conciliation-serve"
    }
}
