import DialogueKit
import WallClock

/// The page, without HTTP: what the home page shows, what a posted form gives (a
/// redirect to the page it leads to, a download, or a page that says why it was
/// refused), and the page at a step. Nothing of a session lives here: the
/// browser's session cookie carries the answers (`SessionCookie`), so any number
/// of servers answer any request, and a restart loses nothing. `WebResponder`
/// puts it on the network.
public struct WebSite: Sendable {
    /// The largest form taken, in bytes: every answer at its longest and the
    /// letter's passages, with room; a larger one is refused unread.
    public static let maximumBody = 128 * 1024

    let dialogue: Dialogue
    /// The day to count from; nil to read the clock at each request.
    let today: CivilDate?
    let renderer: PageRenderer
    /// Made once per language: it renders every rule's sources ahead.
    /// In `Language.allCases`' order.
    let formatters: [ResultFormatter]

    public init(dialogue: Dialogue, today: CivilDate?) throws {
        self.dialogue = dialogue
        self.today = today
        self.renderer = try PageRenderer(dialogue: dialogue)
        formatters = Language.allCases.map { ResultFormatter(dialogue: dialogue, language: $0) }
    }

    /// A form posted to the page, as HTTP brought it.
    public struct Post: Sendable {
        public var body: [UInt8]
        /// The `csrf` cookie, the `Sec-Fetch-Site` and `Accept-Language` headers.
        public var cookie: String?
        /// The session cookie's value; whether the page is served over HTTPS.
        public var session: String?
        public var secure: Bool
        public var fetchSite: String?
        public var acceptLanguage: String?
        /// The time of the request, in seconds since 1970 (UTC): written into an
        /// exported summary, so made a text only then (the text was 1 % of every
        /// request's instructions).
        public var unixTime: Int

        public init(
            body: [UInt8], cookie: String?, session: String? = nil, secure: Bool = false, fetchSite: String?, acceptLanguage: String?,
            unixTime: Int
        ) {
            self.body = body
            self.cookie = cookie
            self.session = session
            self.secure = secure
            self.fetchSite = fetchSite
            self.acceptLanguage = acceptLanguage
            self.unixTime = unixTime
        }
    }

    /// A page asked for by its address: a step of the path (`?step=3`) or the
    /// letter's details (`?page=letter`), drawn from the session cookie.
    public struct Get: Sendable {
        public var step: String?
        public var page: String?
        public var session: String
        /// The `csrf` cookie, for the page's forms; the browser's languages.
        public var cookie: String
        public var acceptLanguage: String?

        public init(step: String?, page: String?, session: String, cookie: String, acceptLanguage: String?) {
            self.step = step
            self.page = page
            self.session = session
            self.cookie = cookie
            self.acceptLanguage = acceptLanguage
        }
    }

    /// What to send back.
    public struct Reply: Sendable {
        public let status: Int
        public let contentType: String
        /// The file name of a download.
        public let attachment: String?
        public let body: [UInt8]
        /// A redirect's address, relative to the page's, and the session it sets.
        public var location: String? = nil
        public var setCookie: String? = nil
        /// What it is, and why the request was refused, for the metrics.
        public var kind: PageKind = .problem
        public var refusal: RefusalKind? = nil
    }

    /// The home page; `token` is the browser's form token (`CSRFGuard`).
    public func home(language: Language, token: String) -> Reply {
        html(200, .home, language, view(language, token).home())
    }

    /// What a posted form gives.
    public func answer(_ post: Post) -> Reply {
        var language = LanguageChoice.choose(named: nil, acceptLanguage: post.acceptLanguage)
        let form: FormFields
        do {
            form = try FormFields(urlEncoded: post.body)
        } catch {
            return problem(400, .tampered(reason(error).text(language)), language)
        }
        let button = form["do"].flatMap(PageButton.init(value:))
        let named: String? = if case .language(let chosen) = button { chosen.rawValue } else { form["lang"] }
        language = LanguageChoice.choose(named: named, acceptLanguage: post.acceptLanguage)
        guard CSRFGuard.accepts(cookie: post.cookie, form: form["csrf"], fetchSite: post.fetchSite) else {
            return problem(403, .forged, language)
        }
        let today = self.today ?? ParisClock.today()
        let parser = AnswerParser(today: today, language: language, audience: .self)
        let request: PageRequest
        do {
            // "Commencer" starts afresh, whatever an earlier interview left.
            let session =
                button == .start ? FormFields(pairs: []) : try post.session.map(SessionCookie.read)?.form ?? FormFields(pairs: [])
            request = try PageRequest(session: session, form: form, dialogue: dialogue, parser: parser)
        } catch let error as PageRefusal {
            return problem(400, .tampered(error.reason.text(language)), language)
        } catch {
            return problem(400, .tampered(WebSentence.badEncoding.text(language)), language)
        }
        var machine = PageMachine(dialogue: dialogue, today: today, language: language, request: request, formatter: formatter(language))
        let action: PageMachine.Action
        var attempt: PageFlash.Attempt?
        switch request.event {
        case .show, .view: action = machine.show()
        case .answer(let q, let text, let unknown, let editing):
            attempt = PageFlash.Attempt(question: q, text: text, unknown: unknown, editing: editing)
            action = machine.answered(question: q, text: text, unknown: unknown, editing: editing)
        case .back(let question): action = machine.back(from: question)
        case .edit(let q): action = machine.editRequested(question: q)
        case .letter: action = machine.letterRequested()
        case .letterDownload(let fields, let markdown): action = machine.letterSubmitted(fields, markdown: markdown)
        case .letterPreview(let fields): action = machine.letterPreviewed(fields)
        case .export(let format): action = machine.exportRequested(format, exportedAt: Timestamp.format(unixTime: post.unixTime))
        }
        switch action {
        case .show(let page):
            // Every page but the letter's details with what was typed in them is
            // reached again by its address, so that Back never re-sends a form.
            let address: String
            if case .letter(_, let problems, let preview) = page {
                guard problems.isEmpty && preview == nil else {
                    let (template, values) = view(language, post.cookie ?? "").render(machine.drawing(of: page))
                    return html(page.showsAProblem ? 422 : 200, template, language, values)
                }
                address = "?page=letter"
            } else {
                address = "?step=\(machine.step(of: page) ?? 0)"
            }
            let flash = PageFlash(attempt: machine.refusedAgain(on: page, sent: attempt), setAside: machine.lastSetAside)
            let session = SessionCookie(interview: machine.interview, language: language, flash: flash)
            var reply = Reply(status: 303, contentType: "text/plain; charset=utf-8", attachment: nil, body: [], kind: .redirect)
            reply.location = address
            reply.setCookie = session.setCookie(secure: post.secure)
            return reply
        case .download(let file):
            return Reply(status: 200, contentType: file.contentType, attachment: file.name, body: file.bytes, kind: .download)
        case .refuse(let why):
            return problem(400, .tampered(why.text(language)), language)
        }
    }

    /// The page at the step an address names, or the letter's details, drawn
    /// from the session cookie.
    public func page(_ get: Get) -> Reply {
        var language = LanguageChoice.choose(named: nil, acceptLanguage: get.acceptLanguage)
        let session: SessionCookie
        do {
            session = try SessionCookie.read(get.session)
        } catch {
            return problem(400, .tampered(WebSentence.badEncoding.text(language)), language)
        }
        language = LanguageChoice.choose(named: session.languageName, acceptLanguage: get.acceptLanguage)
        let event: PageEvent
        if get.page == "letter" {
            event = .letter
        } else if let text = get.step, let step = Int(text), step >= 0, step <= dialogue.questions.count {
            event = .view(step: step, flash: session.flash(dialogue))
        } else {
            return problem(404, .notFound, language)
        }
        let today = self.today ?? ParisClock.today()
        let request: PageRequest
        do {
            request = try PageRequest(
                session: session.form, event: event, dialogue: dialogue,
                parser: AnswerParser(today: today, language: language, audience: .self))
        } catch {
            return problem(400, .tampered(error.reason.text(language)), language)
        }
        var machine = PageMachine(dialogue: dialogue, today: today, language: language, request: request, formatter: formatter(language))
        let action: PageMachine.Action
        if case .view(let step, let flash) = event {
            action = machine.viewed(step: step, flash: flash)
        } else {
            action = machine.letterRequested()
        }
        switch action {
        case .show(let page):
            let (template, values) = view(language, get.cookie).render(machine.drawing(of: page))
            return html(page.showsAProblem ? 422 : 200, template, language, values)
        case .download, .refuse:
            // A page asked for by its address is never a file; without a result, no letter.
            return problem(404, .notFound, language)
        }
    }

    /// A page that says what went wrong and what to do; none of the form is shown.
    /// `path` is the address asked, for the way back to the root.
    func problem(_ status: Int, _ sentence: WebSentence, _ language: Language, path: String = "/") -> Reply {
        var page = view(language, "")
        let depth = path.split(separator: "/", omittingEmptySubsequences: false).count - 2
        if depth > 0 { page.root = String(repeating: "../", count: min(depth, 20)) }
        var reply = html(status, .problem, language, page.problem(sentence))
        reply.refusal = RefusalKind(sentence)
        return reply
    }

    private func formatter(_ language: Language) -> ResultFormatter {
        formatters[Language.allCases.firstIndex(of: language)!]
    }

    private func view(_ language: Language, _ token: String) -> PageView {
        PageView(
            dialogue: dialogue, language: language, renderer: renderer,
            formatter: formatter(language), csrf: token)
    }

    private func html(_ status: Int, _ template: PageTemplate, _ language: Language, _ values: TemplateFields) -> Reply {
        Reply(
            status: status, contentType: "text/html; charset=utf-8", attachment: nil,
            body: renderer.render(template, language, values), kind: template.page ?? .problem,
            refusal: status == 422 ? .answer : nil)
    }

    private func reason(_ error: FormFields.Problem) -> WebSentence {
        switch error {
        case .badEncoding: return .badEncoding
        case .tooManyFields: return .tooManyFields
        case .repeated(let name): return .fieldRepeated(name)
        }
    }
}

extension RefusalKind {
    /// The kind of a problem page's sentence.
    init(_ sentence: WebSentence) {
        switch sentence {
        case .forged: self = .forged
        case .tooLarge: self = .tooLarge
        case .unreadable: self = .unreadable
        case .notFound: self = .notFound
        case .methodNotAllowed: self = .methodNotAllowed
        case .unexpected: self = .unexpected
        default: self = .tampered
        }
    }
}
