#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// HTML's five special characters escaped as a text is appended to a page's
/// bytes; the runs between them (most texts are one run) copied whole. Whether a
/// long text has any is asked of `memchr`, which reads many bytes at a time.
enum HTMLEscaping {
    private static let special: [Int32] = [0x3C, 0x3E, 0x26, 0x22, 0x27]

    /// Whether any of the five is there: a short text is read byte by byte, a
    /// longer one by `memchr` (five calls cost more than a short text's bytes).
    private static func hasSpecial(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 64 else {
            for i in 0..<count {
                let b = base[i]
                if b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27 { return true }
            }
            return false
        }
        return special.contains { memchr(base, $0, count) != nil }
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress, hasSpecial(base, bytes.count) else {
            out.append(contentsOf: bytes)
            return
        }
        var run = 0
        for i in bytes.indices {
            let entity: StaticString
            switch bytes[i] {
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x26: entity = "&amp;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
}
