/// The `{name}` slots of a dialogue text. One byte scan, shared by the loader
/// (every name must exist) and the checker (every name must have a value).
package enum Template {
    /// The names between braces, in order; nil when a `{` is never closed.
    static func slotNames(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return [] }
        var names: [String] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "{") else { i += 1; continue }
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            names.append(String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
            i = close + 1
        }
        return names
    }

    /// Every name shown by a text, in all its languages.
    package static func slotNames(_ text: LocalizedText) -> Set<String> {
        Set(text.byLanguage.values.flatMap { slotNames($0) ?? [] })
    }
}
