import DialogueKit
import Hummingbird
import Logging

/// Starts the page on an address and serves until SIGINT or SIGTERM.
public enum WebServer {
    /// `announce` receives the address the server listens on once it does (the
    /// port chosen by the system when 0 was asked).
    public static func run(site: WebSite, host: String, port: Int, announce: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "conciliation-serve")
        logger.logLevel = .warning
        let app = Application(
            router: WebRoutes.router(site),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                announce("http://\(shown):\(bound)/")
            },
            logger: logger
        )
        try await app.runService()
    }
}
