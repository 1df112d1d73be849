import DialogueKit
import Foundation

// What the tests of the core and of the authoring tools share: the shipped rules,
// a small dialogue to break one line at a time, dates.

/// The repository's root, found from this file's place, so tests run from anywhere.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

public func loadShipped(_ name: String = "conciliation.yaml") throws -> Dialogue {
    let path = repositoryRoot + "/dialogues/" + name
    return try DialogueLoader.load(yaml: String(contentsOfFile: path, encoding: .utf8), file: "dialogues/" + name)
}

public func date(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return d
}

/// A small valid dialogue; each test breaks one line of it.
public let miniDialogue = """
    dialogue: mini
    version: "1"
    title: {fr: Mini, en: Mini}
    start: topic
    sources:
      s1: {title: Une source, url: "https://example.org"}
    rules:
      r1:
        title: {fr: Règle, en: Rule}
        text: {fr: Texte, en: Text}
        sources: [s1]
    outputs:
      appeal_deadline: {type: date, label: {fr: A, en: A}}
      wait_until: {type: date, label: {fr: W, en: W}}
      conciliator_from: {type: date, label: {fr: C, en: C}}
    questions:
      topic:
        kind: choice
        label: {fr: Sujet, en: Topic}
        ask:
          agent: {fr: Demandez, en: Ask}
          self: {fr: Quoi ?, en: What?}
        help: {fr: Aide, en: Help}
        choices:
          a: {fr: A, en: A}
          b: {fr: B, en: B}
        next:
          - when: 'topic == "a"'
            goto: done
            rule: r1
          - goto: when_q
      when_q:
        kind: date
        label: {fr: Date, en: Date}
        ask:
          agent: {fr: Quand ?, en: When?}
          self: {fr: Quand ?, en: When?}
        help: {fr: Aide, en: Help}
        next: done
    outcomes:
      done:
        recommendation: reclaim-first
        route: caisse
        title: {fr: Fini, en: Done}
        summary: {fr: Résumé, en: Summary}
    """

public func loadErrors(_ yaml: String) -> [String] {
    do {
        _ = try DialogueLoader.load(yaml: yaml, file: "mini.yaml")
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

public func replacing(_ old: String, with new: String) -> String {
    precondition(miniDialogue.contains(old), "fixture has no \(old)")
    return miniDialogue.replacingOccurrences(of: old, with: new)
}
