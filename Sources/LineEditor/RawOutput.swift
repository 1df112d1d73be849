#if canImport(Glibc)
    import Glibc
#endif

/// Writes straight to a descriptor (standard output unless said): no stdio buffer
/// to flush, and no C global (`stdout`) that Swift 6 rejects as shared mutable state.
func writeOut(_ text: String, to fd: Int32 = 1) {
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 {
            if errno == EINTR { continue }
            return
        }
        done += n
    }
}
