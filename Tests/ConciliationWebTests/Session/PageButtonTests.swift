import DialogueKit
import Testing

@testable import ConciliationWeb

/// Issue 27, point 5: the buttons a page draws are named by `PageButton`, in the
/// templates as in the reading of a form; what no page draws is refused.
@Suite("The page's buttons")
struct PageButtonTests {
    @Test("Every button reads back from the value it sends")
    func roundTrip() {
        let buttons: [PageButton] =
            [
                .start, .show, .next, .unknown, .back, .letter, .letterPreview, .letterText, .letterMarkdown,
                .edit(questionID: "notified_on"),
            ]
            + Language.allCases.map { .language($0) } + ExportFormat.allCases.map { .export($0) }
        for button in buttons {
            #expect(PageButton(value: button.value) == button, "\(button.value)")
        }
        #expect(Set(buttons.map(\.value)).count == buttons.count, "no two buttons send the same value")
    }

    @Test(
        "A value no page draws is no button",
        arguments: ["", "Next", "lang-de", "lang-", "export-../../x.JSON", "export-JSON", "export-pdf", "letter-pdf", " start"])
    func refused(value: String) {
        #expect(PageButton(value: value) == nil)
    }

    @Test("Every button of every shipped template is a PageButton once the page fills it in")
    func templatesDrawOnlyButtons() throws {
        for template in PageTemplate.allCases {
            let source = String(decoding: template.file.source, as: UTF8.self)
            for match in source.matches(of: /name="do" value="([^"]*)"/) {
                let value = String(match.1).replacing("{{otherLang}}", with: "en").replacing("{{id}}", with: "notified_on")
                let written = value.replacing(/\{\{do\.([a-z-]+)\}\}/) { PageButton.templateText(String($0.1)) ?? "?" }
                #expect(PageButton(value: written) != nil, "\(template.name): \(value)")
                #expect(value.hasPrefix("{{do."), "\(template.name): a button's value comes from PageButton, not typed in the template")
            }
        }
    }
}
