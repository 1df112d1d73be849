import ArgumentParser
import ConciliationWeb
import DialogueKit
import Files
import Foundation
import ServeOptions
import WallClock

/// `conciliation-serve`: the interview as a web page. `conciliation serve` hands
/// over to it, so that the terminal program links no HTTP server. `main.swift`
/// parses the command line with it, then calls `serve()`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conciliation-serve",
        abstract: "Serve the interview as an accessible web page (French first, English with ?lang=en).",
        discussion: """
            No answer is kept on the server: the browser's session cookie carries them \
            (in its memory, forgotten when it closes), and the summary and the letter are \
            made when downloaded. Stop with Ctrl-C.
            """)

    @OptionGroup var options: ServeOptions

    func serve() async throws {
        let today: CivilDate?
        if let text = options.today {
            guard let date = CivilDate(iso: text), CivilDate.supported.contains(date) else {
                throw ValidationError("--today takes a date as YYYY-MM-DD, from 1900-01-01 to 9998-12-31; got “\(text)”.")
            }
            today = date
        } else {
            today = nil
        }
        guard (0...65_535).contains(options.port) else {
            throw ValidationError("--port takes a number from 0 to 65535; got \(options.port).")
        }
        if let metricsPort = options.metricsPort {
            guard (0...65_535).contains(metricsPort), metricsPort != options.port || metricsPort == 0 else {
                throw ValidationError("--metrics-port takes a number from 0 to 65535, not the page's own port; got \(metricsPort).")
            }
        }
        guard (1...300).contains(options.requestTime) else {
            throw ValidationError("--request-time takes a number of seconds from 1 to 300; got \(options.requestTime).")
        }
        if !["127.0.0.1", "::1", "localhost"].contains(options.host) {
            FileHandle.standardError.write(
                Data(
                    "conciliation-serve: attention, --host \(options.host) ouvre la page à d'autres machines que celle-ci, en HTTP sans chiffrement : faites-le seulement derrière un proxy inverse en HTTPS (voir README) / warning: --host \(options.host) opens the page to other machines, in plain HTTP: do so only behind an HTTPS reverse proxy (see README)\n"
                        .utf8))
        }
        let site = try WebSite(dialogue: try dialogue(), today: today)
        try await WebServer.run(
            site: site, host: options.host, port: options.port, requestReadingTime: .seconds(Int64(options.requestTime)),
            https: options.https, metricsPort: options.metricsPort, startedAt: Timestamp.unixNow(),
            announce: { address in
                FileHandle.standardError.write(
                    Data("conciliation-serve: page ouverte sur / serving on \(address) — Ctrl-C pour arrêter / to stop\n".utf8))
            },
            announceMetrics: { address in
                FileHandle.standardError.write(Data("conciliation-serve: mesures pour Prometheus / metrics on \(address)\n".utf8))
            })
    }

    /// `--dialogue FILE` when given, else the rules built in: read as the terminal
    /// program reads them, within the same bounds.
    private func dialogue() throws -> Dialogue {
        do {
            guard let path = options.dialogue else {
                return try DialogueSource.shipped(named: "conciliation.yaml", outcomesWhenRead: false)
            }
            return try DialogueSource.load(file: path)
        } catch {
            switch error {
            case .unreadable(let problem):
                throw ValidationError(
                    "lecture impossible du dialogue \(problem.text(.fr)) / cannot read the dialogue \(problem.text(.en))")
            case .invalid(let problems):
                FileHandle.standardError.write(Data("\(problems)\n".utf8))
                throw ExitCode(1)
            case .notShipped(let name, _):
                throw ValidationError("no built-in rules named \(name)")
            }
        }
    }
}
