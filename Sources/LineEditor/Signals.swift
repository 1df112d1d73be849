#if canImport(Glibc)
    import Glibc
#endif

/// The signals the interview answers to. A C signal handler can only set a flag;
/// these are the process's only global mutable state, by necessity, and only the
/// line readers read them.
nonisolated(unsafe) var interruptPending: sig_atomic_t = 0
nonisolated(unsafe) var terminationPending: sig_atomic_t = 0

public enum Signals {
    /// SIGINT abandons the line being typed; SIGTERM and SIGHUP end the session
    /// after saving. No SA_RESTART: a blocked read returns EINTR so the reader sees
    /// the flag at once.
    public static func install() {
        var interrupt = sigaction()
        interrupt.__sigaction_handler.sa_handler = { _ in interruptPending = 1 }
        sigemptyset(&interrupt.sa_mask)
        interrupt.sa_flags = 0
        sigaction(SIGINT, &interrupt, nil)
        var terminate = sigaction()
        terminate.__sigaction_handler.sa_handler = { _ in terminationPending = 1 }
        sigemptyset(&terminate.sa_mask)
        terminate.sa_flags = 0
        sigaction(SIGTERM, &terminate, nil)
        sigaction(SIGHUP, &terminate, nil)
    }
}
