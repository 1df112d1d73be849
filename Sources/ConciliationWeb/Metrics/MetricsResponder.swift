import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /metrics` for Prometheus, on the loopback port of its own
/// (`--metrics-port`); anything else there is a 404. Never on the page's port.
struct MetricsResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let metrics: PageMetrics

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.uri.path == "/metrics", request.method == .get else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "not found\n")))
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
}
