import ArgumentParser
import DialogueKit
import Testing

@testable import ConciliationCLI

/// The launcher's quick path reads a plain interview line without ArgumentParser
/// (its reflection cost a fifth of the start): it must read exactly what
/// ArgumentParser reads, and leave everything else to it.
@Suite("The quick path for a plain interview line")
struct LauncherTests {
    @Test(
        "Read as ArgumentParser reads it",
        arguments: [
            [], ["--no-save"], ["--today", "2026-11-23"], ["--lang", "en", "--audience", "agent"],
            ["--dialogue", "/tmp/d.yaml", "--no-save", "--today", "1900-01-01", "--lang", "fr", "--audience", "self"],
        ])
    func sameAsArgumentParser(arguments: [String]) throws {
        let quick = try #require(InterviewCommand.Settings.quick(arguments))
        #expect(quick == (try InterviewCommand.parse(arguments)).settings)
    }

    @Test(
        "Anything else is left to ArgumentParser, which explains it",
        arguments: [
            ["--help"], ["-h"], ["help"], ["triage", "-"], ["interview"], ["--today", "2026-13-45"], ["--today"],
            ["--lang", "de"], ["--no-save", "--no-save"], ["--today=2026-11-23"], ["--bogus"], ["--dialogue", "--no-save"],
            ["--generate-completion-script", "bash"],
        ])
    func leftToArgumentParser(arguments: [String]) {
        #expect(InterviewCommand.Settings.quick(arguments) == nil)
    }
}
