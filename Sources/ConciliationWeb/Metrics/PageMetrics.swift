import CoreMetrics
import DialogueKit
import Prometheus

/// The server's metrics, for the operators' Prometheus: requests by page and
/// status, a latency histogram per page, refusals by kind, the instance's start
/// time and the rules it serves. Made with swift-metrics on a Prometheus
/// registry of its own (no global bootstrap); every label comes from a closed
/// list (`PageKind`, `RefusalKind`, the status codes the server sends), never
/// from a request, so no answer and no personal data can reach them, and their
/// number is bounded. Read at `/metrics` on a loopback port of their own
/// (`--metrics-port`), never on the page's.
///
/// Every series is made at start, from those closed lists, and a request finds
/// its own by position: it hashes no label and takes no registry lock (and each
/// series is shown from the start, at zero, as Prometheus advises).
public struct PageMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    /// The status codes the server sends; any other is counted as "other", last.
    private static let statuses = [200, 204, 303, 400, 403, 404, 405, 413, 415, 422, 500, 503]
    /// By page (`PageKind.allCases`' order), then status (`statuses`, then "other").
    private let requests: [[CoreMetrics.Counter]]
    /// By page.
    private let durations: [CoreMetrics.Timer]
    /// By kind (`RefusalKind.allCases`' order).
    private let refusals: [CoreMetrics.Counter]

    public init(dialogue: Dialogue, startedAt unixTime: Int) {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // A page is made in well under a millisecond; a slow client or a loaded
        // machine shows in the upper buckets.
        factory.defaultDurationHistogramBuckets =
            [.microseconds(500)] + [1, 2, 5, 10, 25, 50, 100, 250, 1_000].map { Duration.milliseconds($0) }
        requests = PageKind.allCases.map { page in
            (PageMetrics.statuses.map(String.init) + ["other"]).map { code in
                Counter(label: "conciliation_requests_total", dimensions: [("page", page.rawValue), ("status", code)], factory: factory)
            }
        }
        durations = PageKind.allCases.map { page in
            Timer(
                label: "conciliation_request_duration_seconds", dimensions: [("page", page.rawValue)], preferredDisplayUnit: .seconds,
                factory: factory)
        }
        refusals = RefusalKind.allCases.map {
            Counter(label: "conciliation_refusals_total", dimensions: [("kind", $0.rawValue)], factory: factory)
        }
        Gauge(label: "process_start_time_seconds", factory: factory).record(unixTime)
        Gauge(label: "conciliation_rules_info", dimensions: [("dialogue", dialogue.id), ("version", dialogue.version)], factory: factory)
            .record(1)
    }

    /// One answer sent: its page, its status, how long it took, and why it was refused.
    public func record(_ page: PageKind, status: Int, nanoseconds: Int64, refusal: RefusalKind?) {
        let p = PageKind.allCases.firstIndex(of: page)!
        requests[p][PageMetrics.statuses.firstIndex(of: status) ?? PageMetrics.statuses.count].increment()
        durations[p].recordNanoseconds(nanoseconds)
        if let refusal { refusals[RefusalKind.allCases.firstIndex(of: refusal)!].increment() }
    }

    /// The text Prometheus reads.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
