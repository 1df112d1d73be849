import Foundation

/// Any bytes as one line of triage input: a case is routed to an outcome with its
/// dates, or refused with a clear message naming what is wrong.
public func fuzzTriageLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let triage = Triage(dialogue: shipped)
    switch CaseJSON.parse(UnsafeBufferPointer(start: data, count: size)) {
    case .incomplete:
        break
    case .invalid(let message):
        checkMessage(message, "triage line")
    case .object(let pairs):
        switch triage.route(pairs, todayOverride: nil, clockToday: CivilDate(iso: "2026-11-23")!) {
        case .success(let routed):
            if routed.result.outcome >= shipped.outcomes.count { finding("routed to no outcome") }
        case .failure(let error):
            checkMessage(error.message, "case")
        }
    }
    return 0
}
