import DialogueAuthoring
import DialogueKit
import Foundation
import ShippedRules
import Testing

@testable import ConciliationWeb

/// The pages' template reader and renderer: the Mustache the templates use, a tag
/// alone on its line taking the line with it, escaping, and a broken template
/// named by file, line and column before the server listens.
@Suite("Page templates")
struct TemplateTests {
    func render(
        _ templates: [(String, String)], _ name: String, _ values: TemplateFields, labels: [String: String] = [:]
    ) throws
        -> String
    {
        let set = try TemplateSet(templates.map { (name: $0.0, text: $0.1) }, label: { labels[$0] })
        let index = try #require(templates.firstIndex { $0.0 == name })
        return String(decoding: set.render(at: index, values), as: UTF8.self)
    }

    func failure(_ templates: [(String, String)], labels: [String: String] = [:]) -> String? {
        do {
            _ = try TemplateSet(templates.map { (name: $0.0, text: $0.1) }, label: { labels[$0] })
            return nil
        } catch {
            return error.description
        }
    }

    @Test("{{name}} escapes, {{{name}}} does not, a fixed text is escaped once at reading")
    func escaping() throws {
        let out = try render(
            [("p", "<p title=\"{{text}}\">{{text}}|{{{summary}}}|{{t.k}}</p>")], "p",
            [.text: .text("<\"Zoé\" & 'x'>"), .summary: .html(Array("<i>ok</i>".utf8))],
            labels: ["k": "A & B"])
        #expect(
            out
                == "<p title=\"&lt;&quot;Zoé&quot; &amp; &#39;x&#39;&gt;\">&lt;&quot;Zoé&quot; &amp; &#39;x&#39;&gt;|<i>ok</i>|A &amp; B</p>"
        )
    }

    @Test("Escaping, short texts and long, each special character anywhere, as the plain replacement does")
    func escapingLengths() {
        var generator = SplitMix64(seed: 9)
        let pieces = ["a", "é", " ", "<", ">", "&", "\"", "'", "«", "x"]
        for _ in 0..<2_000 {
            let text = (0..<Int(generator.next() % 150)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var out: [UInt8] = []
            HTMLEscaping.append(text, to: &out)
            let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    @Test("A text is escaped even where a template inserts it as markup; only ready-made HTML is not")
    func textNeverMarkup() throws {
        let out = try render(
            [("p", "{{{typed}}}|{{{help}}}|{{help}}")], "p", [.typed: .text("<script>x</script>"), .help: .html(Array("<b>ok</b>".utf8))])
        #expect(out == "&lt;script&gt;x&lt;/script&gt;|<b>ok</b>|&lt;b&gt;ok&lt;/b&gt;")
    }

    @Test("Sections: a list repeats, a flag shows, values are looked up from the innermost out")
    func sections() throws {
        let template =
            "{{#answers}}[{{name}}:{{site}}]{{/answers}}{{#editing}}on{{/editing}}{{^focus}}not off{{/focus}}{{^notice}}none{{/notice}}"
            + "{{#notes}}never{{/notes}}{{^notes}}empty{{/notes}}{{#steps}}<{{.}}>{{/steps}}{{#hint}}never{{/hint}}"
        let out = try render(
            [("p", template)], "p",
            [
                .answers: .list([.fields([.name: "a"]), .fields([.name: "b", .site: "own"])]), .site: "outer", .editing: true,
                .focus: false, .notes: .list([]), .steps: .list(["x", "y"]), .hint: "",
            ])
        #expect(out == "[a:outer][b:own]onnot offnoneempty<x><y>")
    }

    @Test("A section, close or partial tag alone on its line takes the line; one among text does not")
    func standaloneLines() throws {
        let page = "<ul>\n{{#steps}}\n  <li>{{.}}</li>\n  {{/steps}}\n</ul>\n{{> foot}}\n<p>{{#editing}}yes{{/editing}}</p>\n"
        let out = try render([("page", page), ("foot", "<footer>\n")], "page", [.steps: .list(["a", "b"]), .editing: true])
        #expect(out == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<footer>\n<p>yes</p>\n")
    }

    @Test(
        "A broken template is named by file, line and column",
        arguments: [
            ("a\n  {{#notes}}x", "Templates/p.mustache:2:3: “{{#notes}}” is never closed"),
            ("{{#notes}}\n{{/steps}}", "Templates/p.mustache:2:1: “{{/steps}}” does not close the open section; expected “{{/notes}}”"),
            ("x {{/a}}", "Templates/p.mustache:1:3: “{{/a}}” does not close the open section; expected no section to close"),
            ("é {{name", "Templates/p.mustache:1:3: “{{” is never closed by “}}”"),
            ("{{t.nope}}", "Templates/p.mustache:1:1: no text “nope” in WebMessage"),
            ("\n\n {{> nowhere}}", "Templates/p.mustache:3:2: no template “nowhere” to include"),
            ("{{> p}}", "Templates/p.mustache:1:1: “p” includes itself"),
            ("{{ }}", "Templates/p.mustache:1:1: a tag without a name"),
            ("<button name=\"do\" value=\"{{do.nope}}\">", "Templates/p.mustache:1:26: no button “nope” in PageButton"),
            ("<p>\n  {{nope}}", "Templates/p.mustache:2:3: no value named “nope” in TemplateName"),
            ("{{#notes}}{{^nope}}{{/nope}}{{/notes}}", "Templates/p.mustache:1:11: no value named “nope” in TemplateName"),
            ("{{{ nope }}}", "Templates/p.mustache:1:1: no value named “nope” in TemplateName"),
        ])
    func brokenTemplate(source: String, expected: String) {
        #expect(failure([("p", source)]) == expected)
    }

    @Test("A piece framed at start and filled at a request is the piece rendered whole; a frame needs its value shown once")
    func framedPieces() throws {
        let set = try TemplateSet(
            [("p", "<b title=\"{{label}}\">{{text}}</b>\n"), ("twice", "{{text}}{{text}}"), ("none", "x")], label: { _ in nil })
        let frame = try FramedPiece("p") { set.render(at: 0, [.label: "Zoé & co", .text: $0]) }
        for text in ["", "05/10/2026", "<script>\"x\" & 'y'</script>", "été\u{1}", "33"] {
            #expect(frame.filled(text) == set.render(at: 0, [.label: "Zoé & co", .text: .text(text)]), "\(text)")
        }
        let texts = ["Oui", "<b>", "été"]
        let offered = try FramedPiece("p", ahead: texts) { set.render(at: 0, [.label: "Zoé & co", .text: $0]) }
        for (i, text) in texts.enumerated() {
            #expect(offered.piece(option: i, text: "unused") == set.render(at: 0, [.label: "Zoé & co", .text: .text(text)]))
        }
        #expect(offered.piece(option: nil, text: "05/10/2026") == frame.filled("05/10/2026"))
        for (index, name) in [(1, "twice"), (2, "none")] {
            #expect(throws: TemplateError.self) { try FramedPiece(name) { set.render(at: index, [.text: $0]) } }
        }
    }

    @Test("Every shipped template reads, in both languages, with both rule sets")
    func shippedTemplates() throws {
        for name in ["conciliation.yaml", "conciliation-2007.yaml"] {
            let dialogue = try #require(ShippedRules.dialogue(named: name)).load()
            let renderer = try PageRenderer(dialogue: dialogue)
            for language in Language.allCases {
                for page in PageTemplate.allCases where page.page != nil {
                    #expect(String(decoding: renderer.render(page, language, [:]), as: UTF8.self).hasSuffix("</html>\n"), "\(page)")
                }
            }
        }
    }
}
