import Testing

@testable import ConciliationWeb

@Suite("The server's event loops")
struct EventLoopsTests {
    @Test("The event loops: one per processor of the affinity mask, within what NIO counts")
    func eventLoops() {
        #expect(EventLoops.allowedProcessors(status: "Name:\tx\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n") == 1)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\t3\n") == 2)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\tffffffff,00000000,80000001\n") == 34)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\t00000000\n") == nil, "an empty mask is not read")
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\tzz\n") == nil)
        #expect(EventLoops.allowedProcessors(status: "Name:\tx\n") == nil)
        #expect(EventLoops.allowedProcessors(status: nil) == nil)
        #expect(EventLoops.count(allowed: 1, available: 8) == 1)
        #expect(EventLoops.count(allowed: 16, available: 4) == 4, "a container's quota is kept")
        #expect(EventLoops.count(allowed: nil, available: 4) == 4)
        #expect(EventLoops.count(allowed: nil, available: 0) == 1)
    }
}
