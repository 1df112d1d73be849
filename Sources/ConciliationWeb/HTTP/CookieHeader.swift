/// A cookie read from a request's `Cookie` headers: the form token, the session.
enum CookieHeader {
    /// The value of the first cookie named `name` in a request's `Cookie` headers,
    /// read as Hummingbird's `Cookies` reads it, without making every cookie of the
    /// request a value, and by bytes (measured: reading the form token by
    /// characters cost a tenth of a page's own work).
    static func value(named name: String, in headers: [String]) -> String? {
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
