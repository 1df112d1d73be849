import Foundation

/// Any bytes as what the server reads of a request: the first line is the
/// `Cookie` header, the rest the form's body. The form is read whole or refused
/// whole (never half read), within its bounds, and what it gives is encoded again
/// and read back the same; the token is read from the cookie only as the page's
/// own cookie name, over HTTP and over HTTPS (issue 29).
public func fuzzRequestReading(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let cookieHeader = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
    for secure in [false, true] {
        if let token = CSRFGuard.token(inCookies: [cookieHeader], secure: secure) {
            // Compared by bytes, as the header is read: by characters, "=" and a
            // combining mark after it are one character, and the name seems absent.
            if !holds(cookieHeader, CSRFGuard.cookieName(secure: secure) + "=" + token) {
                finding("a token read that the cookie header does not hold under the page's name")
            }
            if secure && !holds(cookieHeader, "__Host-csrf=") { finding("a plain cookie read over HTTPS") }
        }
    }
    do {
        let form = try FormFields(urlEncoded: body)
        if form.pairs.count > FormFields.maximumCount { finding("\(form.pairs.count) fields read past the bound") }
        if Set(form.pairs.map(\.name)).count != form.pairs.count { finding("a field name read twice") }
        let again = form.pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
        guard let reread = try? FormFields(urlEncoded: Array(again.utf8)),
            reread.pairs.map(\.name) == form.pairs.map(\.name), reread.pairs.map(\.value) == form.pairs.map(\.value)
        else { finding("a form read, encoded again, does not read back the same") }
    } catch {
        // Refused whole: that is the other allowed answer.
    }
    return 0
}

/// Whether `text` holds `part`, byte for byte.
private func holds(_ text: String, _ part: String) -> Bool {
    Array(text.utf8).firstRange(of: Array(part.utf8)) != nil
}

/// Percent-encodes every byte but letters and digits, as a browser may.
private func escape(_ text: String) -> String {
    var out = ""
    for b in text.utf8 {
        if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
            out.unicodeScalars.append(Unicode.Scalar(b))
        } else {
            out += String(format: "%%%02X", b)
        }
    }
    return out
}
