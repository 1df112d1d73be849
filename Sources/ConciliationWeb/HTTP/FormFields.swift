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
        var seen: Set<String> = []
        for part in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard pairs.count < FormFields.maximumCount else { throw .tooManyFields }
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let name = try FormFields.decode(part[part.startIndex..<(equals ?? part.endIndex)])
            var value = ""
            if let equals { value = try FormFields.decode(part[(equals + 1)...]) }
            guard seen.insert(name).inserted else { throw .repeated(name) }
            pairs.append((name, value))
        }
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
    private static func decode(_ bytes: ArraySlice<UInt8>) throws(Problem) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { throw .badEncoding }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .badEncoding }
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
