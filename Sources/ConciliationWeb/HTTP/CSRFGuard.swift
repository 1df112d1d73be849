/// Protection against a form posted to this site from another one, without any
/// state on the server: a random token in a cookie that only this site can read
/// (`SameSite=Strict`, `HttpOnly`) and the same token in every form; a post is
/// taken only when both agree and the browser does not say it came from another
/// site (`Sec-Fetch-Site`). Any number of servers check it alike.
///
/// Over HTTPS the cookie is named `__Host-csrf`: a browser takes a cookie of that
/// name only from this very host, over HTTPS, for the whole site — never from a
/// sibling subdomain nor from a plain-HTTP hop, which could otherwise plant a
/// token of their choosing. Behind HTTPS only that cookie is read, so a planted
/// plain `csrf` cookie is useless. Still no secret and no state: any instance
/// checks any request.
enum CSRFGuard {
    /// The cookie's name over plain HTTP (loopback, development) and over HTTPS.
    static func cookieName(secure: Bool) -> String { secure ? "__Host-csrf" : "csrf" }

    /// A new token: 32 random bytes, in hexadecimal.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<64).map { _ in digits[Int(generator.next() % 16)] })
    }

    /// The value of the token cookie in a request's `Cookie` headers.
    static func token(inCookies headers: [String], secure: Bool) -> String? {
        CookieHeader.value(named: cookieName(secure: secure), in: headers)
    }

    /// Whether a token read from a cookie has the form this site gives.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Whether a post may be taken: the form's token equals the cookie's, compared
    /// in constant time, and the browser did not mark it as cross-site.
    static func accepts(cookie: String?, form: String?, fetchSite: String?) -> Bool {
        if let fetchSite, fetchSite != "same-origin", fetchSite != "none" { return false }
        guard var cookie, var form, isWellFormed(cookie), cookie.utf8.count == form.utf8.count else { return false }
        let difference = cookie.withUTF8 { a in
            form.withUTF8 { b in a.indices.reduce(UInt8(0)) { $0 | (a[$1] ^ b[$1]) } }
        }
        return difference == 0
    }

    /// The `Set-Cookie` value; `secure` when the page is served over HTTPS.
    static func cookie(_ token: String, secure: Bool) -> String {
        "\(cookieName(secure: secure))=\(token); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
