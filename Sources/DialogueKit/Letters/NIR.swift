/// The French social security number (NIR): 13 characters and a 2-digit key,
/// checked before it goes into a letter, and masked wherever else it is shown.
public struct NIR: Sendable, Equatable, CustomStringConvertible {
    /// The 15 characters, without spaces.
    public let value: String

    public enum Problem: Error, Equatable, Sendable {
        case length(Int)
        case characters
        case sex
        /// The key does not match the 13 digits. Which key would is never said: a
        /// typo in the body would then be "fixed" by changing the key.
        case key

        /// Why the number was refused, in one sentence.
        public func sentence(_ language: Language) -> String { Message.nirProblem(self).text(language) }
    }

    /// Accepts spaces, dots and dashes between groups, as people type it.
    public static func parse(_ text: String) -> Result<NIR, Problem> {
        // A number typed on a keyboard is ASCII: read by bytes. Anything else is
        // read by characters, so that the length said in a refusal is the one seen.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return parseCharacters(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(15)
        for b in text.utf8 where b != 0x20 && b != 0x2E && b != 0x2D { bytes.append(b >= 0x61 && b <= 0x7A ? b - 0x20 : b) }
        guard bytes.count == 15 else { return .failure(.length(bytes.count)) }
        for (i, b) in bytes.enumerated() {
            let corsica = i == 6 && bytes[5] == UInt8(ascii: "2") && (b == UInt8(ascii: "A") || b == UInt8(ascii: "B"))
            guard isDigit(b) || corsica else { return .failure(.characters) }
        }
        guard "123478".utf8.contains(bytes[0]) else { return .failure(.sex) }
        let key = Int(bytes[13] - 0x30) * 10 + Int(bytes[14] - 0x30)
        guard key == NIR.key(of: bytes[0..<13]) else { return .failure(.key) }
        return .success(NIR(value: String(decoding: bytes, as: UTF8.self)))
    }

    /// `parse` for a text with characters outside ASCII: none can be in a number,
    /// so this only says why it is refused.
    private static func parseCharacters(_ text: String) -> Result<NIR, Problem> {
        let compact = text.uppercased().filter { !" .-".contains($0) }
        guard compact.count == 15 else { return .failure(.length(compact.count)) }
        return .failure(.characters)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// 97 − (number mod 97) of the first 13 characters; for Corsica, 2A counts as
    /// 19 and 2B as 18.
    private static func key(of digits: ArraySlice<UInt8>) -> Int {
        var digits = Array(digits)
        if digits.count == 13, digits[5] == UInt8(ascii: "2"), digits[6] == UInt8(ascii: "A") || digits[6] == UInt8(ascii: "B") {
            digits[5] = UInt8(ascii: "1")
            digits[6] = digits[6] == UInt8(ascii: "A") ? UInt8(ascii: "9") : UInt8(ascii: "8")
        }
        var remainder = 0
        for b in digits {
            guard isDigit(b) else { return -1 }
            remainder = (remainder * 10 + Int(b - 0x30)) % 97
        }
        return 97 - remainder
    }

    /// "1 84 12 76 451 089 46", the grouping on the carte Vitale.
    public var formatted: String {
        var out: [UInt8] = []
        out.reserveCapacity(21)
        for (i, b) in value.utf8.enumerated() {
            if i == 1 || i == 3 || i == 5 || i == 7 || i == 10 || i == 13 { out.append(0x20) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// All but the last four characters hidden: "•••••••••••• 89 46".
    public var masked: String {
        String(repeating: "•", count: 11) + " " + String(value.suffix(4).prefix(2)) + " " + String(value.suffix(2))
    }

    public var description: String { masked }
}
