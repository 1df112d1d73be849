import HTTPTypes
import Hummingbird

/// The headers every answer carries: a strict Content-Security-Policy (no script
/// at all, styles from this site only, forms posted to this site only, never in
/// a frame), no sniffing, no referrer. Pages and downloads that hold answers are
/// never stored by a cache (`no-store`); only the style sheets are.
enum SecurityHeaders {
    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Made once: a value is checked when its field is made.
    private static let fields: [HTTPField] = [
        HTTPField(name: .contentSecurityPolicy, value: policy),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: .referrerPolicy, value: "no-referrer"),
        HTTPField(name: .xFrameOptions, value: "DENY"),
        HTTPField(name: .crossOriginOpenerPolicy, value: "same-origin"),
        HTTPField(name: .permissionsPolicy, value: "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]
    private static let noStore = HTTPField(name: .cacheControl, value: "no-store")

    static func add(to response: inout Response) {
        // No answer sets any of them: each is added, not looked for first.
        response.headers.append(contentsOf: fields)
        if !response.headers.contains(.cacheControl) { response.headers.append(noStore) }
    }
}
