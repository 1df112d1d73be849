import Testing

@testable import ConciliationWeb

@Suite("The server's log: a few lines of each kind per minute")
struct LogBudgetTests {
    @Test("3,000 lines of one kind in a minute write 5, then say how many were left out")
    func floodOfOneKind() {
        let budget = LogBudget()
        let decisions = (0..<3_000).map { budget.take("error request failed HTTPParserError", now: 1_000 + $0 / 100) }
        #expect(decisions.filter { $0 != .leaveOut }.count == 5)
        #expect(budget.take("error request failed HTTPParserError", now: 1_060) == .write(leftOut: 2_995))
        #expect(budget.take("error request failed OtherError", now: 1_000) == .write(leftOut: 0), "another kind has its own")
    }

    @Test("The kinds remembered are bounded: a flood of different kinds does not grow the table without end")
    func manyKinds() {
        let budget = LogBudget()
        for i in 0..<10_000 { _ = budget.take("kind \(i)", now: 5) }
        #expect(budget.remembered <= LogBudget.kinds)
    }
}
