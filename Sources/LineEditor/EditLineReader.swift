import CEditLine

#if canImport(Glibc)
    import Glibc
#endif

/// Line editing with the system's libedit: emacs keys, UTF-8, in-session history
/// (never written to disk: one caller's answers must not reach the next), and Tab
/// completion through `completer`.
public final class EditLineReader: LineReader {
    public var completer: (@Sendable (String) -> [String])?
    public let isInteractive = true
    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private var prompt: [CChar] = [0]

    public init() {
        EditLineReader.setUTF8Locale()
        Signals.install()

        if getenv("TERM") == nil { setenv("TERM", "dumb", 1) }
        editLine = el_init("conciliation", ce_stdin(), ce_stdout(), ce_stderr())
        history = history_init()
        guard let el = editLine, let h = history else { return }
        ce_history_set_size(h, 200)
        ce_history_set_unique(h, 1)
        ce_set_history(el, h)
        ce_set_editor(el, "emacs")
        ce_set_signal(el, 0)
        ce_set_client_data(el, Unmanaged.passUnretained(self).toOpaque())
        ce_set_prompt_esc(
            el,
            { el in
                guard let el, let data = ce_get_client_data(el) else { return nil }
                let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
                return reader.prompt.withUnsafeMutableBufferPointer { $0.baseAddress }
            }, 1)
        ce_set_getc(
            el,
            { el, out in
                guard let el, let out else { return -1 }
                return EditLineReader.readCharacter(el, out)
            })
        ce_add_function(
            el, "conciliation-complete", "Complete the answer or command",
            { el, _ in
                guard let el, let data = ce_get_client_data(el) else { return UInt8(CC_ERROR) }
                return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete(el)
            })
        ce_bind(el, "^I", "conciliation-complete")
    }

    deinit {
        if let el = editLine {
            ce_set_edit_mode(el, 0)
            el_end(el)
        }
        if let h = history { history_end(h) }
    }

    /// Without a UTF-8 locale libedit drops every non-ASCII byte ("déjà" → "dj").
    static func setUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: ce_utf8_codeset())
        if codeset != "UTF-8" && codeset != "utf8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Reads one character for libedit, decoding UTF-8 and giving up on Ctrl-C:
    /// checking the flag here closes the race where ^C arrives mid-keystroke.
    private static func readCharacter(_ el: OpaquePointer, _ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var state = mbstate_t()
        while true {
            if interruptPending != 0 || terminationPending != 0 { return -1 }
            var byte: UInt8 = 0
            let n = read(0, &byte, 1)
            if n == 0 { return 0 }
            if n < 0 {
                if errno == EINTR {
                    if interruptPending != 0 || terminationPending != 0 { return -1 }
                    continue
                }
                return -1
            }
            var wide: wchar_t = 0
            let used = withUnsafePointer(to: byte) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 1) { mbrtowc(&wide, $0, 1, &state) }
            }
            if used == -2 { continue }  // more bytes to come
            if used == -1 {  // invalid: skip it and start afresh
                state = mbstate_t()
                continue
            }
            out.pointee = wide
            return 1
        }
    }

    public func readLine(prompt text: String) -> LineRead { edit(prompt: text, remember: true) }

    /// A letter's detail is typed like any line but never entered in the history.
    public func readDetail(prompt text: String, secret: Bool) -> LineRead { edit(prompt: text, remember: false) }

    public func forgetHistory() {
        if let h = history { ce_history_clear(h) }
    }

    private func edit(prompt text: String, remember: Bool) -> LineRead {
        guard let el = editLine else { return .endOfInput }
        prompt = Array(text.utf8CString)
        interruptPending = 0
        var count: Int32 = 0
        guard let raw = el_gets(el, &count) else {
            if terminationPending != 0 { return .terminated }
            if interruptPending != 0 || count < 0 {
                interruptPending = 0
                writeOut("^C\n")
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        if remember, !line.isEmpty, let h = history { ce_history_enter(h, line) }
        return .line(line)
    }

    /// Tab: completes what is typed before the cursor. One candidate replaces it
    /// (so "le f" becomes "Le fonctionnement de la caisse…"); several are extended
    /// to their common start, or listed.
    private func complete(_ el: OpaquePointer) -> UInt8 {
        guard let info = el_line(el)?.pointee, let completer else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let candidates = completer(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let replacement = candidates.count == 1 ? candidates[0] : EditLineReader.commonPrefix(candidates)
        if replacement.count > before.count || (candidates.count == 1 && replacement != before) {
            el_deletestr(el, Int32(before.count))
            el_insertstr(el, replacement)
            return UInt8(CC_REFRESH)
        }
        writeOut("\n" + candidates.joined(separator: "\n") + "\n")
        return UInt8(CC_REDISPLAY)
    }

    /// The longest common start, compared without case so that "Oui"/"oui" agree.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n].lowercased() == chars[n].lowercased() { n += 1 }
            prefix = Array(prefix[0..<n])
        }
        return String(prefix)
    }
}
