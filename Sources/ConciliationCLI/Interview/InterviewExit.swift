/// How the interview loop ended.
public enum InterviewExit: Equatable, Sendable {
    case quit
    case endOfInput
    case terminated
}
