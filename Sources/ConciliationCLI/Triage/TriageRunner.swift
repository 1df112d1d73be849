import DialogueKit
import Files
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Streams cases from a file descriptor to standard output: memory stays flat
/// however long the input, and each result is written in the input's order as
/// soon as it is routed, so that nothing already routed is lost if the process
/// dies (measured: one write per case costs no measurable throughput, the
/// routing dominates).
///
/// The input is JSON Lines, framed by lines: a bad line is an error for that line
/// only. One object spread over several lines is accepted only when it is the
/// whole input; that is decided once, at the end (or past `multilineLimit`), so
/// an unfinished first line never swallows the lines after it.
struct TriageRunner {
    let triage: Triage
    let formatter: ResultFormatter
    let format: ExportFormat
    let todayOverride: CivilDate?
    let clockToday: CivilDate
    var output = JSONWriter()
    var invalid = 0
    var cases = 0
    /// Set when standard output could not be written: the run stops there.
    var writeFailure: String?
    /// Where results and per-line errors go: standard output and error in the
    /// program, pipes in the tests.
    var results: Int32 = 1
    var errors: Int32 = 2

    /// The most a single multi-line case may hold before the input is read as
    /// JSON Lines after all.
    static let multilineLimit = 1 << 20
    /// The longest line read: past it the line is an error and its bytes are
    /// skipped up to the next newline, so that memory stays flat even on an input
    /// with no newline at all (`/dev/zero`).
    static let lineLimit = 1 << 20

    init(triage: Triage, formatter: ResultFormatter, format: ExportFormat, todayOverride: CivilDate?, clockToday: CivilDate) {
        self.triage = triage
        self.formatter = formatter
        self.format = format
        self.todayOverride = todayOverride
        self.clockToday = clockToday
    }

    /// How the lines read so far are being taken.
    private enum Framing {
        /// Nothing but blank lines yet.
        case undecided
        /// The first case did not close on its line: the whole input may be one
        /// object. Its lines are kept, with the line each starts on.
        case maybeOneObject(lines: [(number: Int, bytes: [UInt8])], size: Int)
        /// One case per line.
        case lines
    }

    /// Returns the number of invalid cases.
    mutating func run(fd: Int32, inputName: String) -> Int {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var framing = Framing.undecided
        var line = 0
        var carry: [UInt8] = []

        func take(_ bytes: ArraySlice<UInt8>, _ runner: inout TriageRunner) {
            line += 1
            if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                runner.emitError(
                    CaseError(
                        field: nil,
                        message: CLIMessage.byteOrderMark.text(runner.triage.language)), line: 1)
                framing = .lines
                return
            }
            switch framing {
            case .lines:
                runner.caseLine(bytes, line: line)
            case .maybeOneObject(var lines, let size):
                // Released first, so that `lines` is the only reference and grows
                // in place: a copy per line made a long input quadratic.
                framing = .undecided
                lines.append((line, Array(bytes)))
                let grown = size + bytes.count + 1
                // A whole case on one line cannot sit inside a flat object spread
                // over lines (nested objects are refused): this is JSON Lines.
                let alone: Bool
                if case .object = bytes.withUnsafeBufferPointer({ CaseJSON.parse($0) }) { alone = true } else { alone = false }
                if alone || grown > TriageRunner.multilineLimit {
                    framing = .lines
                    for l in lines { runner.caseLine(l.bytes[...], line: l.number) }
                } else {
                    framing = .maybeOneObject(lines: lines, size: grown)
                }
            case .undecided:
                if TriageRunner.isBlank(bytes) { return }
                if case .incomplete = bytes.withUnsafeBufferPointer({ CaseJSON.parse($0) }) {
                    framing = .maybeOneObject(lines: [(line, Array(bytes))], size: bytes.count)
                } else {
                    framing = .lines
                    runner.caseLine(bytes, line: line)
                }
            }
        }

        /// A line past `lineLimit`: an error for it alone; the lines kept for a
        /// multi-line case are read one by one from here on.
        func tooLong(_ runner: inout TriageRunner) {
            line += 1
            if case .maybeOneObject(let lines, _) = framing {
                for l in lines { runner.caseLine(l.bytes[...], line: l.number) }
            }
            framing = .lines
            runner.emitError(
                CaseError(field: nil, message: CLIMessage.triageLineTooLong(limit: TriageRunner.lineLimit).text(runner.triage.language)),
                line: line)
        }

        /// Inside a line already refused as too long, up to its newline.
        var skipping = false
        let input = FileDescriptor(rawValue: fd)
        reading: while writeFailure == nil {
            let n: Int
            do {
                n = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }  // retried after a signal
            } catch {
                let reason = (error as? Errno).map { FileProblem.system($0).text(triage.language) } ?? "\(error)"
                FileIO.write("conciliation triage: \(inputName)\(triage.language.colon)\(reason)\n", to: errors)
                invalid += 1
                break
            }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if skipping {
                    skipping = false
                } else if carry.count + (i - start) > TriageRunner.lineLimit {
                    tooLong(&self)
                    carry.removeAll(keepingCapacity: false)
                } else if carry.isEmpty {
                    take(buffer[start..<i], &self)
                } else {
                    carry.append(contentsOf: buffer[start..<i])
                    take(carry[...], &self)
                    carry.removeAll(keepingCapacity: true)
                }
                start = i + 1
                if writeFailure != nil { break reading }
            }
            guard !skipping else { continue }
            if carry.count + (n - start) > TriageRunner.lineLimit {
                tooLong(&self)
                carry.removeAll(keepingCapacity: false)
                skipping = true
            } else {
                carry.append(contentsOf: buffer[start..<n])
            }
        }
        if writeFailure == nil, !carry.isEmpty { take(carry[...], &self) }
        if writeFailure == nil, case .maybeOneObject(let lines, _) = framing {
            finishOneObject(lines)
        }
        if writeFailure == nil, cases == 0 && invalid == 0 {
            emitError(
                CaseError(
                    field: nil,
                    message: CLIMessage.noCaseInInput.text(triage.language)), line: 1)
        }
        return invalid
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The end of an input whose first case spanned lines: one object, or JSON
    /// Lines after all, each line on its own.
    private mutating func finishOneObject(_ lines: [(number: Int, bytes: [UInt8])]) {
        var whole: [UInt8] = []
        for (i, l) in lines.enumerated() {
            if i > 0 { whole.append(0x0A) }
            whole.append(contentsOf: l.bytes)
        }
        if case .object(let pairs) = whole.withUnsafeBufferPointer({ CaseJSON.parse($0) }) {
            route(pairs, line: lines[0].number)
            return
        }
        for l in lines { caseLine(l.bytes[...], line: l.number) }
    }

    /// One line of JSON Lines: a case, a blank, or an error for this line alone.
    private mutating func caseLine(_ bytes: ArraySlice<UInt8>, line: Int) {
        if TriageRunner.isBlank(bytes) { return }
        switch bytes.withUnsafeBufferPointer({ CaseJSON.parse($0) }) {
        case .incomplete:
            emitError(
                CaseError(
                    field: nil,
                    message: CLIMessage.incompleteJSON.text(triage.language)),
                line: line)
        case .invalid(let message):
            emitError(
                CaseError(field: nil, message: CLIMessage.invalidJSON(message).text(triage.language)), line: line)
        case .object(let pairs):
            route(pairs, line: line)
        }
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
            flush()
        case .failure(let error):
            emitError(error, line: line)
        }
    }

    mutating func emitError(_ error: CaseError, line: Int) {
        invalid += 1
        FileIO.write(
            "conciliation triage: " + CLIMessage.caseError(line: line, field: error.field, error.message).text(triage.language) + "\n",
            to: errors)
        switch format {
        case .json:
            formatter.errorJSON(error, line: line, into: &output)
            output.bytes.append(0x0A)
        case .text, .markdown:
            output.verbatim(
                CLIMessage.invalidCase(line: line, field: error.field, error.message).text(triage.language) + "\n\n")
        }
        flush()
    }

    /// Writes what is pending; a failure (a full disk, a closed pipe) ends the run.
    mutating func flush() {
        guard writeFailure == nil else { return }
        if let problem = FileIO.writeAll(output.bytes, to: results) {
            writeFailure = problem
        }
        output.bytes.removeAll(keepingCapacity: true)
    }
}
