import HTTPTypes

/// The request headers the page reads, gathered in one pass over them.
/// `HTTPFields`' subscript makes a pass of its own and joins the values through
/// generic code that is not specialised here: the six a post read were nearly
/// 2 % of the server's time on result pages (`perf record`). Repeated fields are
/// joined as that subscript joins them; cookies are kept apart, one per field.
struct RequestHeaders {
    var contentType: String?
    var contentLength: String?
    var acceptLanguage: String?
    var secFetchSite: String?
    var forwardedProto: String?
    var cookies: [String] = []

    init(_ fields: HTTPFields) {
        for field in fields {
            switch field.name {
            case .contentType: Self.join(&contentType, field.value)
            case .contentLength: Self.join(&contentLength, field.value)
            case .acceptLanguage: Self.join(&acceptLanguage, field.value)
            case .secFetchSite: Self.join(&secFetchSite, field.value)
            case .xForwardedProto: Self.join(&forwardedProto, field.value)
            case .cookie: cookies.append(field.value)
            default: continue
            }
        }
    }

    private static func join(_ value: inout String?, _ more: String) {
        value = value.map { $0 + ", " + more } ?? more
    }

    /// The value of the first cookie named `name` in a request's `Cookie` headers,
    /// read as Hummingbird's `Cookies` reads it, without making every cookie of the
    /// request a value, and by bytes (measured: reading the form token by
    /// characters cost a tenth of a page's own work).
    static func cookie(named name: String, in headers: [String]) -> String? {
        let prefix = Array((name + "=").utf8)
        for header in headers {
            for piece in header.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
                var cookie = piece.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
                if let first = cookie.first, first >= 0x80 {
                    // White space beyond ASCII (a no-break space…) is dropped too, as Hummingbird drops it.
                    cookie = Substring(cookie).drop(while: \.isWhitespace).utf8
                }
                if cookie.starts(with: prefix) {
                    let value = cookie.dropFirst(prefix.count)
                    return value.isEmpty ? nil : String(Substring(value))
                }
            }
        }
        return nil
    }
}
