import DialogueAuthoring
import DialogueFixtures
import Testing

@testable import DialogueKit

/// The keys rules 2026.4 added to the stable `triage` interface (the README's
/// "The scriptable interface"): a date
/// whose absence means something else than null, a choice that takes a JSON
/// boolean, and the two result keys always present.
@Suite("triage: the keys and result keys of rules 2026.4")
struct TriageKeysTests {
    let dialogue: Dialogue
    let triage: Triage

    init() throws {
        dialogue = try loadShipped()
        triage = Triage(dialogue: dialogue)
    }

    func route(_ json: String) -> Result<RoutedCase, CaseError> {
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError("bad test JSON \(json)") }
        return triage.route(pairs, todayOverride: nil, clockToday: date("2026-11-28"))
    }

    func observed(_ json: String) throws -> CaseFile.Observed {
        CaseFile.Observed(try route(json).get(), dialogue: dialogue)
    }

    let passed = #"{"subject":"decision-admin","notified_on":"2026-08-03","court_case_pending":false,"complaint_made":false"#

    @Test("A médiateur's date: absent is « not seized », null is « accepted, day unknown », a day moves the deadline")
    func mediatorPresenceAndNull() throws {
        let absent = try observed(passed + #","today":"2026-12-28"}"#)
        #expect(absent.route == "cra")
        #expect(absent.outputs["appeal_deadline"] == "2026-10-05")
        let unknown = try observed(passed + #","mediator_accepted_on":null,"today":"2026-12-28"}"#)
        #expect(unknown.route == "cra")
        #expect(unknown.outputs["appeal_deadline"] == .some(nil))
        #expect(unknown.rules.contains("r15-suspended"))
        let moved = try observed(
            passed + #","mediator_accepted_on":"2026-09-03","mediator_recommended_on":"2026-12-20","today":"2026-12-28"}"#)
        #expect(moved.outputs["appeal_deadline"] == "2027-01-18")
        #expect(moved.outputs["appeal_deadline_latest"] == "2027-01-22")
    }

    @Test("The interview's own questions behind a date key are not keys")
    func companionsAreNotKeys() throws {
        for key in ["mediator", "mediator_recommendations", "legal_aid", "legal_aid_decision", "appeal_documents"] {
            guard case .failure(let error) = route(passed + #","\#(key)":"none","today":"2026-12-28"}"#) else {
                Issue.record("\(key) was accepted as a key")
                continue
            }
            #expect(error.field == key)
            #expect(!error.message.contains("\(key),"), "the list of keys must not offer \(key)")
        }
    }

    @Test("decision_changed_in_writing takes true, false and \"partial\"; any other value is refused with its field")
    func writtenChangeValues() throws {
        let satisfied =
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-10","complaint_channel":"phone","complaint_answer":"satisfactory""#
        #expect(try observed(satisfied + #","decision_changed_in_writing":true}"#).recommendation == "no-action")
        #expect(try observed(satisfied + #","decision_changed_in_writing":false}"#).rules.contains("r2-contest-anyway"))
        #expect(try observed(satisfied + #"}"#).rules.contains("r2-contest-anyway"))
        let partial = try observed(satisfied + #","decision_changed_in_writing":"partial"}"#)
        #expect(partial.rules.contains("r2-partial"))
        #expect(partial.outputs["appeal_deadline_latest"] == .some(nil))
        guard case .failure(let error) = route(satisfied + #","decision_changed_in_writing":"yes"}"#) else {
            Issue.record("\"yes\" accepted")
            return
        }
        #expect(error.field == "decision_changed_in_writing")
        #expect(error.message.contains("true, \"partial\", false"))
    }

    @Test("Saint-Barthélemy (977) and Saint-Pierre-et-Miquelon (975) are refused with where to turn; 978 is Saint-Martin")
    func overseasCaisses() throws {
        for (code, words) in [("977", "MSA"), ("975", "Saint-Pierre-et-Miquelon")] {
            guard
                case .failure(let error) = route(
                    #"{"subject":"decision-admin","notified_on":"2026-10-05","department":"\#(code)","court_case_pending":false,"complaint_made":false}"#
                )
            else {
                Issue.record("\(code) accepted")
                continue
            }
            #expect(error.field == "department")
            #expect(error.message.contains(words))
        }
        let stMartin = try observed(
            #"{"subject":"decision-admin","notified_on":"2027-03-27","notice_states_deadline":true,"department":"978","court_case_pending":false,"complaint_made":false,"today":"2027-05-28"}"#
        )
        #expect(stMartin.outputs["appeal_deadline"] == "2027-05-28")
        #expect(stMartin.outputs["appeal_deadline_latest"] == "2027-05-31")
    }

    @Test("Every result carries appeal_deadline_latest and court_not_before, null where they mean nothing")
    func resultKeysAlwaysThere() throws {
        let functioning = try observed(#"{"subject":"functioning","court_case_pending":false,"complaint_made":false}"#)
        #expect(functioning.outputs.keys.contains("appeal_deadline_latest"))
        #expect(functioning.outputs.keys.contains("court_not_before"))
        #expect(functioning.outputs["court_not_before"] == .some(nil))
        let joint = try observed(
            #"{"subject":"decision-admin","notified_on":"2026-07-01","appeal_filed":"cra-cmra","appeal_received_on":"2026-07-15","appeal_answer":"none","court_case_pending":false,"today":"2027-01-20"}"#
        )
        #expect(joint.route == "court")
        #expect(joint.outputs["court_not_before"] == "2027-01-16")
        #expect(joint.outputs["appeal_deadline"] == "2027-03-15")
    }
}
