/// How many terminal columns text takes: a combining accent none, a CJK
/// character or an emoji two, a colour code none. Counted by grapheme cluster, so
/// "e" + U+0301 is one column and a family emoji joined by ZWJ is two.
///
/// Written here because the C library's `wcwidth` depends on the process's locale
/// (it answers -1 for every non-ASCII character in the "C" locale that tests and
/// pipes run in), and Swift's Unicode properties give what is needed.
enum DisplayWidth {
    static func columns(_ text: some StringProtocol) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            let scalars = character.unicodeScalars
            if inEscape {
                if scalars.contains("m") { inEscape = false }
                continue
            }
            if scalars.first == "\u{1B}" {
                inEscape = !scalars.contains("m")
                continue
            }
            count += columns(of: character)
        }
        return count
    }

    static func columns(of character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            let properties = scalar.properties
            if properties.isEmojiPresentation || isWide(scalar.value) { return 2 }
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: width = max(width, 1)
            }
        }
        return width
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
