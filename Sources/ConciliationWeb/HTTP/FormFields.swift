#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// The fields of a form sent as `application/x-www-form-urlencoded`, read with
/// bounds: a form that breaks one is refused whole, never half read.
struct FormFields: Sendable {
    /// The most fields a form of this site has (every answer twice, the letter, the buttons).
    static let maximumCount = 200

    private(set) var pairs: [(name: String, value: String)] = []

    enum Problem: Error, Equatable {
        case badEncoding
        case tooManyFields
        case repeated(String)
    }

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Reads `body`; a name given twice, a broken `%` escape or bytes that are
    /// not UTF-8 refuse the whole form.
    init(urlEncoded body: [UInt8]) throws(Problem) {
        var pairs: [(name: String, value: String)] = []
        try body.withUnsafeBufferPointer { (bytes) throws(Problem) in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    guard pairs.count < FormFields.maximumCount else { throw .tooManyFields }
                    var equals = start
                    while equals < end, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                    let name = try FormFields.decode(UnsafeBufferPointer(rebasing: bytes[start..<equals]))
                    let value = equals < end ? try FormFields.decode(UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<end])) : ""
                    // A form has a few dozen fields at most (`maximumCount`): a scan costs less than hashing.
                    guard !pairs.contains(where: { $0.name == name }) else { throw .repeated(name) }
                    pairs.append((name, value))
                }
                start = end + 1
            }
        }
        self.pairs = pairs
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return try utf8(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { throw .badEncoding }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return try out.withUnsafeBufferPointer { (out) throws(Problem) in try utf8(out) }
    }

    /// The text of UTF-8 bytes. Decoding mends what is not UTF-8, so the bytes are
    /// UTF-8 when the text's are the same (measured: a quarter of the cost of
    /// `String(validating:)`, which takes any sequence).
    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        guard same else { throw .badEncoding }
        return text
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
