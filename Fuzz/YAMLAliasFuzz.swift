/// YAML built around anchors and aliases from any bytes: the first two bytes give
/// a « billion laughs » of up to 15 levels of up to 15 aliases, the rest is
/// appended as more YAML. Read as a dialogue and as a case file, it is loaded or
/// refused with a position, in bounded time and memory (libFuzzer's -timeout and
/// -rss_limit_mb), and a file that expands past the bound is always refused.
public func fuzzYAMLWithAliases(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let levels = size > 0 ? Int(bytes[0] % 16) : 0
    let width = size > 1 ? Int(bytes[1] % 16) : 0
    var yaml = "name: bombe\na0: &a0 [x]\n"
    if levels > 0 {
        for level in 1...levels {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]\n"
        }
    }
    if size > 2 { yaml += String(decoding: bytes[2...], as: UTF8.self) }
    // Values the bomb alone expands to: 1 + width + width² + … per level, and more.
    var expanded = 1.0
    var level = 1.0
    for _ in 0..<levels {
        level = level * Double(width) + 1
        expanded += level
    }
    let mustRefuse = expanded > Double(YAMLParser.nodeLimit) * 1.1
    do {
        _ = try DialogueLoader.load(yaml: yaml, file: "bombe.yaml")
        if mustRefuse { finding("a dialogue of \(expanded) values accepted past the bound") }
    } catch {
        for problem in error.errors { checkMessage(problem.message, "alias dialogue") }
    }
    do {
        _ = try CaseFile.load(yaml: yaml, file: "bombe.yaml")
        if mustRefuse { finding("a case file of \(expanded) values accepted past the bound") }
    } catch {
        checkMessage("\(error)", "alias case file")
    }
    return 0
}
