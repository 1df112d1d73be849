import DialogueKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// Starts the page on an address and serves until SIGINT or SIGTERM.
public enum WebServer {
    /// `announce` receives the address the server listens on once it does (the
    /// port chosen by the system when 0 was asked).
    ///
    /// `requestReadingTime` is the most a whole request may take to arrive,
    /// headers and body: a form is a few KiB, sent in a fraction of a second even
    /// on a poor mobile line.
    public static func run(
        site: WebSite, host: String, port: Int, requestReadingTime: TimeAmount = .seconds(30),
        announce: @escaping @Sendable (String) -> Void
    ) async throws {
        let budget = LogBudget()
        let logger = Logger(label: "conciliation-serve") { ServerLog(label: $0, budget: budget) }
        // Headers bounded like forms (a browser's are a few KiB); a connection idle for
        // 30 s is closed, so that slow clients cannot hold connections open.
        let limits = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: EventLoops.count())
        let app = Application(
            responder: WebResponder(site: site),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestReadingLimit(limit: requestReadingTime)], idleTimeout: .seconds(30),
                    httpDecoderConfiguration: limits)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                announce("http://\(shown):\(bound)/")
            },
            eventLoopGroupProvider: .shared(loops),
            logger: logger
        )
        do {
            try await app.runService()
        } catch {
            try? await loops.shutdownGracefully()
            throw error
        }
        try await loops.shutdownGracefully()
    }
}
