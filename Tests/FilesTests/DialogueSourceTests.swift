import DialogueKit
import Files
import Foundation
import Testing

/// One way to a dialogue for both programs, with the same bounds everywhere.
@Suite("Dialogue sources: the built-in rules, a file, a folder")
struct DialogueSourceTests {
    /// The repository's shipped dialogue, found from this file's place.
    static let shippedFile: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/dialogues/conciliation.yaml"
    }()

    @Test("The built-in rules and the same file read from disk are the same dialogue")
    func builtInAndFile() throws {
        let builtIn = try DialogueSource.shipped(named: "conciliation.yaml")
        let file = try DialogueSource.load(file: Self.shippedFile)
        #expect(builtIn.id == file.id && builtIn.version == file.version)
        #expect(builtIn.questions.map(\.id) == file.questions.map(\.id))
        #expect(try DialogueSource.shipped(named: "conciliation-2007").id == "conciliation-2007")
    }

    @Test("An unknown name lists the shipped ones; a folder given is read instead of the built-in rules")
    func namesAndFolders() throws {
        do {
            _ = try DialogueSource.shipped(named: "autre.yaml")
            Issue.record("an unknown name was loaded")
        } catch .notShipped(let name, let shipped) {
            #expect(name == "autre.yaml")
            #expect(shipped.contains("conciliation.yaml") && shipped.contains("conciliation-2007.yaml"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        try inScratchFolder { folder in
            do throws(DialogueSource.Failure) {
                _ = try DialogueSource.shipped(named: "conciliation.yaml", overriddenBy: folder)
                Issue.record("a folder without the file fell back to the built-in rules")
            } catch .unreadable(let error) {
                #expect(error == FileError(path: folder + "/conciliation.yaml", .system(.noSuchFileOrDirectory)))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("A file past the bound is refused before it is parsed; a broken one says where")
    func boundsAndErrors() throws {
        try inScratchFolder { folder in
            let big = folder + "/big.yaml", broken = folder + "/broken.yaml"
            try FileIO.writeAtomically([UInt8](repeating: 0x23, count: DialogueSource.limit + 1), to: big, overwrite: false)
            do throws(DialogueSource.Failure) {
                _ = try DialogueSource.load(file: big)
                Issue.record("a file past the bound was read")
            } catch .unreadable(let error) {
                #expect(error == FileError(path: big, .tooLarge(bytes: DialogueSource.limit + 1, mebibytes: 4)))
            } catch {
                Issue.record("unexpected \(error)")
            }
            try FileIO.writeAtomically(Array("dialogue: [\n".utf8), to: broken, overwrite: false)
            do throws(DialogueSource.Failure) {
                _ = try DialogueSource.load(file: broken)
                Issue.record("a broken file was loaded")
            } catch .invalid(let error) {
                #expect(error.description.hasPrefix(broken + ":"), "file:line:column, got \(error.description)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
