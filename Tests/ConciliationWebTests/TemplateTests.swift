import DialogueKit
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
        return String(decoding: try #require(set.render(name, values)), as: UTF8.self)
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
            [("p", "<p title=\"{{a}}\">{{a}}|{{{b}}}|{{t.k}}</p>")], "p", ["a": .text("<\"Zoé\" & 'x'>"), "b": .html("<i>ok</i>")],
            labels: ["k": "A & B"])
        #expect(
            out
                == "<p title=\"&lt;&quot;Zoé&quot; &amp; &#39;x&#39;&gt;\">&lt;&quot;Zoé&quot; &amp; &#39;x&#39;&gt;|<i>ok</i>|A &amp; B</p>"
        )
    }

    @Test("A text is escaped even where a template inserts it as markup; only ready-made HTML is not")
    func textNeverMarkup() throws {
        let out = try render(
            [("p", "{{{typed}}}|{{{made}}}|{{made}}")], "p", ["typed": .text("<script>x</script>"), "made": .html("<b>ok</b>")])
        #expect(out == "&lt;script&gt;x&lt;/script&gt;|<b>ok</b>|&lt;b&gt;ok&lt;/b&gt;")
    }

    @Test("Sections: a list repeats, a flag shows, values are looked up from the innermost out")
    func sections() throws {
        let template =
            "{{#items}}[{{name}}:{{site}}]{{/items}}{{#on}}on{{/on}}{{^off}}not off{{/off}}{{^missing}}none{{/missing}}"
            + "{{#empty}}never{{/empty}}{{^empty}}empty{{/empty}}{{#words}}<{{.}}>{{/words}}{{#blank}}never{{/blank}}"
        let out = try render(
            [("p", template)], "p",
            [
                "items": .list([.fields(["name": "a"]), .fields(["name": "b", "site": "own"])]), "site": "outer", "on": true,
                "off": false, "empty": .list([]), "words": .list(["x", "y"]), "blank": "",
            ])
        #expect(out == "[a:outer][b:own]onnot offnoneempty<x><y>")
    }

    @Test("A section, close or partial tag alone on its line takes the line; one among text does not")
    func standaloneLines() throws {
        let page = "<ul>\n{{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n{{> foot}}\n<p>{{#on}}yes{{/on}}</p>\n"
        let out = try render([("page", page), ("foot", "<footer>\n")], "page", ["items": .list(["a", "b"]), "on": true])
        #expect(out == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<footer>\n<p>yes</p>\n")
    }

    @Test(
        "A broken template is named by file, line and column",
        arguments: [
            ("a\n  {{#open}}x", "Templates/p.mustache:2:3: “{{#open}}” is never closed"),
            ("{{#a}}\n{{/b}}", "Templates/p.mustache:2:1: “{{/b}}” does not close the open section; expected “{{/a}}”"),
            ("x {{/a}}", "Templates/p.mustache:1:3: “{{/a}}” does not close the open section; expected no section to close"),
            ("é {{name", "Templates/p.mustache:1:3: “{{” is never closed by “}}”"),
            ("{{t.nope}}", "Templates/p.mustache:1:1: no text “nope” in WebMessage"),
            ("\n\n {{> nowhere}}", "Templates/p.mustache:3:2: no template “nowhere” to include"),
            ("{{> p}}", "Templates/p.mustache:1:1: “p” includes itself"),
            ("{{ }}", "Templates/p.mustache:1:1: a tag without a name"),
        ])
    func brokenTemplate(source: String, expected: String) {
        #expect(failure([("p", source)]) == expected)
    }

    @Test("Every shipped template reads, in both languages, with both rule sets")
    func shippedTemplates() throws {
        for name in ["conciliation.yaml", "conciliation-2007.yaml"] {
            let dialogue = try #require(ShippedRules.dialogue(named: name)).load()
            let renderer = try PageRenderer(dialogue: dialogue)
            for language in Language.allCases {
                #expect(String(decoding: renderer.render("home", language, [:]), as: UTF8.self).hasSuffix("</html>\n"))
                #expect(renderer.render("no-such-page", language, [:]).isEmpty)
            }
        }
    }
}
