/// Why the interactive terminal could not start. Each message is one sentence that points to
/// the commands that need no terminal.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or standard output is not a terminal (a pipe, a file, a CI job).
    case notATerminal
    /// ncurses knows no terminal description for `TERM` (or `TERM` is not set).
    case unknownTerminal(term: String?)
    /// The terminal cannot place the cursor (such as `TERM=dumb`), so no screen can be drawn.
    case cursorNotAddressable(term: String)

    public var description: String {
        let headless = "use `atrous render` or `atrous compute` without one."
        switch self {
        case .notATerminal:
            return "atrous needs an interactive terminal, but standard input or output is not one; \(headless)"
        case let .unknownTerminal(term?) where !term.isEmpty:
            return "atrous needs an interactive terminal (TERM=\(term) is not one this system can drive); \(headless)"
        case .unknownTerminal:
            return "atrous needs an interactive terminal (TERM is not set); \(headless)"
        case let .cursorNotAddressable(term):
            return "atrous needs an interactive terminal that can move the cursor, and TERM=\(term) cannot; \(headless)"
        }
    }
}
