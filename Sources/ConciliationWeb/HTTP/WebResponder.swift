import DialogueKit
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import WallClock

/// The page on the network: the home page and the pages of an interview (`?step=`),
/// the one address every form posts to, the style sheets, a health check for
/// load balancers; the security headers on every answer, a page for every error. Four addresses, told apart by a switch:
/// Hummingbird's router and the two middlewares it ran around each answer did
/// nothing more, and cost more (interleaved A/B, wrk, one core: 1.13× and 1.17×
/// requests a second on the result page without them).
public struct WebResponder: HTTPResponder {
    public typealias Context = BasicRequestContext
    let site: WebSite
    /// The page is reached over HTTPS through a proxy (`--https`): every request
    /// is taken as such, whatever `X-Forwarded-Proto` says.
    let https: Bool

    /// Where each answer is counted; nil without `--metrics-port`.
    let metrics: PageMetrics?

    public init(site: WebSite, https: Bool = false, metrics: PageMetrics? = nil) {
        self.site = site
        self.https = https
        self.metrics = metrics
    }

    /// An answer, with what it is for the metrics.
    struct Served {
        var response: Response
        var kind: PageKind
        var refusal: RefusalKind? = nil
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        var served: Served
        do {
            served = try await route(request)
        } catch {
            served = ProblemPages.page(for: error, request: request, site: site, logger: context.logger)
        }
        SecurityHeaders.add(to: &served.response)
        if let metrics {
            let took = ContinuousClock.now - start
            metrics.record(
                served.kind, status: Int(served.response.status.code),
                nanoseconds: took.components.seconds * 1_000_000_000 + took.components.attoseconds / 1_000_000_000,
                refusal: served.refusal)
        }
        return served.response
    }

    private func route(_ request: Request) async throws -> Served {
        // HTTP/1.1 requires Host (RFC 9112, 3.2); only a load balancer's health
        // check may go without.
        if request.head.authority == nil && request.uri.path != "/health" {
            return ProblemPages.page(.badRequest, request: request, site: site)
        }
        switch (request.uri.path, request.method) {
        case ("/", .get): return home(request)
        case ("/", .post): return try await post(request)
        case ("/", .head): return Served(response: Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"]), kind: .home)
        case ("/assets/style.css", .get): return Self.asset(PackageResources.style_css)
        case ("/assets/print.css", .get): return Self.asset(PackageResources.print_css)
        case ("/assets/style.css", .head): return Self.asset(PackageResources.style_css, head: true)
        case ("/assets/print.css", .head): return Self.asset(PackageResources.print_css, head: true)
        case ("/health", .get):
            let ok = Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
            return Served(response: ok, kind: .health)
        case ("/health", .head): return Served(response: Response(status: .ok, headers: [.contentType: "text/plain"]), kind: .health)
        case ("/", _): return refused(request, allowing: "GET, HEAD, POST")
        case ("/assets/style.css", _), ("/assets/print.css", _): return refused(request, allowing: "GET, HEAD")
        case ("/health", _): return refused(request, allowing: "GET, HEAD")
        default: throw HTTPError(.notFound)
        }
    }

    /// A method this address does not take: 405, with the methods it takes.
    private func refused(_ request: Request, allowing methods: String) -> Served {
        var served = ProblemPages.page(.methodNotAllowed, request: request, site: site)
        served.response.headers[.allow] = methods
        return served
    }

    private func home(_ request: Request) -> Served {
        let headers = RequestHeaders(request.headers)
        let language = Self.language(request, headers)
        var existing: String?
        let secure = isSecure(headers)
        if let cookie = CSRFGuard.token(inCookies: headers.cookies, secure: secure), CSRFGuard.isWellFormed(cookie) { existing = cookie }
        // A step of an interview under way; without its session (a browser
        // reopened), the home page.
        let query = request.uri.queryParameters
        if let existing, query["step"] != nil || query["page"] != nil,
            let session = CookieHeader.value(named: SessionCookie.name(secure: secure), in: headers.cookies)
        {
            let get = WebSite.Get(
                step: query["step"].map(String.init), page: query["page"].map(String.init), session: session, cookie: existing,
                acceptLanguage: headers.acceptLanguage)
            return Self.response(site.page(get))
        }
        let token = existing ?? CSRFGuard.newToken()
        var page = Self.response(site.home(language: language, token: token))
        if existing == nil { page.response.headers[.setCookie] = CSRFGuard.cookie(token, secure: secure) }
        return page
    }

    private func post(_ request: Request) async throws -> Served {
        let headers = RequestHeaders(request.headers)
        let language = LanguageChoice.choose(named: nil, acceptLanguage: headers.acceptLanguage)
        guard headers.contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return Self.response(site.problem(415, .unreadable, language))
        }
        if let length = headers.contentLength.flatMap({ Int($0) }), length > WebSite.maximumBody {
            return Self.response(site.problem(413, .tooLarge(kibibytes: WebSite.maximumBody / 1024), language))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: WebSite.maximumBody)
        } catch let error as any HTTPResponseError {
            throw error  // a body past the limit: 413, by its page
        } catch {
            // A body shorter than its length, an unknown transfer coding, an absurd
            // chunk size: the client's request is malformed, not the server.
            return Self.response(site.problem(400, .unreadable, language))
        }
        let secure = isSecure(headers)
        let post = WebSite.Post(
            body: Array(buffer: body), cookie: CSRFGuard.token(inCookies: headers.cookies, secure: secure),
            session: CookieHeader.value(named: SessionCookie.name(secure: secure), in: headers.cookies), secure: secure,
            fetchSite: headers.secFetchSite, acceptLanguage: headers.acceptLanguage, unixTime: Timestamp.unixNow())
        return Self.response(site.answer(post))
    }

    static func response(_ reply: WebSite.Reply) -> Served {
        var headers: HTTPFields = [.contentType: reply.contentType]
        if let name = reply.attachment {
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            headers[.cacheControl] = "no-store"
        }
        if let location = reply.location { headers[.location] = location }
        if let cookie = reply.setCookie { headers[.setCookie] = cookie }
        let response = Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        return Served(response: response, kind: reply.kind, refusal: reply.refusal)
    }

    /// The language the address names (`?lang=en`), else the browser's.
    static func language(_ request: Request, _ headers: RequestHeaders) -> Language {
        LanguageChoice.choose(named: request.uri.queryParameters["lang"].map(String.init), acceptLanguage: headers.acceptLanguage)
    }

    /// Whether the browser reached the page over HTTPS: declared by the operator
    /// (`--https`), or said by the proxy (`X-Forwarded-Proto`). The cookie is
    /// then `Secure` and `__Host-`.
    private func isSecure(_ headers: RequestHeaders) -> Bool {
        https || headers.forwardedProto?.lowercased() == "https"
    }

    /// A style sheet; for HEAD, its headers and length without the body.
    private static func asset(_ bytes: [UInt8], head: Bool = false) -> Served {
        var headers: HTTPFields = [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"]
        guard !head else {
            headers[.contentLength] = String(bytes.count)
            return Served(response: Response(status: .ok, headers: headers), kind: .asset)
        }
        return Served(response: Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes))), kind: .asset)
    }
}
