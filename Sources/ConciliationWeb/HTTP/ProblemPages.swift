import DialogueKit
import HTTPTypes
import Hummingbird
import Logging

/// Every error becomes a page that says what to do, in the browser's language:
/// an unknown address, a method this site does not take, a form too large, and
/// anything unexpected. Never a stack trace, never a part of the request.
enum ProblemPages {
    /// The page for an error thrown while answering; one this site does not
    /// expect is logged by its type alone.
    static func page(for error: any Error, request: Request, site: WebSite, logger: Logger) -> WebResponder.Served {
        guard let error = error as? any HTTPResponseError, error.status.code < 500 else {
            logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return page(.internalServerError, request: request, site: site)
        }
        return page(error.status, request: request, site: site)
    }

    static func page(_ status: HTTPResponse.Status, request: Request, site: WebSite) -> WebResponder.Served {
        let language = WebResponder.language(request, RequestHeaders(request.headers))
        let reply: WebSite.Reply
        switch status {
        case .notFound: reply = site.problem(404, .notFound, language, path: request.uri.path)
        case .methodNotAllowed: reply = site.problem(405, .methodNotAllowed, language, path: request.uri.path)
        case .contentTooLarge: reply = site.problem(413, .tooLarge(kibibytes: WebSite.maximumBody / 1024), language)
        case let status where status.code < 500: reply = site.problem(status.code, .unreadable, language)
        default: reply = site.problem(500, .unexpected, language)
        }
        return WebResponder.response(reply)
    }
}
