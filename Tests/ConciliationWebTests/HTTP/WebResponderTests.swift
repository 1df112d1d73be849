import DialogueKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConciliationWeb

/// The page's HTTP answers, in process: `WebResponder` behind Hummingbird's
/// `Application`, requests written to it by HummingbirdTesting. The Python suite
/// (`Tests/web/test_http.py`) runs the real binary for what needs the network: the
/// reading bounds, slow clients, signals, the listening address.
@Suite("The page over HTTP, in process")
struct WebResponderTests {
    private func application(metrics: PageMetrics? = nil) throws -> some ApplicationProtocol {
        let site = try WebSite(dialogue: try shipped(), today: testToday)
        return Application(responder: WebResponder(site: site, metrics: metrics))
    }

    @Test("The home page sets the form's token, private, and every answer carries the security headers")
    func home() async throws {
        try await application().test(.router) { client in
            var browser = PageClient(client)
            let response = try await browser.request(.get)
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.policy)
            #expect(response.headers[.xFrameOptions] == "DENY" && response.headers[.cacheControl] == "no-store")
            #expect(!browser.page.contains("<script"))
        }
    }

    @Test("A whole interview: each post answers 303 to an address without answers; the result names the CRA and its date")
    func wholeInterview() async throws {
        try await application().test(.router) { client in
            var browser = PageClient(client)
            try await browser.request(.get)
            try await browser.press("start")
            for (step, answer) in craPath.enumerated() {
                let redirect = try await browser.press("next", [("answer", answer)], follow: false)
                #expect(redirect.status == .seeOther)
                let location = try #require(redirect.headers[.location])
                #expect(location == "?step=\(step + 1)", "the address names the step, never an answer")
                let page = try await browser.request(.get, "/" + location)
                #expect(page.status == .ok)
            }
            #expect(browser.page.contains("commission de recours amiable"))
            #expect(browser.page.contains("mardi 1er décembre 2026"), "the date to meet, in words")
            // The session travels in a cookie the page cannot read, and the page keeps nothing.
            #expect(browser.cookies.contains { $0.name == SessionCookie.name(secure: false) })
        }
    }

    @Test("A post without the form's token, or from another site, is refused and nothing in it is used")
    func forgedPost() async throws {
        try await application().test(.router) { client in
            var browser = PageClient(client)
            try await browser.request(.get)
            try await browser.press("start")
            let session = browser.cookies.first { $0.name == SessionCookie.name(secure: false) }?.value
            var forged = browser
            forged.cookies.removeAll { $0.name != SessionCookie.name(secure: false) }
            let refused = try await forged.press("next", [("answer", "decision-admin")])
            #expect(refused.status == .forbidden)
            let crossSite = try await browser.request(
                .post, form: browser.hidden + [("do", "next"), ("answer", "decision-admin")], headers: [.secFetchSite: "cross-site"])
            #expect(crossSite.status == .forbidden)
            #expect(browser.cookies.first { $0.name == SessionCookie.name(secure: false) }?.value == session, "no answer was kept")
        }
    }

    @Test("Four addresses: any other is a page saying so; a method not served names the ones that are")
    func addressesAndMethods() async throws {
        try await application().test(.router) { client in
            var browser = PageClient(client)
            let missing = try await browser.request(.get, "/nowhere")
            #expect(missing.status == .notFound && browser.page.contains("<main"))
            let delete = try await browser.request(.delete)
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET, HEAD, POST")
            let health = try await browser.request(.get, "/health")
            #expect(health.status == .ok && String(buffer: health.body) == "ok\n")
            let style = try await browser.request(.get, "/assets/style.css")
            #expect(style.status == .ok && style.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(style.headers[.cacheControl] != "no-store", "only the style sheets may be cached")
            let post = try await browser.request(.put, "/health")
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD")
        }
    }

    @Test("The metrics count each answer by page and status, and each refusal by kind")
    func metricsCount() async throws {
        let metrics = PageMetrics(dialogue: try shipped(), startedAt: 0)
        try await application(metrics: metrics).test(.router) { client in
            var browser = PageClient(client)
            try await browser.request(.get)
            try await browser.press("start")
            var forged = browser
            forged.cookies.removeAll()
            try await forged.press("next", [("answer", "decision-admin")])
            try await browser.request(.get, "/nowhere")
        }
        let exposition = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(exposition.contains(#"conciliation_requests_total{page="home",status="200"} 1"#))
        #expect(exposition.contains(#"conciliation_requests_total{page="redirect",status="303"} 1"#))
        #expect(exposition.contains(#"conciliation_requests_total{page="problem",status="403"} 1"#))
        #expect(exposition.contains(#"conciliation_requests_total{page="problem",status="404"} 1"#))
        #expect(exposition.contains(#"conciliation_refusals_total{kind="forged"} 1"#))
    }
}
