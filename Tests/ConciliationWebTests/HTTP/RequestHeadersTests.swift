import HTTPTypes
import Testing

@testable import ConciliationWeb

@Suite("The request's headers, read once")
struct RequestHeadersTests {
    @Test("The headers read in one pass are those HTTPFields' subscripts give, on random requests")
    func headersInOnePass() {
        let names: [HTTPField.Name] = [
            .contentType, .contentLength, .acceptLanguage, .secFetchSite, .xForwardedProto, .cookie, .accept, .userAgent,
            HTTPField.Name("content-TYPE")!, HTTPField.Name("COOKIE")!, HTTPField.Name("Accept-language")!,
        ]
        let values = ["", "fr", "en-GB,en;q=0.8", "application/x-www-form-urlencoded", "12", "same-origin", "https", "a=1; csrf=x", "é ü"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var fields = HTTPFields()
            for _ in 0..<Int.random(in: 0...9, using: &generator) {
                fields.append(HTTPField(name: names.randomElement(using: &generator)!, value: values.randomElement(using: &generator)!))
            }
            let headers = RequestHeaders(fields)
            #expect(headers.contentType == fields[.contentType], "\(fields)")
            #expect(headers.contentLength == fields[.contentLength], "\(fields)")
            #expect(headers.acceptLanguage == fields[.acceptLanguage], "\(fields)")
            #expect(headers.secFetchSite == fields[.secFetchSite], "\(fields)")
            #expect(headers.forwardedProto == fields[.xForwardedProto], "\(fields)")
            #expect(headers.cookies == fields[values: .cookie], "\(fields)")
        }
    }
}
