import DialogueKit

/// What a button of the page asks for. The form says which button was pressed
/// (`do`), which question it answers (`q`) and how the page stood (`mode`).
enum PageEvent: Equatable, Sendable {
    /// "Commencer", or any request that only shows where the interview stands.
    case show
    /// The page at a step of the path, asked for by its address (`?step=`), with
    /// what the post that led there left to show once.
    case view(step: Int, flash: PageFlash)
    /// "Continuer" (`unknown`: "Je ne sais pas"), for the question asked or, when
    /// `editing`, for an earlier one.
    case answer(question: Int, text: String, unknown: Bool, editing: Bool)
    /// "Retour" on the page of `question`: the last answer on the path is taken
    /// back and offered again.
    case back(question: Int?)
    /// "Modifier" on an answered question.
    case edit(question: Int)
    /// "Préparer la lettre", or its page asked for by its address (`?page=letter`).
    case letter
    /// A letter's details sent, to download as Markdown or text.
    case letterDownload(LetterFields, markdown: Bool)
    /// A letter's details sent, to see the letter on the page first.
    case letterPreview(LetterFields)
    /// A download of the case summary.
    case export(ExportFormat)
}
