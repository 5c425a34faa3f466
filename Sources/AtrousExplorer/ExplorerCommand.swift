import AtrousCore

/// One `:` command: its names, how it is written, what it does, and how its arguments
/// become an ``ExplorerAction``. ``all`` is the single list that the parser and the help
/// read.
public struct ExplorerCommand: Sendable {
    /// The name and its abbreviations, e.g. `["quit", "q"]`.
    public let names: [String]
    /// How to write it, e.g. `:rate R[,C]`.
    public let usage: String
    /// What it does, in a few words.
    public let summary: String
    /// Turns the text after the name into an action.
    let action: @Sendable (CommandArguments) throws(CommandError) -> ExplorerAction

    /// Reads one command line (with or without the leading `:`).
    ///
    /// - Returns: the action, or nil for an empty line.
    /// - Throws: ``CommandError`` naming what could not be read.
    public static func parse(_ line: String) throws(CommandError) -> ExplorerAction? {
        var text = Substring(line)
        while text.first == " " || text.first == ":" { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        guard !text.isEmpty else { return nil }
        let name = String(text.prefix { $0 != " " })
        var rest = text.dropFirst(name.count)
        while rest.first == " " { rest.removeFirst() }
        guard let command = all.first(where: { $0.names.contains(name.lowercased()) }) else {
            throw .unknownCommand(name)
        }
        return try command.action(CommandArguments(command: command, rest: String(rest)))
    }
}

/// The text after a command's name, with the readers every command shares.
struct CommandArguments {
    let command: ExplorerCommand
    /// Everything after the name, trimmed.
    let rest: String

    /// The arguments split at spaces.
    var words: [String] { rest.split(separator: " ").map(String.init) }
    var name: String { command.names[0] }

    /// Fails unless there is no argument.
    func none() throws(CommandError) {
        guard rest.isEmpty else { throw invalid(rest) }
    }

    /// The whole argument text, which must not be empty.
    func required() throws(CommandError) -> String {
        guard !rest.isEmpty else { throw .missingArgument(command: name, usage: command.usage) }
        return rest
    }

    /// `3`, `3x5` or `3,5` (height first), read by ``Pair/init(parsing:)``.
    func pair(_ text: String) throws(CommandError) -> Pair {
        guard let pair = Pair(parsing: text) else { throw invalid(text) }
        return pair
    }

    /// A (row, column) written `Y,X`.
    func cell(_ text: String) throws(CommandError) -> GridPosition {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int(trimmed($0)) }
        guard parts.count == 2, let row = parts[0], let column = parts[1] else { throw invalid(text) }
        return GridPosition(row: row, column: column)
    }

    func integer(_ text: String) throws(CommandError) -> Int {
        guard let value = Int(text) else { throw invalid(text) }
        return value
    }

    /// A decimal number, or a fraction such as `1/9`.
    func number(_ text: String) throws(CommandError) -> Double {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: if let value = Double(parts[0]) { return value }
        case 2: if let n = Double(parts[0]), let d = Double(parts[1]), d != 0 { return n / d }
        default: break
        }
        throw invalid(text)
    }

    /// The value of an option written `key=value`, or nil when the word is not that option.
    func option(_ key: String, in word: String) -> Substring? {
        word.lowercased().hasPrefix(key + "=") ? word.dropFirst(key.count + 1) : nil
    }

    func invalid(_ argument: String) -> CommandError {
        .invalidArgument(command: name, argument: argument, usage: command.usage)
    }
}

private func trimmed(_ text: Substring) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
}
