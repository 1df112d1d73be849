/// A value in a case object. Cases are flat: a nested array or object is kept only
/// to be refused with a clear message naming its key.
public enum CaseValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array
    case object
}

/// Reads one JSON object of `"key": value` pairs. Strict JSON (RFC 8259): written
/// here rather than with Foundation because `triage` must tell a truncated line
/// from a malformed one, refuse duplicate keys, and keep pace with routing (the
/// whole of `triage` takes 134,000 to 163,000 cases a second on one core: the
/// README's "Measured").
public enum CaseJSON {
    public enum Parse: Equatable {
        case object([(key: String, value: CaseValue)])
        /// The text ends before the object closes: more lines may complete it.
        case incomplete
        case invalid(String)

        public static func == (a: Parse, b: Parse) -> Bool {
            switch (a, b) {
            case (.incomplete, .incomplete): return true
            case (.invalid(let x), .invalid(let y)): return x == y
            case (.object(let x), .object(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    /// A case has one key per question; past this many, the object is refused
    /// (which also keeps the duplicate-key check linear in the line's length).
    public static let maximumKeys = 64

    private struct Incomplete: Error {}
    private struct Invalid: Error { let message: String }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parse {
        var reader = Reader(bytes: bytes)
        do {
            reader.skipSpace()
            guard reader.index < bytes.count else { throw Incomplete() }
            guard bytes[reader.index] == UInt8(ascii: "{") else {
                throw Invalid(message: "a case must be a JSON object, written {\"subject\": …}")
            }
            let pairs = try reader.object()
            reader.skipSpace()
            if reader.index < bytes.count {
                throw Invalid(message: "unexpected text after the end of the object at byte \(reader.index + 1)")
            }
            return .object(pairs)
        } catch is Incomplete {
            return .incomplete
        } catch let error as Invalid {
            return .invalid(VisibleText.escapingControls(error.message))
        } catch {
            return .invalid("\(error)")
        }
    }

    public static func parse(_ text: String) -> Parse {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func peek() throws -> UInt8 {
            guard index < bytes.count else { throw Incomplete() }
            return bytes[index]
        }

        mutating func expect(_ c: UInt8, _ what: @autoclosure () -> String) throws {
            skipSpace()
            guard try peek() == c else { throw Invalid(message: "expected \(what()) at byte \(index + 1)") }
            index += 1
        }

        mutating func object() throws -> [(key: String, value: CaseValue)] {
            try expect(UInt8(ascii: "{"), "`{`")
            var pairs: [(key: String, value: CaseValue)] = []
            skipSpace()
            if try peek() == UInt8(ascii: "}") {
                index += 1
                return pairs
            }
            while true {
                skipSpace()
                guard try peek() == UInt8(ascii: "\"") else {
                    throw Invalid(message: "expected a key in double quotes at byte \(index + 1)")
                }
                let key = try string()
                guard pairs.count < CaseJSON.maximumKeys else {
                    throw Invalid(message: "more than \(CaseJSON.maximumKeys) keys: a case has one key per question")
                }
                if pairs.contains(where: { $0.key == key }) {
                    throw Invalid(message: "the key \"\(key)\" appears twice")
                }
                try expect(UInt8(ascii: ":"), "`:` after \"\(key)\"")
                skipSpace()
                pairs.append((key, try value()))
                skipSpace()
                switch try peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return pairs
                default: throw Invalid(message: "expected `,` or `}` at byte \(index + 1)")
                }
            }
        }

        mutating func value() throws -> CaseValue {
            switch try peek() {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .null
            case UInt8(ascii: "["): try skipNested(); return .array
            case UInt8(ascii: "{"): try skipNested(); return .object
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw Invalid(message: "unexpected character at byte \(index + 1)")
            }
        }

        mutating func word(_ w: StaticString) throws {
            let count = w.utf8CodeUnitCount
            for i in 0..<count {
                guard index + i < bytes.count else { throw Incomplete() }
                guard bytes[index + i] == w.utf8Start[i] else {
                    throw Invalid(message: "unexpected word at byte \(index + 1) (true, false or null?)")
                }
            }
            index += count
        }

        mutating func number() throws -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while index < bytes.count {
                let c = bytes[index]
                if (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                    || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                {
                    if c >= 48 && c <= 57 { digits += 1 }
                    index += 1
                } else {
                    break
                }
            }
            if index == bytes.count { throw Incomplete() }
            guard digits > 0 else { throw Invalid(message: "malformed number at byte \(start + 1)") }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            let start = index
            var plain = true
            while true {
                guard index < bytes.count else { throw Incomplete() }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") { break }
                if c < 0x20 { throw Invalid(message: "control character inside a string at byte \(index + 1)") }
                if c == UInt8(ascii: "\\") {
                    plain = false
                    index += 1
                    guard index < bytes.count else { throw Incomplete() }
                }
                index += 1
            }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            // ASCII needs no validation; only other text pays for it.
            let text: String
            if raw.allSatisfy({ $0 < 0x80 }) {
                text = String(decoding: raw, as: UTF8.self)
            } else if let valid = String(validating: raw, as: UTF8.self) {
                text = valid
            } else {
                throw Invalid(message: "a string is not valid UTF-8")
            }
            return plain ? text : try unescape(raw)
        }

        func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            func hex4(_ at: Int) throws -> UInt32 {
                guard at + 4 <= raw.count else { throw Invalid(message: "\\u needs four hexadecimal digits") }
                var v: UInt32 = 0
                for k in at..<(at + 4) {
                    let c = raw[k]
                    let d: UInt8
                    switch c {
                    case 48...57: d = c - 48
                    case 65...70: d = c - 55
                    case 97...102: d = c - 87
                    default: throw Invalid(message: "\\u needs four hexadecimal digits")
                    }
                    v = v * 16 + UInt32(d)
                }
                return v
            }
            while i < raw.count {
                let c = raw[i]
                guard c == UInt8(ascii: "\\") else {
                    out.append(c)
                    i += 1
                    continue
                }
                let e = raw[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(i)
                    i += 4
                    if (0xD800..<0xDC00).contains(scalar), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u")
                    {
                        let low = try hex4(i + 2)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                    }
                    guard let u = Unicode.Scalar(scalar) else {
                        throw Invalid(message: "\\u\(String(scalar, radix: 16)) is not a character")
                    }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw Invalid(message: "unknown escape \\\(Character(Unicode.Scalar(e)))")
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func skipNested() throws {
            var depth = 0
            while true {
                let c = try peek()
                switch c {
                case UInt8(ascii: "\""): _ = try string(); continue
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { index += 1; return }
                default: break
                }
                index += 1
            }
        }
    }
}
