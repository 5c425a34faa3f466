import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A program running in a real terminal: a detached tmux session that tests type into, resize
/// and read back.
///
/// Every session has its own tmux server on a private socket (`tmux -L`), started without a
/// configuration file, so tests never touch a user's tmux and see the same terminal
/// everywhere: no status line, `TERM` as given, a UTF-8 locale. The shell that runs the
/// command records its exit status in a file, because tmux 3.3 now and then loses a dead
/// pane's status. The pane stays after the command ends, but tmux's "Pane is dead" notice may
/// replace its screen, so a test that reads the final screen keeps the shell running
/// (`program; echo "status $?"; sleep 60`). The server is killed when the session is released.
public final class TmuxSession {
    /// The session's name, also used as the target of every command.
    public let name: String
    /// The private server socket name passed to `tmux -L`.
    public let socket: String
    /// The environment overrides tmux commands run with.
    private let serverEnvironment: [String: String?]
    /// The socket file, which a killed server leaves behind.
    private var socketPath: String?
    /// Where the shell writes the command's exit status.
    private let directory: URL
    private var statusFile: String { directory.appendingPathComponent("status").path }

    /// Starts `command` (a shell command line) in a new detached session.
    ///
    /// - Parameters:
    ///   - command: a shell command line, run by `/bin/sh`.
    ///   - width: the terminal's columns.
    ///   - height: the terminal's rows.
    ///   - terminal: the `TERM` the program sees.
    ///   - environment: extra variables for the program; a nil value removes one (such as
    ///     `NO_COLOR`) from the inherited environment.
    /// - Throws: `ProcessRunnerError` when tmux cannot start the session.
    public init(command: String, width: Int = 80, height: Int = 24, terminal: String = "tmux-256color",
                environment: [String: String?] = [:]) throws {
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        name = "atrous-\(unique)"
        socket = "atrous-test-\(unique)"
        // The server starts with this client's environment and passes it on to the pane.
        var variables: [String: String?] = ["TMUX": nil, "TMUX_PANE": nil]
        let inherited = ProcessInfo.processInfo.environment
        if inherited["LANG"] == nil, inherited["LC_ALL"] == nil { variables["LANG"] = "C.UTF-8" }
        variables.merge(environment) { $1 }
        serverEnvironment = variables
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atrous-tmux-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let recorded = "\(command)\nprintf '%s' \"$?\" > '\(directory.path)/status'"
        let arguments = [
            "start-server", ";",
            "set-option", "-g", "default-terminal", terminal, ";",
            "set-option", "-g", "default-shell", "/bin/sh", ";",
            "set-option", "-g", "status", "off", ";",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "new-session", "-d", "-x", String(width), "-y", String(height), "-s", name, recorded,
        ]
        let result = try Self.tmux(socket: socket, arguments, environment: variables)
        guard result.status == 0 else {
            throw ProcessRunnerError(description: "tmux could not start `\(command)`: \(result.standardError)")
        }
        socketPath = try run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    // MARK: - Input

    /// Sends keys as tmux names them: `Up`, `Enter`, `C-c`, `Escape`, `F1`, or plain text.
    public func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally, character by character, with no key names interpreted.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// Resizes the terminal; the program receives SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    // MARK: - Output

    /// The screen as text, one line per row, trailing spaces removed.
    ///
    /// - Parameter colours: include the SGR escape sequences of colours and attributes
    ///   (`capture-pane -e`).
    public func capture(colours: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", name] + (colours ? ["-e"] : []))
    }

    /// Waits until the screen contains `text`, and returns that screen.
    ///
    /// - Throws: `TmuxSession.Timeout`, which shows the last screen, when `text` does not
    ///   appear within `timeout` seconds.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout, waitingFor: "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen, and returns that screen.
    @discardableResult
    public func waitUntil(timeout: Double = 10, waitingFor description: String = "a condition",
                          _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        } while Date() < deadline
        throw Timeout(waitingFor: description, seconds: timeout, screen: screen)
    }

    /// Waits until the program in the pane has read all the input sent to it: the input
    /// queue of the pane's terminal is empty.
    ///
    /// tmux writes the keys it was sent to the pane from its event loop; each check follows a
    /// capture, which tmux answers only on a later turn of that loop, so no key is still
    /// held by tmux when the queue is read.
    /// - Throws: `TmuxSession.Timeout` when input is still queued after `timeout` seconds.
    public func waitUntilInputRead(timeout: Double = 10) throws {
        let tty = try display("#{pane_tty}")
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { throw ProcessRunnerError(description: "Cannot open the pane's terminal \(tty).") }
        defer { close(fd) }
        try waitUntil(timeout: timeout, waitingFor: "the program to read its input") { _ in
            var queued: Int32 = 0
            return ioctl(fd, Self.bytesQueuedRequest, &queued) == 0 && queued == 0
        }
    }

    /// The `ioctl` request for the number of bytes in a terminal's input queue.
    #if os(Linux)
    private static let bytesQueuedRequest = UInt(FIONREAD)
    #else
    private static let bytesQueuedRequest: UInt = 0x4004_667F  // FIONREAD, _IOR('f', 127, int)
    #endif

    /// What tmux reports for `format`, such as `#{pane_tty}`, without the final newline.
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's terminal modes as tmux tracks them: the alternate screen, mouse reporting,
    /// a visible cursor, application cursor keys.
    public func modes() throws -> TerminalModes {
        let flags = try display("#{alternate_on} #{mouse_any_flag} #{cursor_flag} #{keypad_cursor_flag}")
            .split(separator: " ").map { $0 == "1" }
        guard flags.count == 4 else { throw ProcessRunnerError(description: "tmux reported no modes: \(flags)") }
        return TerminalModes(alternateScreen: flags[0], mouse: flags[1], cursorVisible: flags[2], applicationKeys: flags[3])
    }

    // MARK: - The program

    /// The process id of the shell running the command.
    public func panePID() throws -> pid_t {
        let text = try run(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ProcessRunnerError(description: "tmux reported no pane process: \(text)")
        }
        return pid
    }

    /// Waits for the command to end, and returns its status as the shell reports it (128 plus
    /// the signal number when a signal ended it).
    ///
    /// - Throws: `TmuxSession.Timeout` when the command is still running after `timeout`.
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8), let status = Int32(text) {
                return status
            }
            usleep(20_000)
        } while Date() < deadline
        throw Timeout(waitingFor: "the command to end", seconds: timeout, screen: (try? capture()) ?? "")
    }

    /// Stops the tmux server and everything running in it, and removes its files. Safe to
    /// call twice.
    public func kill() {
        _ = try? Self.tmux(socket: socket, ["kill-server"], environment: serverEnvironment)
        if let socketPath { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Errors

    /// Something expected did not appear on the screen in time.
    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var seconds: Double
        public var screen: String

        public var description: String {
            "Waited \(seconds) s for \(waitingFor); the screen was:\n" + screen.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "|\($0)" }.joined(separator: "\n")
        }
    }

    // MARK: - Running tmux

    /// Runs a tmux command on this session's server and returns its standard output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Self.tmux(socket: socket, arguments, environment: serverEnvironment)
        guard result.status == 0 else {
            throw ProcessRunnerError(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        }
        return result.output
    }

    /// Runs tmux through `env`, which applies the environment overrides (`-u` removes).
    private static func tmux(socket: String, _ arguments: [String],
                             environment: [String: String?]) throws -> ProcessResult {
        let overrides = environment.sorted { $0.key < $1.key }
        let removals = overrides.filter { $0.value == nil }.flatMap { ["-u", $0.key] }
        let settings = overrides.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return try ProcessRunner.run("/usr/bin/env", removals + settings
            + ["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }
}

/// The modes a full-screen program turns on and must turn off again.
public struct TerminalModes: Equatable, Sendable, CustomStringConvertible {
    public var alternateScreen: Bool
    public var mouse: Bool
    public var cursorVisible: Bool
    public var applicationKeys: Bool

    /// A shell's terminal: the main screen, no mouse reporting, the cursor shown.
    public static let shell = TerminalModes(alternateScreen: false, mouse: false, cursorVisible: true,
                                            applicationKeys: false)

    public init(alternateScreen: Bool, mouse: Bool, cursorVisible: Bool, applicationKeys: Bool) {
        self.alternateScreen = alternateScreen
        self.mouse = mouse
        self.cursorVisible = cursorVisible
        self.applicationKeys = applicationKeys
    }

    public var description: String {
        "alternate screen \(alternateScreen), mouse \(mouse), cursor \(cursorVisible), keypad \(applicationKeys)"
    }
}
