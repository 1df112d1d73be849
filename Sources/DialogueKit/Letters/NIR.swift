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
        let compact = text.uppercased().filter { !" .-".contains($0) }
        guard compact.count == 15 else { return .failure(.length(compact.count)) }
        let chars = Array(compact)
        for (i, c) in chars.enumerated() {
            let corsica = i == 5 || i == 6
            guard c.isASCII, c.isNumber || (corsica && (c == "A" || c == "B") && i == 6 && chars[5] == "2") else {
                return .failure(.characters)
            }
        }
        guard "123478".contains(chars[0]) else { return .failure(.sex) }
        guard let key = Int(String(chars[13...14])) else { return .failure(.characters) }
        let expected = NIR.key(of: String(chars[0..<13]))
        guard key == expected else { return .failure(.key) }
        return .success(NIR(value: compact))
    }

    /// 97 − (number mod 97); for Corsica, 2A counts as 19 and 2B as 18.
    public static func key(of thirteen: String) -> Int {
        var digits = thirteen
        if digits.count == 13 {
            let start = digits.index(digits.startIndex, offsetBy: 5)
            let end = digits.index(start, offsetBy: 2)
            switch digits[start..<end] {
            case "2A": digits.replaceSubrange(start..<end, with: "19")
            case "2B": digits.replaceSubrange(start..<end, with: "18")
            default: break
            }
        }
        var remainder = 0
        for c in digits {
            guard let d = c.wholeNumberValue else { return -1 }
            remainder = (remainder * 10 + d) % 97
        }
        return 97 - remainder
    }

    /// "1 84 12 76 451 089 46", the grouping on the carte Vitale.
    public var formatted: String {
        let c = Array(value)
        let groups = [0..<1, 1..<3, 3..<5, 5..<7, 7..<10, 10..<13, 13..<15]
        return groups.map { String(c[$0]) }.joined(separator: " ")
    }

    /// All but the last four characters hidden: "•••••••••••• 89 46".
    public var masked: String {
        String(repeating: "•", count: 11) + " " + String(value.suffix(4).prefix(2)) + " " + String(value.suffix(2))
    }

    public var description: String { masked }
}
