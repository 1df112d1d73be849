import DialogueKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// Text as a French page sets it: the space before : ; ? ! » and after « does not
/// break, so that a wrapped line never starts with "?" or a lone "»".
enum WebText {
    static func typeset(_ text: String, _ language: Language) -> String {
        guard language == .fr else { return text }
        var text = text
        let changed: String? = text.withUTF8 { bytes in
            let spaces = keptSpaces(bytes)
            guard !spaces.isEmpty else { return nil }
            return String(decoding: set(bytes, spaces) { out, run in out.append(contentsOf: run) }, as: UTF8.self)
        }
        return changed ?? text
    }

    /// `text` typeset and escaped for HTML in one pass, for a page's texts made at
    /// each request: no text made in between to be read again (measured on the
    /// result page: 15,000 instructions of 275,000 went to making those texts).
    static func escaped(_ text: String, _ language: Language) -> TemplateValue {
        var text = text
        return .escaped(
            text.withUTF8 { bytes in
                set(bytes, language == .fr ? keptSpaces(bytes) : []) { out, run in HTMLEscaping.append(run, to: &out) }
            })
    }

    /// The bytes with a no-break space at each of `spaces`, the runs between
    /// them written by `write`.
    private static func set(
        _ bytes: UnsafeBufferPointer<UInt8>, _ spaces: [Int], _ write: (inout [UInt8], UnsafeBufferPointer<UInt8>) -> Void
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + spaces.count + 16)
        var start = 0
        for i in spaces {
            write(&out, UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(0xC2)
            out.append(0xA0)
            start = i + 1
        }
        write(&out, UnsafeBufferPointer(rebasing: bytes[start...]))
        return out
    }

    /// The offsets of the spaces that must not break, in order: each sign is
    /// looked for with `memchr` (a text has few), then the byte beside it.
    private static func keptSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var spaces: [Int] = []
        // : ; ? ! and the first byte of « and » (C2 AB, C2 BB).
        for sign: UInt8 in [0x3A, 0x3B, 0x3F, 0x21, 0xC2] {
            var from = 0
            while from < count, let found = memchr(base + from, Int32(sign), count - from) {
                let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if sign != 0xC2 {
                    if i > 0, bytes[i - 1] == 0x20 { spaces.append(i - 1) }
                } else if i + 1 < count, bytes[i + 1] == 0xBB {
                    if i > 0, bytes[i - 1] == 0x20 { spaces.append(i - 1) }
                } else if i + 2 < count, bytes[i + 1] == 0xAB, bytes[i + 2] == 0x20 {
                    spaces.append(i + 2)
                }
                from = i + 1
            }
        }
        guard spaces.count > 1 else { return spaces }
        spaces.sort()
        var unique: [Int] = []
        for i in spaces where unique.last != i { unique.append(i) }
        return unique
    }
}
