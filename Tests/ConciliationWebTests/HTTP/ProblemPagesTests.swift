import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

@testable import ConciliationWeb

@Suite("Problem pages")
struct ProblemPagesTests {
    @Test("An error becomes a page with its status; one not expected is logged by its type alone")
    func problemPages() throws {
        struct Unforeseen: Error { let answer = "2026-10-01" }
        let site = try WebSite(dialogue: try shipped(), today: testToday)
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "conciliation-serve") { ServerLog(label: $0) { line in lines.withLock { $0.append(line) } } }
        func request(_ path: String, language: String? = nil) -> Request {
            var head = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path)
            if let language { head.headerFields[.acceptLanguage] = language }
            return Request(head: head, body: .init(buffer: ByteBuffer()))
        }
        let unexpected = ProblemPages.page(for: Unforeseen(), request: request("/", language: "en"), site: site, logger: logger)
        #expect(unexpected.response.status == .internalServerError && unexpected.kind == .problem && unexpected.refusal == .unexpected)
        let logged = lines.withLock { $0 }
        #expect(logged.count == 1 && logged[0].hasSuffix("error: request failed error=Unforeseen"), "\(logged)")
        #expect(!logged.joined().contains("2026-10-01"), "no part of the request or the error's values is logged")
        #expect(
            ProblemPages.page(for: HTTPError(.contentTooLarge), request: request("/"), site: site, logger: logger).response.status
                == .contentTooLarge)
        #expect(ProblemPages.page(for: HTTPError(.notFound), request: request("/x"), site: site, logger: logger).refusal == .notFound)
        #expect(
            ProblemPages.page(for: HTTPError(.badRequest), request: request("/"), site: site, logger: logger).response.status == .badRequest
        )
        #expect(lines.withLock { $0.count } == 1, "an error this site expects is not logged")
    }
}
