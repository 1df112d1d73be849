/// A radio button of a question, made at start both ways: a request picks one.
struct RadioButton: Sendable {
    private let unticked: [UInt8]
    private let ticked: [UInt8]

    init(_ render: (_ ticked: Bool) -> [UInt8]) {
        unticked = render(false)
        ticked = render(true)
    }

    func html(ticked: Bool) -> [UInt8] { ticked ? self.ticked : unticked }
}
