import ArgumentParser

do {
    let command = try Serve.parseAsRoot()
    guard let serve = command as? Serve else { throw CleanExit.helpRequest(command) }
    try await serve.serve()
} catch {
    Serve.exit(withError: error)
}
