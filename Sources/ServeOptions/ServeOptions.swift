import ArgumentParser

/// The options of `conciliation serve`, read by the terminal program (which hands
/// over) and by `conciliation-serve` (which serves): one definition, one help text.
public struct ServeOptions: ParsableArguments, Sendable {
    @Option(help: "The address to listen on. Loopback by default; another address only behind a reverse proxy.")
    public var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on (0: any free port, printed at start).")
    public var port = 8080

    @Option(help: ArgumentHelp("A dialogue file (rule set) to use instead of the rules built into the program.", valueName: "FILE"))
    public var dialogue: String?

    @Option(
        help: ArgumentHelp(
            "The day to count from, as YYYY-MM-DD (tests, training); default: today in Europe/Paris at each request.",
            valueName: "YYYY-MM-DD"))
    public var today: String?

    @Option(
        name: .customLong("request-time"),
        help: ArgumentHelp(
            "The most seconds a whole request (headers and body) may take to arrive, 1 to 300; a slower one is closed.",
            valueName: "SECONDS"))
    public var requestTime = 30

    @Option(
        name: .customLong("metrics-port"),
        help: ArgumentHelp(
            "Serve the metrics for Prometheus at http://127.0.0.1:PORT/metrics (loopback only, never on the page's port).",
            valueName: "PORT"))
    public var metricsPort: Int?

    @Flag(
        help: """
            The page is reached over HTTPS through a reverse proxy: every request is taken as such (Secure, \
            __Host- cookie), whatever X-Forwarded-Proto says.
            """)
    public var https = false

    public init() {}

    /// The arguments that give these options again, to hand them over.
    public var arguments: [String] {
        var given = ["--host", host, "--port", String(port), "--request-time", String(requestTime)]
        if https { given.append("--https") }
        if let dialogue { given += ["--dialogue", dialogue] }
        if let today { given += ["--today", today] }
        if let metricsPort { given += ["--metrics-port", String(metricsPort)] }
        return given
    }
}
