/// A piece of a page rendered at start around the one value that a request
/// gives it (a date or a text typed as an answer): the bytes before and after
/// that value, so that a request writes them around the value, escaped, instead
/// of rendering the piece again.
struct FramedPiece: Sendable {
    private let before: [UInt8]
    private let after: [UInt8]

    /// `render` renders template `name` with the value it is given in the place
    /// that requests fill; the template must show that value exactly once.
    init(_ name: String, _ render: (TemplateValue) -> [UInt8]) throws(TemplateError) {
        let mark: UInt8 = 0x01  // never in a template, never escaped
        let bytes = render(.text(String(decoding: [mark], as: UTF8.self)))
        guard let at = bytes.firstIndex(of: mark), bytes.lastIndex(of: mark) == at else {
            throw TemplateError(template: name, line: 1, column: 1, problem: "the value each request fills in must be shown exactly once")
        }
        before = Array(bytes[..<at])
        after = Array(bytes[(at + 1)...])
    }

    /// The piece with `text`, escaped, in its place.
    func filled(_ text: String) -> [UInt8] {
        var out = before
        out.reserveCapacity(before.count + text.utf8.count + 16 + after.count)
        HTMLEscaping.append(text, to: &out)
        out.append(contentsOf: after)
        return out
    }
}
