import Testing
@testable import DialogueKit

/// One routing case: the JSON a caller sends, and what must come back.
struct RoutingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let json: String
    let recommendation: String
    let route: String?
    var appealDeadline: String? = nil
    var waitUntil: String? = nil
    var conciliatorFrom: String? = nil
    /// A rule id that must be among the reasons.
    var rule: String? = nil
    var testDescription: String { name }
}

private func decision(_ subject: String = "decision-admin", notified: String?, today: String, extra: String = "") -> String {
    let n = notified.map { "\"notified_on\":\"\($0)\"," } ?? ""
    return #"{"subject":"\#(subject)",\#(n)"court_case_pending":false,"complaint_made":false,"today":"\#(today)"\#(extra)}"#
}

private func complaint(_ subject: String = "functioning", on: String, answer: String, today: String, extra: String = "") -> String {
    #"{"subject":"\#(subject)","court_case_pending":false,"complaint_made":true,"complaint_on":"\#(on)","complaint_answer":"\#(answer)","today":"\#(today)"\#(extra)}"#
}

let routingCases: [RoutingCase] = [
    // Rule 3: the deadline, counted by rule 9.
    .init(name: "issue example: CRA by 7 December", json: decision(notified: "2026-10-05", today: "2026-11-23"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07", rule: "r3-within-deadline"),
    .init(name: "on the Saturday the deadline would end", json: decision(notified: "2026-10-05", today: "2026-12-05"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07"),
    .init(name: "on the extended last day", json: decision(notified: "2026-10-05", today: "2026-12-07"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07"),
    .init(name: "the day after the deadline: foreclosed", json: decision(notified: "2026-10-05", today: "2026-12-08"),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2026-12-07", rule: "r3-foreclosed"),
    .init(name: "notified on 31 December, deadline 1 March", json: decision(notified: "2026-12-31", today: "2027-03-01"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2027-03-01"),
    .init(name: "notified on 31 December, 2 March is too late", json: decision(notified: "2026-12-31", today: "2027-03-02"),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2027-03-01", rule: "r3-foreclosed"),
    .init(name: "29 February in a leap year", json: decision(notified: "2027-12-31", today: "2028-02-29"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2028-02-29"),
    .init(name: "1 March after a 29 February deadline", json: decision(notified: "2027-12-31", today: "2028-03-01"),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2028-02-29"),
    .init(name: "notified 29 December, also 29 February", json: decision(notified: "2027-12-29", today: "2028-01-10"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2028-02-29"),
    .init(name: "notified on 29 February, 29 April is a Saturday then 1 May", json: decision(notified: "2028-02-29", today: "2028-03-10"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2028-05-02"),
    .init(name: "Christmas then a weekend", json: decision(notified: "2026-10-25", today: "2026-12-26"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-28"),
    .init(name: "Saturday, then All Saints' Sunday", json: decision(notified: "2026-08-31", today: "2026-11-02"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-11-02"),
    .init(name: "notified today", json: decision(notified: "2026-11-23", today: "2026-11-23"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2027-01-25"),
    // Rule 11: Alsace-Moselle.
    .init(name: "Bas-Rhin: Good Friday then Easter Monday", json: decision(notified: "2027-01-26", today: "2027-03-26", extra: #","department":"67""#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2027-03-30"),
    .init(name: "Paris: Good Friday is a working day", json: decision(notified: "2027-01-26", today: "2027-03-27", extra: #","department":"75""#),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2027-03-26", rule: "r3-foreclosed"),
    .init(name: "Moselle: 26 December", json: decision(notified: "2025-10-26", today: "2025-12-29", extra: #","department":"57""#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2025-12-29"),
    .init(name: "no département: national holidays", json: decision(notified: "2025-10-26", today: "2025-12-26"),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2025-12-26"),
    .init(name: "Corsica 2A", json: decision(notified: "2025-10-26", today: "2025-12-26", extra: #","department":"2A""#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2025-12-26"),
    // Rule 3: unknown date, notice without the deadline.
    .init(name: "notification date unknown (null)", json: decision(notified: nil, today: "2026-11-23", extra: #","notified_on":null"#),
          recommendation: "contentious-appeal", route: "cra", rule: "r3-notification-unknown"),
    .init(name: "notification date absent", json: decision(notified: nil, today: "2026-11-23"),
          recommendation: "contentious-appeal", route: "cra", rule: "r3-notification-unknown"),
    .init(name: "notice without the deadline: none enforceable", json: decision(notified: "2020-01-06", today: "2026-11-23", extra: #","notice_states_deadline":false"#),
          recommendation: "contentious-appeal", route: "cra", rule: "r3-no-enforceable-deadline"),
    .init(name: "notice stated it: deadline binds", json: decision(notified: "2020-01-06", today: "2026-11-23", extra: #","notice_states_deadline":true"#),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2020-03-06", rule: "r3-foreclosed"),
    .init(name: "unknown notice is treated as stating it", json: decision(notified: "2026-10-05", today: "2026-11-23", extra: #","notice_states_deadline":null"#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07"),
    // Rule 8 and the CMRA.
    .init(name: "medical decision: CMRA", json: decision("decision-medical", notified: "2026-10-05", today: "2026-11-23"),
          recommendation: "contentious-appeal", route: "cmra", appealDeadline: "2026-12-07", rule: "r3-cmra"),
    .init(name: "unsure, rests on the médecin-conseil: CMRA", json: decision("decision-unsure", notified: "2026-10-05", today: "2026-11-23", extra: #","medical_opinion":true"#),
          recommendation: "contentious-appeal", route: "cmra", appealDeadline: "2026-12-07", rule: "r8-medical-opinion"),
    .init(name: "unsure, not medical: CRA", json: decision("decision-unsure", notified: "2026-10-05", today: "2026-11-23", extra: #","medical_opinion":false"#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07", rule: "r3-cra"),
    .init(name: "medical decision, deadline passed", json: decision("decision-medical", notified: "2026-08-03", today: "2026-11-23"),
          recommendation: "reclaim-first", route: "caisse", appealDeadline: "2026-10-05", rule: "r3-foreclosed"),
    // Rule 1: a court case pending.
    .init(name: "court case pending (functioning)", json: #"{"subject":"functioning","court_case_pending":true,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "contentious-appeal", route: "court", rule: "r1-court-pending"),
    .init(name: "court case pending on a decision keeps its deadline", json: #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":true,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "contentious-appeal", route: "court", appealDeadline: "2026-12-07", rule: "r1-court-pending"),
    .init(name: "court case pending wins over a satisfied answer", json: #"{"subject":"functioning","court_case_pending":true,"complaint_made":true,"complaint_on":"2026-11-02","complaint_answer":"satisfactory","today":"2026-11-23"}"#,
          recommendation: "contentious-appeal", route: "court"),
    // Rule 2: satisfied.
    .init(name: "satisfied with the answer", json: complaint(on: "2026-11-02", answer: "satisfactory", today: "2026-11-23"),
          recommendation: "no-action", route: nil, rule: "r2-satisfied"),
    .init(name: "satisfied on a decision: still shows the deadline", json: complaint("decision-admin", on: "2026-10-20", answer: "satisfactory", today: "2026-11-23", extra: #","notified_on":"2026-10-05""#),
          recommendation: "no-action", route: nil, appealDeadline: "2026-12-07"),
    // Rule 3 with a complaint in parallel.
    .init(name: "decision within deadline, unsatisfactory answer: still the CRA", json: complaint("decision-admin", on: "2026-10-20", answer: "unsatisfactory", today: "2026-11-23", extra: #","notified_on":"2026-10-05""#),
          recommendation: "contentious-appeal", route: "cra", appealDeadline: "2026-12-07"),
    .init(name: "foreclosed decision, unanswered complaint within 3 weeks", json: complaint("decision-admin", on: "2026-11-10", answer: "none", today: "2026-11-23", extra: #","notified_on":"2026-08-03""#),
          recommendation: "wait-for-answer", route: "caisse", appealDeadline: "2026-10-05", waitUntil: "2026-12-01", conciliatorFrom: "2026-12-02", rule: "r3-foreclosed"),
    .init(name: "foreclosed decision, unsatisfactory answer", json: complaint("decision-admin", on: "2026-10-20", answer: "unsatisfactory", today: "2026-11-23", extra: #","notified_on":"2026-08-03""#),
          recommendation: "refer-to-conciliator", route: "conciliator", appealDeadline: "2026-10-05", rule: "r5-unsatisfactory"),
    // Rule 5 and rule 10: 21 days.
    .init(name: "no complaint yet", json: #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "reclaim-first", route: "caisse", rule: "r5-reclaim-first"),
    .init(name: "exactly 21 days: still waiting", json: complaint(on: "2026-11-02", answer: "none", today: "2026-11-23"),
          recommendation: "wait-for-answer", route: "caisse", waitUntil: "2026-11-23", conciliatorFrom: "2026-11-24", rule: "r5-wait"),
    .init(name: "22 days: the médiateur", json: complaint(on: "2026-11-02", answer: "none", today: "2026-11-24"),
          recommendation: "refer-to-conciliator", route: "conciliator", rule: "r5-no-answer"),
    .init(name: "21 days are not extended for a weekend", json: complaint(on: "2026-10-31", answer: "none", today: "2026-11-22"),
          recommendation: "refer-to-conciliator", route: "conciliator"),
    .init(name: "21 days ending on a Saturday", json: complaint(on: "2026-10-31", answer: "none", today: "2026-11-21"),
          recommendation: "wait-for-answer", route: "caisse", waitUntil: "2026-11-21", conciliatorFrom: "2026-11-22"),
    .init(name: "complaint made today", json: complaint(on: "2026-11-23", answer: "none", today: "2026-11-23"),
          recommendation: "wait-for-answer", route: "caisse", waitUntil: "2026-12-14", conciliatorFrom: "2026-12-15"),
    .init(name: "21 days across a month end", json: complaint(on: "2027-02-15", answer: "none", today: "2027-03-08"),
          recommendation: "wait-for-answer", route: "caisse", waitUntil: "2027-03-08", conciliatorFrom: "2027-03-09"),
    .init(name: "answered, not satisfied", json: complaint(on: "2026-11-20", answer: "unsatisfactory", today: "2026-11-23"),
          recommendation: "refer-to-conciliator", route: "conciliator", rule: "r5-unsatisfactory"),
    .init(name: "other subject, no complaint", json: #"{"subject":"other","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "reclaim-first", route: "caisse"),
    .init(name: "a channel is accepted", json: complaint(on: "2026-11-02", answer: "none", today: "2026-11-10", extra: #","complaint_channel":"ameli""#),
          recommendation: "wait-for-answer", route: "caisse", waitUntil: "2026-11-23", conciliatorFrom: "2026-11-24"),
    // Rule 4.
    .init(name: "refusal of care (C2S/AME): straight to the médiateur", json: #"{"subject":"care-refusal","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "refer-to-conciliator", route: "conciliator", rule: "r4-care-refusal"),
    .init(name: "specialist access: direct, unconfirmed", json: #"{"subject":"specialist-access","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "refer-to-conciliator", route: "conciliator", rule: "r4-specialist"),
    .init(name: "no médecin traitant: the caisse first today", json: #"{"subject":"no-gp","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
          recommendation: "reclaim-first", route: "caisse", rule: "r4-no-gp"),
    .init(name: "no médecin traitant, complaint unanswered after 3 weeks", json: complaint("no-gp", on: "2026-10-01", answer: "none", today: "2026-11-23"),
          recommendation: "refer-to-conciliator", route: "conciliator", rule: "r4-no-gp"),
    .init(name: "refusal of care, satisfied after a complaint", json: complaint("care-refusal", on: "2026-10-01", answer: "satisfactory", today: "2026-11-23"),
          recommendation: "no-action", route: nil),
]

struct RoutingError: CustomTestStringConvertible, Sendable {
    let name: String
    let json: String
    let field: String?
    let fragment: String
    var testDescription: String { name }
}

let routingErrors: [RoutingError] = [
    .init(name: "notification in the future", json: decision(notified: "2026-11-24", today: "2026-11-23"), field: "notified_on", fragment: "futur"),
    .init(name: "complaint in the future", json: complaint(on: "2026-12-01", answer: "none", today: "2026-11-23"), field: "complaint_on", fragment: "futur"),
    .init(name: "31 February", json: decision(notified: "2026-02-31", today: "2026-11-23"), field: "notified_on", fragment: "n'existe pas"),
    .init(name: "a date in another form", json: decision(notified: "05/10/2026", today: "2026-11-23"), field: "notified_on", fragment: "AAAA-MM-JJ"),
    .init(name: "an unknown key", json: #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"urgent":true}"#, field: "urgent", fragment: "clé inconnue"),
    .init(name: "court_case_pending missing", json: #"{"subject":"functioning","complaint_made":false}"#, field: "court_case_pending", fragment: "nécessaire"),
    .init(name: "complaint date missing", json: #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_answer":"none"}"#, field: "complaint_on", fragment: "nécessaire"),
    .init(name: "a yes/no given as text", json: #"{"subject":"functioning","court_case_pending":"no","complaint_made":false}"#, field: "court_case_pending", fragment: "true ou false"),
    .init(name: "an unknown subject", json: #"{"subject":"refund","court_case_pending":false,"complaint_made":false}"#, field: "subject", fragment: "decision-admin"),
    .init(name: "subject missing", json: #"{"court_case_pending":false,"complaint_made":false}"#, field: "subject", fragment: "nécessaire"),
    .init(name: "a département that does not exist", json: decision(notified: "2026-10-05", today: "2026-11-23", extra: #","department":"999""#), field: "department", fragment: "département"),
    .init(name: "null where no unknown is allowed", json: #"{"subject":"functioning","court_case_pending":null,"complaint_made":false}"#, field: "court_case_pending", fragment: "null"),
    .init(name: "unsure decision without the medical question", json: decision("decision-unsure", notified: "2026-10-05", today: "2026-11-23"), field: "medical_opinion", fragment: "nécessaire"),
    .init(name: "a bad today", json: #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"tomorrow"}"#, field: "today", fragment: "AAAA-MM-JJ"),
]

@Suite("Routing of the 2026 dialogue (domain rules 1 to 6, 8 to 13)")
struct RoutingTests {
    static let dialogue = try! loadShipped()

    func route(_ json: String, today: CivilDate? = nil) -> Swift.Result<RoutedCase, CaseError> {
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError("test JSON does not parse: \(json)") }
        return Triage(dialogue: Self.dialogue).route(pairs, todayOverride: today, clockToday: date("2000-01-01"))
    }

    func output(_ result: Result, _ name: String) -> String? {
        let i = Self.dialogue.outputs.firstIndex { $0.name == name }!
        if case .date(let d) = result.outputs[i] { return d.iso }
        return nil
    }

    @Test(arguments: routingCases)
    func routes(_ c: RoutingCase) throws {
        let routed = try route(c.json).get()
        let outcome = Self.dialogue.outcomes[routed.result.outcome]
        #expect(outcome.recommendation.rawValue == c.recommendation)
        #expect(outcome.route == c.route)
        #expect(output(routed.result, "appeal_deadline") == c.appealDeadline)
        #expect(output(routed.result, "wait_until") == c.waitUntil)
        #expect(output(routed.result, "conciliator_from") == c.conciliatorFrom)
        if let rule = c.rule { #expect(routed.result.rules(in: Self.dialogue).contains(rule), "rules: \(routed.result.rules(in: Self.dialogue))") }
        #expect(!routed.result.ruleIndices.isEmpty || outcome.recommendation == .noAction)
    }

    @Test(arguments: routingErrors)
    func refuses(_ c: RoutingError) {
        switch route(c.json) {
        case .success(let routed):
            Issue.record("routed to \(Self.dialogue.outcomes[routed.result.outcome].id)")
        case .failure(let error):
            #expect(error.field == c.field)
            #expect(error.message.contains(c.fragment), "\(error.message)")
        }
    }

    @Test("The --today option wins over the case's own today")
    func todayOverride() throws {
        let json = decision(notified: "2026-10-05", today: "2026-11-23")
        let routed = try route(json, today: date("2026-12-08")).get()
        #expect(routed.today == date("2026-12-08"))
        #expect(Self.dialogue.outcomes[routed.result.outcome].recommendation == .reclaimFirst)
    }

    @Test("Every rule cited exists with sources, and the unconfirmed one says so")
    func rulesHaveSources() {
        for rule in Self.dialogue.rules {
            #expect(!rule.sources.isEmpty, "\(rule.id)")
        }
        #expect(Self.dialogue.rule("r4-specialist")?.confirmed == false)
    }
}
