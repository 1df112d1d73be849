/// The words of the law that a letter uses and that change with the rules' era:
/// who the amicable body is, the article that keeps an unstated deadline from
/// being held against the person, the ruling a written complaint relies on, and
/// the court a person may already have seized. A dialogue states them under
/// `letters:`, so that a letter under the rules of 2007 names no body, article or
/// ruling that did not exist then.
public struct LetterTerms: Sendable, Equatable {
    /// « médiateur » (since the law of 10 August 2018) or « conciliateur ».
    public let amicableBody: String
    /// « article R. 142-1-A du code de la sécurité sociale ».
    public let noticeArticle: String
    /// The decision cited when a written complaint is said to have seized the
    /// commission; nil when the rules cite none.
    public let writtenComplaintAuthority: String?
    /// The court already seized, as it is named in a sentence: « le pôle social du
    /// tribunal judiciaire ».
    public let court: String

    public init(amicableBody: String, noticeArticle: String, writtenComplaintAuthority: String?, court: String) {
        self.amicableBody = amicableBody
        self.noticeArticle = noticeArticle
        self.writtenComplaintAuthority = writtenComplaintAuthority
        self.court = court
    }

    /// Today's law, for a dialogue without the section (a test dialogue, an older
    /// revision kept for `diff`).
    public static let currentLaw = LetterTerms(
        amicableBody: "médiateur", noticeArticle: "article R. 142-1-A du code de la sécurité sociale",
        writtenComplaintAuthority: "Cour de cassation, 2e chambre civile, 21 mars 2024, n° 22-13.906",
        court: "le pôle social du tribunal judiciaire")
}
