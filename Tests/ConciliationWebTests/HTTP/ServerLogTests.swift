import Foundation
import Logging
import Synchronization
import Testing

@testable import ConciliationWeb

@Suite("The server's log")
struct ServerLogTests {
    @Test("The server's log writes warnings and errors with their metadata, and nothing below")
    func serverLog() {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "conciliation-serve") { ServerLog(label: $0) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "hb.request.id"] = "7"
        logger.info("not shown")
        logger.debug("not shown either")
        logger.error("request failed", metadata: ["error": "DecodingError", "hb.request.id": "8"])
        logger[metadataKey: "hb.request.id"] = nil
        logger.warning("slow")
        let written = lines.withLock { $0 }
        #expect(written.count == 2, "\(written)")
        #expect(
            written.first?.hasSuffix(" conciliation-serve error: request failed error=DecodingError hb.request.id=8") == true, "\(written)")
        #expect(written.last?.hasSuffix(" conciliation-serve warning: slow") == true, "\(written)")
        #expect(written.first.flatMap { ISO8601DateFormatter().date(from: String($0.prefix { $0 != " " })) } != nil, "\(written)")
    }
}
