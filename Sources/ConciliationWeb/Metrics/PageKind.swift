/// What an answer of the server was, as the metrics name it: a closed list, so
/// that no label ever carries what a request sent.
public enum PageKind: String, Sendable, CaseIterable {
    case home, question, result, letter, fault, problem, redirect, download, asset, health
}

/// Why a request was refused, as the metrics count it: a closed list.
public enum RefusalKind: String, Sendable, CaseIterable {
    /// A form not sent by this site (its token missing or wrong, or cross-site).
    case forged
    /// A form changed on the way: an answer that does not parse, an unknown field or button.
    case tampered
    case tooLarge = "too-large"
    case unreadable
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    /// An answer or a letter's detail refused, shown again with what was wrong (422).
    case answer
    case unexpected
}
