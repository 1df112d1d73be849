import DialogueFixtures
import Testing

@testable import DialogueAuthoring
@testable import DialogueKit

/// The dialogue as a picture: what a label may hold never breaks the file that
/// draws it, and every node and arrow of the rules is drawn.
@Suite("graph: the dialogue drawn")
struct DialogueGraphTests {
    @Test("A label's quotes, backslashes and line breaks are escaped for Graphviz")
    func escaping() {
        #expect(DialogueGraph.escapeDot(#"la « CRA » dit "non" \ fin"# + "\nsuite") == #"la « CRA » dit \"non\" \\ fin\nsuite"#)
    }

    @Test("A value shown in a text is drawn as an ellipsis, a long label on lines of about 34 characters")
    func labels() {
        #expect(DialogueGraph.hideSlots("Attendez jusqu'au {wait_until}, puis {x}.") == "Attendez jusqu'au …, puis ….")
        let folded = DialogueGraph.fold("Avez-vous déjà contesté cette décision devant une commission de la caisse ?")
        #expect(folded.split(separator: "\n").allSatisfy { $0.count <= 34 })
        #expect(
            folded.replacingOccurrences(of: "\n", with: " ")
                == "Avez-vous déjà contesté cette décision devant une commission de la caisse ?")
        #expect(
            DialogueGraph.fold("motsanscoupurepossibleplusquetrentequatrecaracteres")
                == "motsanscoupurepossibleplusquetrentequatrecaracteres")
    }

    @Test("Every question, branch and outcome of the shipped rules is a node of both drawings", arguments: DialogueGraph.Format.allCases)
    func everyNode(format: DialogueGraph.Format) throws {
        let dialogue = try loadShipped()
        let drawing = DialogueGraph(dialogue: dialogue, language: .fr).render(format)
        for id in dialogue.questions.map(\.id) + dialogue.branches.map(\.id) + dialogue.outcomes.map(\.id) {
            // Mermaid names a node by its id with every sign but letters and digits as `_`.
            let name = format == .dot ? "\"\(id)\"" : "\n  " + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            #expect(drawing.contains(name), "\(id) is missing")
        }
    }
}
