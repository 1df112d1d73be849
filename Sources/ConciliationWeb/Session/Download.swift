import DialogueKit

/// A file made on request for the person to save, and kept nowhere.
struct Download: Equatable, Sendable {
    let name: String
    let contentType: String
    let bytes: [UInt8]

    init(name: String, format: ExportFormat, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        contentType = format.mediaType
    }

    init(name: String, markdown: Bool, bytes: [UInt8]) {
        self.init(name: name, format: markdown ? .markdown : .text, bytes: bytes)
    }
}
