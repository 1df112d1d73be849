import DialogueKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Starts the page on an address and serves until SIGINT or SIGTERM.
///
/// A stop is graceful, as swift-service-lifecycle runs it: the server stops
/// accepting connections, answers every request it has begun to read, closes
/// idle connections, and exits; past `stopTime` what is left is cancelled, so
/// that a restart under a load balancer never waits on a client that stalls.
public enum WebServer {
    /// The most a graceful stop takes before what is left is cut.
    public static let stopTime: Duration = .seconds(10)

    /// `announce` receives the address the server listens on once it does (the
    /// port chosen by the system when 0 was asked).
    ///
    /// `requestReadingTime` is the most a whole request may take to arrive,
    /// headers and body: a form is a few KiB, sent in a fraction of a second even
    /// on a poor mobile line.
    ///
    /// `metricsPort`: where Prometheus reads the metrics, on loopback only
    /// (`announceMetrics` receives that address); nil for none.
    public static func run(
        site: WebSite, host: String, port: Int, requestReadingTime: TimeAmount = .seconds(30), https: Bool = false,
        metricsPort: Int? = nil, startedAt: Int = 0, announce: @escaping @Sendable (String) -> Void,
        announceMetrics: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        let budget = LogBudget()
        let logger = Logger(label: "conciliation-serve") { ServerLog(label: $0, budget: budget) }
        // Headers bounded like forms (a browser's are a few KiB); a connection idle for
        // 30 s is closed, so that slow clients cannot hold connections open.
        let limits = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: EventLoops.count())
        let metrics = metricsPort.map { _ in PageMetrics(dialogue: site.dialogue, startedAt: startedAt) }
        let app = Application(
            responder: WebResponder(site: site, https: https, metrics: metrics),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestReadingLimit(limit: requestReadingTime, maximumBody: WebSite.maximumBody)],
                    idleTimeout: .seconds(30),
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
        var services: [any Service] = [app]
        if let metrics, let metricsPort {
            services.append(
                Application(
                    responder: MetricsResponder(metrics: metrics),
                    configuration: .init(address: .hostname("127.0.0.1", port: metricsPort), serverName: nil),
                    onServerRunning: { channel in announceMetrics("http://127.0.0.1:\(channel.localAddress?.port ?? metricsPort)/metrics")
                    },
                    eventLoopGroupProvider: .shared(loops),
                    logger: logger
                ))
        }
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = stopTime
        group.maximumCancellationDuration = .seconds(2)
        do {
            try await ServiceGroup(configuration: group).run()
        } catch let error as IOError {
            try? await loops.shutdownGracefully()
            throw ListenError(host: host, port: port, code: error.errnoCode)
        } catch {
            try? await loops.shutdownGracefully()
            throw error
        }
        try await loops.shutdownGracefully()
    }
}

/// Why the page could not listen, in one sentence in both languages, like the
/// line that says where it listens.
public struct ListenError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let code: Int32

    public var description: String {
        switch code {
        case EADDRINUSE:
            return
                "le port \(port) est déjà utilisé sur \(host) : choisissez-en un autre avec --port, ou arrêtez le programme qui l'occupe / port \(port) is already in use on \(host): choose another with --port, or stop the program using it"
        case EACCES:
            return
                "le port \(port) est réservé à l'administrateur : choisissez un port à partir de 1024 / port \(port) needs administrator rights: choose a port from 1024"
        case EADDRNOTAVAIL:
            return
                "l'adresse \(host) n'est pas celle de cette machine : donnez --host 127.0.0.1, ou l'adresse d'une de ses interfaces / \(host) is not an address of this machine: give --host 127.0.0.1, or one of its interfaces"
        default:
            return "impossible d'écouter sur \(host):\(port) (\(String(cString: strerror(code)))) / cannot listen on \(host):\(port)"
        }
    }
}
