import DialogueKit
import Foundation

/// The repository's root, found from this file's place, so tests run from anywhere.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func loadShipped(_ name: String = "conciliation.yaml") throws -> Dialogue {
    let path = repositoryRoot + "/dialogues/" + name
    return try DialogueLoader.load(yaml: String(contentsOfFile: path, encoding: .utf8), file: "dialogues/" + name)
}

func date(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return d
}
