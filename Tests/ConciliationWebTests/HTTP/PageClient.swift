import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Just enough of a browser over HummingbirdTesting's in-process client: its
/// cookies (the form token and the session), the page's hidden fields, posts,
/// and the redirect (303) each post answers with.
struct PageClient {
    let client: any TestClientProtocol
    var cookies: [(name: String, value: String)] = []
    var page = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    /// One request; a 303 is followed with a GET, as a browser does.
    @discardableResult
    mutating func request(
        _ method: HTTPRequest.Method, _ uri: String = "/", form: [(String, String)]? = nil, headers extra: HTTPFields = [:],
        follow: Bool = true
    ) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { Self.encoded($0.0) + "=" + Self.encoded($0.1) }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for set in response.headers[values: .setCookie] {
            let pair = set.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            cookies.removeAll { $0.name == pair[0] }
            cookies.append((pair[0], pair.count > 1 ? pair[1] : ""))
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true { page = String(buffer: response.body) }
        if response.status == .seeOther, follow, let location = response.headers[.location] {
            return try await request(.get, "/" + location, headers: extra)
        }
        return response
    }

    /// The page's hidden fields, as its forms send them.
    var hidden: [(String, String)] {
        page.matches(of: /<input type="hidden" name="([^"]+)" value="([^"]*)">/).map {
            (Self.unescaped(String($0.1)), Self.unescaped(String($0.2)))
        }
    }

    /// A button of the page's form pressed, with `fields`.
    @discardableResult
    mutating func press(_ button: String, _ fields: [(String, String)] = [], follow: Bool = true) async throws -> TestResponse {
        try await request(.post, form: hidden + [("do", button)] + fields, follow: follow)
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
