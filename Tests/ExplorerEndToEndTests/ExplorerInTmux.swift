import AtrousExplorer
import AtrousTestSupport
import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The real `atrous` running in tmux as a user starts it, with keys written in the explorer's
/// own key notation.
final class ExplorerInTmux {
    let program: TerminalProgram
    let width: Int
    let height: Int
    var tmux: TmuxSession { program.tmux }

    /// Starts `atrous` with `arguments` (none: the default command) in a `width` x `height`
    /// terminal.
    init(_ arguments: [String] = [], width: Int = 80, height: Int = 24, terminal: String = "tmux-256color",
         prefix: String = "", environment: [String: String?] = [:]) throws {
        let command = ([try AtrousBinary.path()] + arguments).map(shellQuoted).joined(separator: " ")
        program = try TerminalProgram(command: command, width: width, height: height, terminal: terminal,
                                      prefix: prefix, environment: environment)
        self.width = width
        self.height = height
    }

    /// How long a test waits for the screen: generous, as several builds may share the machine.
    static let timeout = 20.0

    /// Waits for the explorer's first whole frame (down to the footer, drawn last) and
    /// returns it.
    @discardableResult
    func waitForScreen() throws -> String {
        try tmux.waitUntil(timeout: Self.timeout, waitingFor: "the explorer's first frame") { screen in
            screen.contains("? help") && Self.row(height - 1, of: screen).hasPrefix("q quit")
        }
    }

    /// Waits until `condition` holds for a screen that no longer changes: a capture can catch
    /// a frame half drawn, so a screen counts once two captures 50 ms apart agree.
    @discardableResult
    func waitForSettledScreen(_ description: String, _ condition: (String) -> Bool) throws -> String {
        var previous = ""
        return try tmux.waitUntil(timeout: Self.timeout, waitingFor: description) { screen in
            defer { previous = screen }
            guard screen == previous, condition(screen) else {
                usleep(30_000)
                return false
            }
            return true
        }
    }

    /// Presses the keys `notation` writes (see `KeyNotation`).
    func press(_ notation: String) throws {
        for key in try KeyNotation.parse(notation) { try press(key) }
    }

    /// Presses one key: a character is typed literally, other keys go by their tmux names.
    func press(_ key: Key) throws {
        switch key {
        case let .character(character): try tmux.type(String(character))
        case let .control(character): try tmux.sendKeys("C-\(character)")
        case let .function(number): try tmux.sendKeys("F\(number)")
        case .escape:
            try tmux.sendKeys("Escape")
            // A terminal tells an Escape from the start of an escape sequence only by time
            // (ncurses waits a few milliseconds for more), so the next key goes once the
            // explorer has read the Escape and its screen has settled after it.
            try tmux.waitUntilInputRead(timeout: Self.timeout)
            try waitForSettledScreen("the screen after Escape") { _ in true }
        default: try tmux.sendKeys(Self.tmuxNames[key] ?? "")
        }
    }

    static let tmuxNames: [Key: String] = [
        .up: "Up", .down: "Down", .left: "Left", .right: "Right", .home: "Home", .end: "End", .pageUp: "PPage",
        .pageDown: "NPage", .enter: "Enter", .backspace: "BSpace", .delete: "DC", .tab: "Tab", .backTab: "BTab",
    ]

    /// Waits until the screen equals `expected`, and returns it; on a timeout the error
    /// shows the last screen.
    @discardableResult
    func waitForScreen(equalTo expected: String, _ description: String) throws -> String {
        try tmux.waitUntil(timeout: Self.timeout, waitingFor: description) { $0 == expected }
    }

    /// Row `row` of the screen (0 is the top).
    static func row(_ row: Int, of screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return rows.indices.contains(row) ? String(rows[row]) : ""
    }

    /// The status line of a screen: three rows above the bottom.
    func statusLine(of screen: String) -> String { Self.row(height - 3, of: screen) }

    /// The computation line: four rows above the bottom.
    /// The sum, which wraps upwards from the row above the status line into rows the panels
    /// leave free: its lines joined into one.
    func computationLine(of screen: String) -> String {
        let last = height - 4
        let start = (0...last).reversed().first { Self.row($0, of: screen).hasPrefix("y[") } ?? last
        return (start...last).map { Self.row($0, of: screen).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// `atrous render` with `arguments`: the frame as text.
func renderedFrame(_ arguments: [String]) throws -> String {
    let result = try AtrousBinary.run(["render"] + arguments)
    guard result.status == 0 else { throw RenderFailure(arguments: arguments, message: result.standardError) }
    return result.output
}

/// `atrous render` refused what a test asked for.
struct RenderFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let message: String

    var description: String { "atrous render \(arguments) failed: \(message)" }
}

/// `text` as one shell word.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
