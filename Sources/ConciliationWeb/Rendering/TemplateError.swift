/// A template that cannot be used, with where: `Templates/question.mustache:12:5: …`.
/// Templates are built in, so this stops the server before it listens; a test
/// loads them all, so it never reaches a user.
struct TemplateError: Error, CustomStringConvertible, Equatable {
    let template: String
    let line: Int
    let column: Int
    let problem: String

    var description: String { "Templates/\(template).mustache:\(line):\(column): \(problem)" }
}
