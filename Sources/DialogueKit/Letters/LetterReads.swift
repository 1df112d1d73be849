/// What the letters read of a dialogue by name: its questions (with the kind of
/// answer and the choices the letters compare with), a computed value, outputs.
/// A dialogue that declares `letters:` is checked against this list when it
/// loads, so that a question renamed in the rules is an error at `letters:`'s
/// line, never a letter that silently loses a sentence; and the writer reads a
/// question, the computed value and an output only through these lists
/// (`LetterComputed`, `LetterOutput` below), so the compiler keeps the two
/// together.
enum LetterQuestion: String, CaseIterable {
    case subject
    case notifiedOn = "notified_on"
    case noticeStatesDeadline = "notice_states_deadline"
    case complaintMade = "complaint_made"
    case complaintOn = "complaint_on"
    case complaintChannel = "complaint_channel"
    case complaintAnswer = "complaint_answer"
    case appealFiled = "appeal_filed"
    case appealReceivedOn = "appeal_received_on"
    case appealAnswer = "appeal_answer"
    case appealDecidedOn = "appeal_decided_on"
    case appealNoticeStatesDeadline = "appeal_notice_states_deadline"
    case courtCasePending = "court_case_pending"

    /// The kind of answer the letters take from it.
    var valueType: ValueType {
        switch self {
        case .notifiedOn, .complaintOn, .appealReceivedOn, .appealDecidedOn: return .date
        case .noticeStatesDeadline, .complaintMade, .appealNoticeStatesDeadline, .courtCasePending: return .bool
        case .subject, .complaintChannel, .complaintAnswer, .appealFiled, .appealAnswer: return .string
        }
    }

    /// Whether every dialogue with letters must ask it: the rules of 2007 had no
    /// court deadline on a commission's decision to state.
    var required: Bool { self != .appealNoticeStatesDeadline }

    /// The choices a letter tells apart by their value, which the dialogue must
    /// offer (a channel or a joint appeal that a dialogue does not have is only
    /// never met).
    var choicesCompared: [String] {
        switch self {
        case .subject: return ["care-refusal"]
        case .complaintAnswer, .appealAnswer: return ["unsatisfactory"]
        default: return []
        }
    }

    /// What a dialogue with letters lacks of what they read, reported at `position`.
    static func problems(in dialogue: Dialogue, at position: SourcePosition) -> [DialogueError] {
        var problems: [String] = []
        for read in allCases {
            guard let question = dialogue.question(named: read.rawValue) else {
                if read.required { problems.append("the letters read the question `\(read.rawValue)`, which this dialogue does not ask") }
                continue
            }
            if question.kind.valueType != read.valueType {
                problems.append("the letters read `\(read.rawValue)` as \(read.valueType), but it is asked as \(question.kind.valueType)")
            }
            if case .choice(let choices) = question.kind {
                for value in read.choicesCompared where !choices.contains(where: { $0.value == value }) {
                    problems.append("the letters look for the choice `\(value)` of `\(read.rawValue)`, which it does not offer")
                }
            }
        }
        for read in LetterComputed.allCases where !dialogue.computed.contains(where: { $0.name == read.rawValue }) {
            problems.append("the letters read the computed value `\(read.rawValue)`, which this dialogue does not define")
        }
        for read in LetterOutput.allCases where !dialogue.outputs.contains(where: { $0.name == read.rawValue }) {
            problems.append("the letters read the output `\(read.rawValue)`, which this dialogue does not declare")
        }
        return problems.map { DialogueError(position, $0) }
    }
}

/// The computed value the letters read, checked with the questions.
enum LetterComputed: String, CaseIterable {
    case citesWrittenComplaint = "cites_written_complaint"
}

/// The outputs the letters read, checked with the questions.
enum LetterOutput: String, CaseIterable {
    case appealDeadline = "appeal_deadline"
    case courtNotBefore = "court_not_before"
}
