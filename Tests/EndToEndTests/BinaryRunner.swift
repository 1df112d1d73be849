import Foundation

/// The built `conciliation` binary, run as a user would: arguments, standard
/// input, exit status, standard output and error.
struct BinaryRunner {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String =
        ProcessInfo.processInfo.environment["CONCILIATION_BIN"]
        ?? root + "/.build/debug/conciliation"

    /// The page's server, `conciliation-serve`, built beside it.
    static let serveBinary: String =
        ProcessInfo.processInfo.environment["CONCILIATION_SERVE_BIN"]
        ?? root + "/.build/debug/conciliation-serve"

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        directory: String? = nil, executable: String = binary, unset: [String] = []
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        for name in unset { env[name] = nil }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Standard input and error go through files: no pipe can fill up and block.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("conciliation-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("stdin"), errorFile = scratch.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: inputFile)
        try Data().write(to: errorFile)
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    static func json(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }
}
