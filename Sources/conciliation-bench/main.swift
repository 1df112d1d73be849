import ConciliationWeb
import DialogueKit
import Yams

// In-process timings of the hot paths, phase by phase, for scripts/bench.
// Usage: conciliation-bench DIALOGUE CASES.jsonl
#if canImport(Glibc)
    import Glibc
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func format1(_ x: Double) -> String { String(Double(Int(x * 100)) / 100) }

func readFile(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[2] == "--load" {
    // Where a start's loading goes: the YAML parsed into nodes, then the whole load.
    let text = String(decoding: readFile(arguments[1]), as: UTF8.self)
    func median(_ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<21 {
            let start = now()
            try body()
            samples.append(now() - start)
        }
        return samples.sorted()[10] * 1000
    }
    let compose = try median { _ = try Yams.compose(yaml: text, .basic) }
    let load = try median { _ = try DialogueLoader.load(yaml: text, file: arguments[1]) }
    let stream = try NodeStream.encode(yaml: text, file: arguments[1])
    let builtIn = try stream.withUnsafeBufferPointer { buffer in
        try median { _ = try DialogueLoader.load(nodeStream: buffer, file: arguments[1]) }
    }
    print(
        "YAML to nodes: \(format1(compose)) ms; whole load from YAML: \(format1(load)) ms; from the built-in form: \(format1(builtIn)) ms (medians of 21)"
    )
    exit(0)
}
if arguments.count >= 3, arguments[2] == "--metrics" {
    // What the metrics add to a request: one answer recorded (its page and
    // status counted, its time in the page's histogram), `count` times; with
    // callgrind, (count 101 − count 1) / 100 is the instructions per request.
    let dialogue = try DialogueLoader.load(yaml: String(decoding: readFile(arguments[1]), as: UTF8.self), file: arguments[1])
    let metrics = PageMetrics(dialogue: dialogue, startedAt: 1_795_428_000)
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let pages: [PageKind] = [.question, .redirect, .result]
    for i in 0..<count { metrics.record(pages[i % 3], status: i % 3 == 1 ? 303 : 200, nanoseconds: 180_000, refusal: nil) }
    print(metrics.exposition().count)
    exit(0)
}
if arguments.count >= 3, arguments[2] == "--pages" {
    // The browser page's work per request, without HTTP: the session read, the
    // interview rebuilt from it, the page rendered or the redirect with its
    // cookie made (what wrk measures, less the server).
    let dialogue = try DialogueLoader.load(yaml: String(decoding: readFile(arguments[1]), as: UTF8.self), file: arguments[1])
    let site = try WebSite(dialogue: dialogue, today: CivilDate(iso: "2026-11-23")!)
    let token = String(repeating: "7", count: 64)
    let answers = [
        ("subject", "decision-admin"), ("notified_on", "2026-10-01"), ("notice_states_deadline", "oui"), ("department", "33"),
        ("appeal_filed", "none"), ("court_case_pending", "non"), ("complaint_made", "non"),
    ]
    func form(_ pairs: [(String, String)]) -> [UInt8] {
        Array(([("csrf", token), ("lang", "fr")] + pairs).map { "\($0.0)=\($0.1)" }.joined(separator: "&").utf8)
    }
    func session(_ count: Int) -> String {
        (["lang=fr"] + answers.prefix(count).map { "a.\($0.0)=\($0.1)" }).joined(separator: "&")
    }
    enum Request {
        case post([UInt8], session: String?)
        case get(step: Int, session: String)
    }
    let pages: [(String, Request)] = [
        ("start (post, 303)", .post(form([("do", "start")]), session: nil)),
        ("first question (GET ?step=0)", .get(step: 0, session: session(0))),
        ("an answer (4th question, post, 303)", .post(form([("q", "department"), ("do", "next"), ("answer", "33")]), session: session(3))),
        ("result (7 answers, GET ?step=7)", .get(step: 7, session: session(7))),
        ("summary download (.json)", .post(form([("do", "export-json")]), session: session(7))),
        (
            "letter download (.txt)",
            .post(
                form([("do", "letter-txt"), ("name", "Z"), ("address", "1+rue"), ("nir", "185057800608491"), ("caisse", "CPAM")]),
                session: session(7))
        ),
    ]
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 2_000 : 2_000
    print("| page, in-process (no HTTP) | median | p99 | bytes |")
    print("|---|---:|---:|---:|")
    // A fourth argument keeps the pages whose name contains it (to profile one page).
    for (name, request) in pages where arguments.count < 5 || name.contains(arguments[4]) {
        var samples: [Double] = []
        var size = 0
        for _ in 0..<runs {
            let start = now()
            let reply: WebSite.Reply
            switch request {
            case .post(let body, let session):
                reply = site.answer(
                    WebSite.Post(
                        body: body, cookie: token, session: session, fetchSite: nil, acceptLanguage: nil, unixTime: 1_795_428_000))
            case .get(let step, let session):
                reply = site.page(WebSite.Get(step: String(step), page: nil, session: session, cookie: token, acceptLanguage: nil))
            }
            samples.append(now() - start)
            guard reply.status == 200 || reply.status == 303 else { fatalError("\(name): HTTP \(reply.status)") }
            size = reply.body.count + (reply.setCookie?.utf8.count ?? 0)
        }
        samples.sort()
        print("| \(name) | \(format1(samples[runs / 2] * 1e6)) µs | \(format1(samples[runs * 99 / 100] * 1e6)) µs | \(size) |")
    }
    exit(0)
}
if arguments.count == 3, arguments[2] == "--interview" {
    // Per-answer latency: typed answers parsed and applied, as in the interview.
    let dialogue = try DialogueLoader.load(yaml: String(decoding: readFile(arguments[1]), as: UTF8.self), file: arguments[1])
    let today = CivilDate(iso: "2026-11-23")!
    let script = ["1", "05/10/2026", "oui", "67", "1", "non", "oui", "il y a 3 semaines", "courrier", "3"]
    var samples: [Double] = []
    samples.reserveCapacity(20_000 * script.count)
    let parser = AnswerParser(today: today, language: .fr)
    for _ in 0..<2_000 {
        var interview = Interview(dialogue: dialogue, today: today)
        for text in script {
            guard case .asking(let q) = interview.state else { break }
            let start = now()
            if case .success(let value) = parser.parse(text, for: dialogue.questions[q]) { _ = interview.answer(value) }
            samples.append(now() - start)
        }
    }
    samples.sort()
    func quantile(_ q: Double) -> String { format1(samples[Int(Double(samples.count - 1) * q)] * 1e6) }
    print(
        "per answer (parse + replay), \(samples.count) answers: p50 \(quantile(0.5)) µs, p99 \(quantile(0.99)) µs, max \(format1(samples.last! * 1e6)) µs"
    )
    exit(0)
}
guard arguments.count == 3 else {
    print("usage: conciliation-bench DIALOGUE.yaml CASES.jsonl")
    exit(2)
}
let dialogue = try DialogueLoader.load(yaml: String(decoding: readFile(arguments[1]), as: UTF8.self), file: arguments[1])
let input = readFile(arguments[2])
let lines = input.split(separator: 0x0A)
let triage = Triage(dialogue: dialogue)
let formatter = ResultFormatter(dialogue: dialogue, language: .fr)
let clock = CivilDate(iso: "2026-11-23")!
// BENCH_PHASES=parse,route,walk,render selects phases (all by default), so that an
// instruction counter can attribute cost to each.
let phases = Set((getenv("BENCH_PHASES").map { String(cString: $0) } ?? "parse,route,walk,render").split(separator: ",").map(String.init))

var t0 = now()
var parsed: [[(key: String, value: CaseValue)]] = []
parsed.reserveCapacity(lines.count)
for line in lines where phases.contains("parse") || phases.contains("route") || phases.contains("walk") || phases.contains("render") {
    let p = line.withUnsafeBufferPointer { CaseJSON.parse($0) }
    if case .object(let pairs) = p { parsed.append(pairs) }
}
let parseTime = now() - t0

t0 = now()
var routed: [RoutedCase] = []
routed.reserveCapacity(parsed.count)
for pairs in parsed where phases.contains("route") || phases.contains("render") {
    if case .success(let r) = triage.route(pairs, todayOverride: nil, clockToday: clock) { routed.append(r) }
}
let routeTime = now() - t0

// Routing again without keeping the results: the cost of the walk alone.
t0 = now()
var kept = 0
for pairs in parsed where phases.contains("walk") {
    if case .success(let r) = triage.route(pairs, todayOverride: nil, clockToday: clock) { kept &+= r.result.outcome }
}
let walkTime = now() - t0

t0 = now()
var writer = JSONWriter()
var bytes = 0
for (i, r) in routed.enumerated() where phases.contains("render") {
    formatter.json(r, line: i + 1, into: &writer)
    if writer.bytes.count > 1 << 16 {
        bytes += writer.bytes.count
        writer.bytes.removeAll(keepingCapacity: true)
    }
}
let renderTime = now() - t0

func row(_ name: String, _ seconds: Double, _ n: Int) {
    let perCase = seconds / Double(max(n, 1)) * 1e6
    print("\(name): \(Int(seconds * 1000)) ms, \(String(format1(perCase))) µs/case, \(Int(Double(n) / seconds)) cases/s")
}
row("parse ", parseTime, parsed.count)
row("route ", routeTime, routed.count)
row("route (results dropped)", walkTime, parsed.count)
row("render", renderTime, routed.count)
row("total ", parseTime + routeTime + renderTime, routed.count)
