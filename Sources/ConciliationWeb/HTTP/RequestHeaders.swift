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
}
