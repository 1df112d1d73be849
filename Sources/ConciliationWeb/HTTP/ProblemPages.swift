import DialogueKit
import HTTPTypes
import Hummingbird

/// Every error becomes a page that says what to do, in the browser's language:
/// an unknown address, a method this site does not take, a form too large, and
/// anything unexpected. Never a stack trace, never a part of the request.
struct ProblemPages<Context: RequestContext>: RouterMiddleware {
    let site: WebSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let language = language(request)
            switch error.status {
            case .notFound: return WebRoutes.response(site.problem(404, .notFound, language, path: request.uri.path))
            case .methodNotAllowed: return WebRoutes.response(site.problem(405, .methodNotAllowed, language, path: request.uri.path))
            case .contentTooLarge: return WebRoutes.response(site.problem(413, .tooLarge(kibibytes: WebSite.maximumBody / 1024), language))
            case let status where status.code < 500: return WebRoutes.response(site.problem(status.code, .unreadable, language))
            default:
                context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
                return WebRoutes.response(site.problem(500, .unexpected, language))
            }
        } catch {
            let language = language(request)
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return WebRoutes.response(site.problem(500, .unexpected, language))
        }
    }

    /// The page's language, read only when a page of problems is made.
    private func language(_ request: Request) -> Language {
        LanguageChoice.choose(named: request.uri.queryParameters["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
    }
}
