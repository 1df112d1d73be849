import DialogueKit

/// Text as a French page sets it: the space before : ; ? ! » and after « does not
/// break, so that a wrapped line never starts with "?" or a lone "»".
enum WebText {
    static func typeset(_ text: String, _ language: Language) -> String {
        guard language == .fr else { return text }
        var text = text
        let changed: String? = text.withUTF8 { bytes in
            // « is C2 AB, » is C2 BB, the no-break space C2 A0.
            func breaks(at i: Int) -> Bool {
                guard bytes[i] == 0x20 else { return false }
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let after = i + 2 < bytes.count ? bytes[i + 2] : 0
                let before = i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xAB
                return before || next == 0x3A || next == 0x3B || next == 0x3F || next == 0x21 || (next == 0xC2 && after == 0xBB)
            }
            guard let first = bytes.indices.first(where: breaks) else { return nil }
            var out = Array(bytes[..<first])
            out.reserveCapacity(bytes.count + 8)
            for i in first..<bytes.count {
                if breaks(at: i) {
                    out.append(0xC2)
                    out.append(0xA0)
                } else {
                    out.append(bytes[i])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return changed ?? text
    }
}
