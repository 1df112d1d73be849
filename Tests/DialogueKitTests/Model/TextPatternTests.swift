import DialogueAuthoring
import Dispatch
import Testing

@testable import DialogueKit

/// A text question's pattern: matched by bytes when it is a list of fixed-length
/// alternatives, by its regex otherwise, and shared by every thread of the server.
@Suite("A text question's pattern")
struct TextPatternTests {
    /// A pattern of fixed-length alternatives (a département's code) is matched by
    /// bytes: as the regex matches it, on random texts; other patterns are left to the regex.
    @Test("A simple pattern matches by bytes exactly what the regex matches")
    func simplePatterns() throws {
        let simple = ["0[1-9]|1[0-9]|2[1-9]|2[AaBb]|[3-8][0-9]|9[0-5]|97[1-6]", "abc", "[a-c]x|y[0-2][5]", "A|B|AB"]
        let other = ["a+", "(a|b)", "[^a]", "a.", "\\d", "a|", "[a-]", "[]", "a{2}", "^a$", "é"]
        for source in other { #expect(TextPattern.fixedAlternatives(source) == nil, "\(source)") }
        let alphabet: [String] = ["0", "1", "2", "3", "5", "7", "9", "A", "a", "B", "b", "c", "x", "y", " ", "é", "\r\n", "-"]
        var generator = SplitMix64(seed: 5)
        var matched = 0
        for source in simple {
            #expect(TextPattern.fixedAlternatives(source) != nil, "\(source)")
            let pattern = try #require(TextPattern(source))
            let regex = try Regex(source, as: Substring.self)
            for _ in 0..<3_000 {
                let text = (0..<Int(generator.next() % 4)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                let expected = (try? regex.wholeMatch(in: text)) != nil
                #expect(pattern.matches(text) == expected, "\(source) on \(text.debugDescription)")
                if expected { matched += 1 }
            }
        }
        #expect(matched > 200)
    }

    @Test("One pattern matched from many threads at once, before and after its regex is compiled, answers as alone")
    func sharedAcrossThreads() throws {
        let texts = ["abc", "abd", "", "ab", "abcabc", "xabc", "aXc", "a-c", "abc\n", "ABC"]
        let alone = try #require(TextPattern("a[a-c]c|ab+c?"))
        let expected = texts.map { alone.matches($0) }
        #expect(expected.contains(true) && expected.contains(false))
        let shared = try #require(TextPattern("a[a-c]c|ab+c?"))
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 64 * texts.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            for (j, text) in texts.enumerated() { out[i * texts.count + j] = shared.matches(text) }
        }
        for i in 0..<64 { #expect(Array(results[(i * texts.count)..<((i + 1) * texts.count)]) == expected, "thread \(i)") }
    }
}
