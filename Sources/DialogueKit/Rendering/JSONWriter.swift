/// Appends JSON text to a byte buffer. Output of `triage` and of exports; strings
/// are escaped so that no control character or escape sequence reaches a terminal.
///
/// Kept by hand rather than Foundation's `JSONEncoder`: it is triage's hot path
/// (each outcome's constant part is rendered once and copied), and the encoder
/// would build a dictionary per result; session files, off the hot path, use
/// the encoder (`SessionRecord`).
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []

    public init() {}

    /// Literal JSON punctuation and keys: copied from static memory, no refcounting.
    public mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Text that is already valid JSON (a number, a pre-rendered fragment).
    public mutating func verbatim(_ s: String) { bytes.append(contentsOf: s.utf8) }

    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == 0x7F || c == 34 || c == 92 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                escape(c)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ c: UInt8) {
        switch c {
        case 34: bytes.append(contentsOf: [92, 34])
        case 92: bytes.append(contentsOf: [92, 92])
        case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
        }
    }

    public mutating func value(_ v: Value) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .int(let i): verbatim(String(i))
        case .string(let s): string(s)
        case .date(let d): date(d)
        }
    }

    /// `"YYYY-MM-DD"`, as `CivilDate.iso` writes it (a string of ten bytes,
    /// made without allocating).
    public mutating func date(_ d: CivilDate) {
        bytes.append(34)
        bytes += d.iso.utf8
        bytes.append(34)
    }

    public mutating func key(_ k: String) {
        string(k)
        bytes.append(UInt8(ascii: ":"))
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
