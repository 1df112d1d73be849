import DialogueKit
import HTTPTypes
import Hummingbird
import NIOCore

/// The page on the network: the home page, the one address every form posts
/// to, the style sheets, a health check for load balancers; the security headers
/// on every answer, a page for every error.
public enum WebRoutes {
    public static func router(_ site: WebSite) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ProblemPages(site: site))
        router.get("/") { request, _ in home(site, request) }
        router.post("/") { request, _ in try await post(site, request) }
        router.get("/assets/style.css") { _, _ in asset(PackageResources.style_css) }
        router.get("/assets/print.css") { _, _ in asset(PackageResources.print_css) }
        router.head("/") { _, _ in Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"]) }
        router.head("/health") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"]) }
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        return router
    }

    private static func home(_ site: WebSite, _ request: Request) -> Response {
        let language = LanguageChoice.choose(
            named: request.uri.queryParameters["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
        var existing: String?
        if let cookie = CSRFGuard.token(inCookies: request.headers[values: .cookie]), CSRFGuard.isWellFormed(cookie) { existing = cookie }
        let token = existing ?? CSRFGuard.newToken()
        var page = response(site.home(language: language, token: token))
        if existing == nil { page.headers[.setCookie] = CSRFGuard.cookie(token, secure: isSecure(request)) }
        return page
    }

    private static func post(_ site: WebSite, _ request: Request) async throws -> Response {
        let language = LanguageChoice.choose(named: nil, acceptLanguage: request.headers[.acceptLanguage])
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return response(site.problem(415, .unreadable, language))
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > WebSite.maximumBody {
            return response(site.problem(413, .tooLarge(kibibytes: WebSite.maximumBody / 1024), language))
        }
        let body = try await request.body.collect(upTo: WebSite.maximumBody)
        let post = WebSite.Post(
            body: Array(buffer: body), cookie: CSRFGuard.token(inCookies: request.headers[values: .cookie]),
            fetchSite: request.headers[.secFetchSite], acceptLanguage: request.headers[.acceptLanguage],
            now: Timestamp.now())
        return response(site.answer(post))
    }

    static func response(_ reply: WebSite.Reply) -> Response {
        var headers: HTTPFields = [.contentType: reply.contentType]
        if let name = reply.attachment {
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            headers[.cacheControl] = "no-store"
        }
        return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// Whether the browser reached the page over HTTPS through a proxy that says
    /// so (`X-Forwarded-Proto`): the cookie is then `Secure`.
    private static func isSecure(_ request: Request) -> Bool {
        request.headers[.xForwardedProto]?.lowercased() == "https"
    }

    private static func asset(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
