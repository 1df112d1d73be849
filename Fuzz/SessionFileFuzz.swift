import Foundation

/// Any bytes as a saved interview: read as a session record, or refused with its
/// reason; a record read is written again and reads back the same, and a date
/// in it is one the program can count from. scripts/fuzz builds this with
/// ConciliationCLI's SessionRecord.swift, so the target reads exactly what
/// `resume` reads.
public func fuzzSessionFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let record = try SessionRecord.read(bytes)
        if let today = record.todayOverride, !CivilDate.supported.contains(today) { finding("a session kept a date out of range") }
        guard let again = try? SessionRecord.read(record.json()), again == record else {
            finding("a session does not read back as written")
        }
    } catch {
        // Refused with its reason, typed (`SessionRecord.ReadError`): the
        // listing leaves such a file out, and nothing words it.
        _ = error
    }
    return 0
}
