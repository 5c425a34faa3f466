/// What the keyboard is talking to.
public enum ExplorerMode: Sendable, Hashable {
    /// Single keys change parameters and move the current cell.
    case normal
    /// The `:` command line is open and takes the keys as text.
    case commandLine(CommandLineText)
    /// The key help overlay covers the panels.
    case help
    /// The export menu is open: one key picks what to write (see ``ExportMenu``).
    case exportMenu
    /// A file to be written exists; `y` performs `effect` overwriting it, `n` keeps it.
    case confirmOverwrite(path: String, effect: ExplorerEffect)

    /// The command line being edited, or nil in another mode.
    public var commandLine: CommandLineText? {
        if case let .commandLine(line) = self { line } else { nil }
    }
}

/// The text of the `:` command line (without the colon) and the cursor in it.
public struct CommandLineText: Sendable, Hashable {
    /// The characters typed so far.
    public private(set) var text: String
    /// The cursor, as a count of characters before it (`0...text.count`).
    public private(set) var cursor: Int

    /// A line holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies one edit; edits that cannot apply (backspace at the start) do nothing.
    public mutating func apply(_ edit: CommandLineEdit) {
        var characters = Array(text)
        switch edit {
        case let .insert(character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .moveLeft:
            cursor = max(cursor - 1, 0)
        case .moveRight:
            cursor = min(cursor + 1, characters.count)
        case .moveToStart:
            cursor = 0
        case .moveToEnd:
            cursor = characters.count
        case .clear:
            characters = []
            cursor = 0
        }
        text = String(characters)
    }
}

/// One edit of the command line's text or cursor.
public enum CommandLineEdit: Sendable, Hashable {
    case insert(Character)
    case deleteBackward, deleteForward
    case moveLeft, moveRight, moveToStart, moveToEnd
    /// Empties the line (Ctrl-U).
    case clear
}
