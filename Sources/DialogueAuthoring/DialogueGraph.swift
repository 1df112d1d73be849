import DialogueKit

/// The dialogue as a picture: questions, decision points, outcomes, and the guards
/// in words on the arrows, each with the rule it applies.
public struct DialogueGraph: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case dot, mermaid
    }

    public let dialogue: Dialogue
    public let language: Language

    public init(dialogue: Dialogue, language: Language) {
        self.dialogue = dialogue
        self.language = language
    }

    struct Edge {
        let from: String
        let to: String
        let label: String
    }

    private func edges() -> [Edge] {
        let words = GuardWords(dialogue: dialogue, language: language)
        func list(_ from: String, _ next: [Transition]) -> [Edge] {
            next.map { t in
                var label = t.condition.map { words.words($0.tree) } ?? (next.count > 1 ? Message.otherwise.text(language) : "")
                if let rule = t.rule { label += (label.isEmpty ? "" : " ") + "[\(rule)]" }
                return Edge(from: from, to: t.targetName, label: label)
            }
        }
        return dialogue.questions.flatMap { list($0.id, $0.next) } + dialogue.branches.flatMap { list($0.id, $0.next) }
    }

    static func escapeDot(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// "jusqu'au {wait_until}" reads "jusqu'au …" on a picture of every case.
    static func hideSlots(_ s: String) -> String {
        var out = "", inside = false
        for c in s {
            if c == "{" { inside = true; out += "…" } else if c == "}" { inside = false } else if !inside { out.append(c) }
        }
        return out
    }

    /// Breaks a label into lines of about `width` characters.
    static func fold(_ s: String, width: Int = 34) -> String {
        var lines: [String] = [], line = ""
        for word in s.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    private func colour(_ r: Recommendation) -> String {
        switch r {
        case .contentiousAppeal: return "#f4cccc"
        case .referToConciliator: return "#d9ead3"
        case .reclaimFirst: return "#fff2cc"
        case .waitForAnswer: return "#cfe2f3"
        case .noAction: return "#eeeeee"
        }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: return dot()
        case .mermaid: return mermaid()
        }
    }

    func dot() -> String {
        var out = [
            "digraph \"\(dialogue.id)\" {",
            "  label=\"\(Self.escapeDot(dialogue.title.text(language) + " — " + dialogue.version))\"; labelloc=t; fontsize=18;",
            "  rankdir=TB; node [fontname=\"Helvetica\", fontsize=11]; edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for (i, q) in dialogue.questions.enumerated() {
            let text = Self.fold(q.label.text(language)) + "\n(" + Message.kindName(q.kind.name).text(language) + ")"
            out.append("  \"\(q.id)\" [shape=box, style=rounded, label=\"\(Self.escapeDot(text))\"\(i == 0 ? ", penwidth=2" : "")];")
        }
        for b in dialogue.branches {
            out.append("  \"\(b.id)\" [shape=diamond, label=\"\(Self.escapeDot(Self.fold(b.title.text(language), width: 24)))\"];")
        }
        for o in dialogue.outcomes {
            let text =
                Self.fold(Self.hideSlots(o.title.text(language))) + "\n" + o.recommendation.rawValue + (o.route.map { " / " + $0 } ?? "")
            out.append(
                "  \"\(o.id)\" [shape=box, style=\"filled,rounded\", fillcolor=\"\(colour(o.recommendation))\", label=\"\(Self.escapeDot(text))\"];"
            )
        }
        for e in edges() {
            out.append("  \"\(e.from)\" -> \"\(e.to)\" [label=\"\(Self.escapeDot(Self.fold(e.label, width: 40)))\"];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    func mermaid() -> String {
        func id(_ s: String) -> String { String(s.map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
        func text(_ s: String) -> String { String(s.map { $0 == "\"" ? "'" : $0 }) }
        var out = ["flowchart TD"]
        for q in dialogue.questions { out.append("  \(id(q.id))[\"\(text(q.label.text(language)))\"]") }
        for b in dialogue.branches { out.append("  \(id(b.id)){\"\(text(b.title.text(language)))\"}") }
        for o in dialogue.outcomes {
            out.append(
                "  \(id(o.id))([\"\(text(Self.hideSlots(o.title.text(language))))<br/>\(o.recommendation.rawValue)\(o.route.map { " / " + $0 } ?? "")\"])"
            )
        }
        for e in edges() {
            out.append("  \(id(e.from)) -->" + (e.label.isEmpty ? "" : "|\"\(text(e.label))\"|") + " \(id(e.to))")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
