#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// HTML's five special characters escaped as a text is appended to a page's
/// bytes; the runs between them (most texts are one run) copied whole. Whether a
/// text has any is asked of `memchr`, which reads many bytes at a time.
enum HTMLEscaping {
    private static let special: [Int32] = [0x3C, 0x3E, 0x26, 0x22, 0x27]

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                special.contains(where: { memchr(base, $0, bytes.count) != nil })
            else {
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
}
