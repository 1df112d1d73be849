#if canImport(Glibc)
import Glibc
#endif
import DialogueKit

/// Streams cases from a file descriptor to standard output: memory stays flat
/// however long the input, and each result is written in the input's order.
struct TriageRunner {
    let triage: Triage
    let formatter: ResultFormatter
    let format: OutputFormat
    let todayOverride: CivilDate?
    let clockToday: CivilDate
    var output = JSONWriter()
    var invalid = 0
    var cases = 0

    init(triage: Triage, formatter: ResultFormatter, format: OutputFormat, todayOverride: CivilDate?, clockToday: CivilDate) {
        self.triage = triage
        self.formatter = formatter
        self.format = format
        self.todayOverride = todayOverride
        self.clockToday = clockToday
    }


    /// Returns the number of invalid cases.
    mutating func run(fd: Int32, inputName: String) -> Int {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []      // bytes of an incomplete line or object
        var pendingLine = 0            // line where the pending case starts
        var line = 0                   // lines fully read
        var multiline = false          // the input is one object spread over lines
        var decidedMode = false

        func handle(_ bytes: ArraySlice<UInt8>, endOfInput: Bool, _ self_: inout TriageRunner) {
            // `bytes` is one line without its newline.
            line += 1
            let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if pending.isEmpty {
                if isBlank { return }
                pendingLine = line
            } else {
                pending.append(0x0A)
            }
            pending.append(contentsOf: bytes)
            let parse = pending.withUnsafeBufferPointer { CaseJSON.parse($0) }
            switch parse {
            case .incomplete:
                if !decidedMode { multiline = true }
                decidedMode = true
                if multiline && !endOfInput { return }
                self_.emitError(CaseError(field: nil, message: self_.triage.language.say(
                    "objet JSON incomplet : il manque la fin (une accolade `}` ou un guillemet ?)",
                    "incomplete JSON object: its end is missing (a `}` or a quote?)")), line: pendingLine)
            case .invalid(let message):
                decidedMode = true
                self_.emitError(CaseError(field: nil, message: self_.triage.language.say("JSON invalide : \(message)", "invalid JSON: \(message)")), line: pendingLine)
            case .object(let pairs):
                decidedMode = true
                self_.route(pairs, line: pendingLine)
            }
            pending.removeAll(keepingCapacity: true)
        }

        var carry: [UInt8] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                FileIO.write("conciliation triage: \(inputName): \(FileIO.errnoText(errno))\n", to: 2)
                invalid += 1
                break
            }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if carry.isEmpty {
                    handle(buffer[start..<i], endOfInput: false, &self)
                } else {
                    carry.append(contentsOf: buffer[start..<i])
                    handle(carry[...], endOfInput: false, &self)
                    carry.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            carry.append(contentsOf: buffer[start..<n])
        }
        if !carry.isEmpty || !pending.isEmpty {
            handle(carry[...], endOfInput: true, &self)
        }
        if cases == 0 && invalid == 0 {
            emitError(CaseError(field: nil, message: triage.language.say("aucun cas en entrée : donnez un objet JSON par ligne",
                                                         "no case in the input: give one JSON object per line")), line: 1)
        }
        flush()
        return invalid
    }

    mutating func route(_ pairs: [(key: String, value: CaseValue)], line: Int) {
        cases += 1
        switch triage.route(pairs, todayOverride: todayOverride, clockToday: clockToday) {
        case .success(let routed):
            switch format {
            case .json:
                formatter.json(routed, line: line, into: &output)
                output.bytes.append(0x0A)
            case .text:
                output.verbatim(formatter.text(routed, line: line) + "\n\n")
            case .markdown:
                output.verbatim(formatter.markdown(routed, line: line) + "\n\n")
            }
        case .failure(let error):
            emitError(error, line: line)
        }
        if output.bytes.count > 1 << 16 { flush() }
    }

    mutating func emitError(_ error: CaseError, line: Int) {
        invalid += 1
        let field = error.field.map { triage.language.say(", champ « \($0) »", ", field \"\($0)\"") } ?? ""
        let sentence = triage.language.say("ligne \(line)\(field) : \(error.message)", "line \(line)\(field): \(error.message)")
        flush()
        FileIO.write("conciliation triage: \(sentence)\n", to: 2)
        switch format {
        case .json:
            formatter.errorJSON(error, line: line, into: &output)
            output.bytes.append(0x0A)
        case .text, .markdown:
            output.verbatim(triage.language.say("Cas de la ligne \(line) : invalide\(field) : \(error.message)\n\n",
                           "Case on line \(line): invalid\(field): \(error.message)\n\n"))
        }
    }

    mutating func flush() {
        FileIO.writeAll(&output.bytes, to: 1)
        output.bytes.removeAll(keepingCapacity: true)
    }
}
