/// A piece of a page rendered at start around the one value that a request
/// gives it (an answer, in the answers list or a hidden field): the bytes before
/// and after that value, so that a request writes them around the value, escaped,
/// instead of rendering the piece again; and the piece already filled with each
/// value known at start (a question's options), so that a request only picks one.
struct FramedPiece: Sendable {
    private let before: [UInt8]
    private let after: [UInt8]
    /// By option: the piece filled at start with that option's text.
    private let ahead: [[UInt8]]

    /// `render` renders template `name` with the value it is given in the place
    /// that requests fill; the template must show that value exactly once.
    /// `ahead`: the texts to fill in at start, one per option.
    init(_ name: String, ahead texts: [String] = [], _ render: (TemplateValue) -> [UInt8]) throws(TemplateError) {
        let mark: UInt8 = 0x01  // never in a template, never escaped
        let bytes = render(.text(String(decoding: [mark], as: UTF8.self)))
        guard let at = bytes.firstIndex(of: mark), bytes.lastIndex(of: mark) == at else {
            throw TemplateError(template: name, line: 1, column: 1, problem: "the value each request fills in must be shown exactly once")
        }
        let (before, after) = (Array(bytes[..<at]), Array(bytes[(at + 1)...]))
        self.before = before
        self.after = after
        ahead = texts.map { FramedPiece.fill(before, $0, after) }
    }

    /// The piece with `text`, escaped, in its place.
    func filled(_ text: String) -> [UInt8] { FramedPiece.fill(before, text, after) }

    /// The piece made at start for `option`, else the piece with `text` in its place.
    func piece(option: Int?, text: @autoclosure () -> String) -> [UInt8] {
        if let option { return ahead[option] }
        return filled(text())
    }

    private static func fill(_ before: [UInt8], _ text: String, _ after: [UInt8]) -> [UInt8] {
        var out = before
        out.reserveCapacity(before.count + text.utf8.count + 16 + after.count)
        HTMLEscaping.append(text, to: &out)
        out.append(contentsOf: after)
        return out
    }
}
