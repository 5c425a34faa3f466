/// Checks on the error text the binary prints.
enum Sentence {
    /// Whether `stderr` is one line, `Error: ` and one sentence ending in a full stop.
    static func isSingle(_ stderr: String) -> Bool {
        guard stderr.hasPrefix("Error: "), stderr.hasSuffix(".\n") else { return false }
        let body = stderr.dropFirst("Error: ".count).dropLast(2)
        return !body.contains("\n") && !body.contains(". ") && !body.contains("Fatal error")
    }
}
