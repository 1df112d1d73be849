import DialogueKit
import Testing

@testable import ConciliationWeb

@Suite("The server's metrics")
struct PageMetricsTests {
    @Test("Every series is there from the start at zero; an answer counts by page, status and refusal; an odd status is 'other'")
    func closedLists() throws {
        let dialogue = try shipped()
        let metrics = PageMetrics(dialogue: dialogue, startedAt: 1_764_000_000)
        var text: String { String(decoding: metrics.exposition(), as: UTF8.self) }
        #expect(text.contains(#"conciliation_requests_total{page="result",status="200"} 0"#))
        #expect(text.contains(#"conciliation_refusals_total{kind="forged"} 0"#))
        #expect(text.contains(#"conciliation_rules_info{dialogue="\#(dialogue.id)",version="\#(dialogue.version)"} 1"#))
        #expect(text.contains("process_start_time_seconds 1764000000"))
        metrics.record(.result, status: 200, nanoseconds: 300_000, refusal: nil)
        metrics.record(.question, status: 422, nanoseconds: 2_000_000, refusal: .answer)
        metrics.record(.problem, status: 418, nanoseconds: 1_000, refusal: nil)
        #expect(text.contains(#"conciliation_requests_total{page="result",status="200"} 1"#))
        #expect(text.contains(#"conciliation_requests_total{page="question",status="422"} 1"#))
        #expect(text.contains(#"conciliation_refusals_total{kind="answer"} 1"#))
        #expect(text.contains(#"conciliation_requests_total{page="problem",status="other"} 1"#))
        // The latency: a result made in 0.3 ms is in the first bucket, a 2 ms answer is not.
        #expect(text.contains(#"conciliation_request_duration_seconds_bucket{page="result",le="0.0005"} 1"#))
        #expect(text.contains(#"conciliation_request_duration_seconds_bucket{page="question",le="0.0005"} 0"#))
    }
}
