import Foundation
import PackagePlugin

/// Builds the shipped rules into the binary: every `dialogues/*.yaml` and every
/// case under `dialogues/cases/`, verified by `embed-rules` (a dialogue that does
/// not load, or a case whose result is not the expected one, fails the build), then
/// written as a Swift source of the `ShippedRules` target.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folder = root.appending(path: "dialogues")
        let files = FileManager.default
        let dialogues = try files.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appending(path: $0) }
        var cases: [URL] = []
        if let walker = files.enumerator(at: folder.appending(path: "cases"), includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" { cases.append(url) }
        }
        cases.sort { $0.path() < $1.path() }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Verifying and building in the shipped rules (\(dialogues.count) dialogues, \(cases.count) cases)",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [output.path(), root.path()] + dialogues.map { $0.path() } + ["--cases"] + cases.map { $0.path() },
                inputFiles: dialogues + cases,
                outputFiles: [output])
        ]
    }
}
