/// How the interview loop ended.
public enum InterviewExit: Equatable {
    case quit
    case endOfInput
    case terminated
}
