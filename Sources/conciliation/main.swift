import ConciliationCLI

// `--version` is answered before the command tree is built: it reads the shipped
// rules' versions, which a static ArgumentParser version string cannot hold.
if CommandLine.arguments.dropFirst() == ["--version"] {
    print(VersionText.text())
} else {
    Conciliation.main()
}
