import DialogueFixtures
import Testing

@testable import DialogueKit

/// The expression language of guards and computed values, through the loader
/// that reads it: every problem located at its line and column.
@Suite("Guards: what the expression language refuses, and where")
struct GuardExpressionTests {
    @Test func choiceMisspelledInAGuard() {
        #expect(
            loadErrors(replacing(#"'topic == "a"'"#, with: #"'topic == "c"'"#)) == [
                "mini.yaml:28:25: \"c\" is not one of the choices: a, b"
            ])
    }

    @Test func unknownNameInAGuard() {
        #expect(
            loadErrors(replacing(#"'topic == "a"'"#, with: #"'topc == "a"'"#)) == [
                "mini.yaml:28:16: unknown name `topc`: not a question, a computed value or a parameter of this dialogue"
            ])
    }

    @Test func typeMismatchInAGuard() {
        #expect(
            loadErrors(replacing(#"'topic == "a"'"#, with: #"'when_q > 3'"#)) == [
                "mini.yaml:28:25: the right side of `>` must be date, not nombre (int)"
            ])
    }

    @Test func singleEqualsSign() {
        #expect(
            loadErrors(replacing(#"'topic == "a"'"#, with: #"'topic = "a"'"#)) == [
                "mini.yaml:28:22: unexpected character `=` (write `==` to compare)"
            ])
    }

    @Test("5,000 nested parentheses: a located error, not a crash")
    func deepNesting() {
        let guardText = String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000)
        let errors = loadErrors(replacing("'topic == \"a\"'", with: "'\(guardText)'"))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("mini.yaml:28:") == true)
        #expect(errors.first?.contains("too long") == true)
        // Within the length limit, the depth limit speaks.
        let deep = String(repeating: "(", count: 100) + "true" + String(repeating: ")", count: 100)
        let deepErrors = loadErrors(replacing("'topic == \"a\"'", with: "'\(deep)'"))
        #expect(deepErrors.first?.hasPrefix("mini.yaml:28:") == true)
        #expect(deepErrors.first?.contains("nested too deeply") == true)
        let nots = loadErrors(replacing("'topic == \"a\"'", with: "'" + String(repeating: "not ", count: 5_000) + "true'"))
        #expect(nots.first?.contains("too long") == true || nots.first?.contains("`not`") == true)
    }

    @Test("5,000 terms joined by and: refused as too long")
    func longChain() {
        let chain = Array(repeating: "topic == \"a\"", count: 5_000).joined(separator: " and ")
        let errors = loadErrors(replacing("'topic == \"a\"'", with: "'\(chain)'"))
        #expect(errors.first?.contains("too long") == true)
        #expect(errors.first?.hasPrefix("mini.yaml:28:") == true)
    }

    @Test("The expression lexer refuses stray characters at once", arguments: ["1..2e+-", "[}"])
    func lexer(text: String) {
        let errors = loadErrors(replacing("'topic == \"a\"'", with: "'\(text)'"))
        #expect(errors.first?.contains("unexpected character") == true)
    }
}
