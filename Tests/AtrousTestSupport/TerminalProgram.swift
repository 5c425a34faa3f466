import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A full-screen program running in tmux inside a shell that records the terminal settings
/// (`stty -g`) before the program starts and after it ends, the program's process id, and
/// its exit status, then keeps the pane open so its last screen can be read.
public final class TerminalProgram {
    public let tmux: TmuxSession
    private let directory: URL

    /// Starts `command` (a shell command line that `exec` can run) in a `width` x `height`
    /// terminal.
    ///
    /// - Parameters:
    ///   - prefix: shell words before the command, such as `TERM=dumb` or `unset TERM;`.
    ///   - terminal: the `TERM` tmux gives the pane.
    ///   - environment: overrides for the program's environment; `NO_COLOR` is removed unless
    ///     set here.
    public init(command: String, width: Int = 80, height: Int = 24, terminal: String = "tmux-256color",
                prefix: String = "", environment: [String: String?] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atrous-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.path
        // The inner shell writes its own pid, then becomes the program, so the pid is the program's.
        // The settings after the program take their name once written whole, so a test can wait for the file.
        let shell = "stty -g > '\(path)/before'; \(prefix) sh -c 'echo $$ > \"\(path)/pid\"; exec \"$@\"' sh \(command); "
            + "echo \"\(Self.statusLabel)$?\"; stty -g > '\(path)/after.partial'; "
            + "mv '\(path)/after.partial' '\(path)/after'; sleep 60"
        var variables: [String: String?] = ["NO_COLOR": nil, "SWIFT_BACKTRACE": "enable=no"]
        variables.merge(environment) { $1 }
        tmux = try TmuxSession(command: shell, width: width, height: height, terminal: terminal, environment: variables)
    }

    deinit {
        tmux.kill()
        try? FileManager.default.removeItem(at: directory)
    }

    /// What the shell prints before the program's exit status.
    static let statusLabel = "program exited with status "

    /// The program's process id.
    public func pid(timeout: Double = 10) throws -> pid_t {
        let file = directory.appendingPathComponent("pid")
        func read() -> pid_t? {
            (try? String(contentsOf: file, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        try tmux.waitUntil(timeout: timeout, waitingFor: "the program's pid") { _ in read() != nil }
        guard let pid = read() else { throw ProcessRunnerError(description: "The pid file \(file.path) holds no pid.") }
        return pid
    }

    /// Waits for the program to exit and returns its exit status as the shell reports it.
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        let screen = try tmux.waitFor(text: Self.statusLabel, timeout: timeout)
        guard let status = Self.number(after: Self.statusLabel, in: screen).flatMap(Int32.init) else {
            throw ProcessRunnerError(description: "No exit status on the screen:\n\(screen)")
        }
        return status
    }

    /// Whether the terminal's settings now (read from the pane's device while the program is
    /// stopped or running) equal those from before the program started.
    public func currentSettingsEqualBefore() throws -> Bool {
        let tty = try tmux.display("#{pane_tty}")
        let result = try ProcessRunner.run("/bin/sh", ["-c", "stty -g < \"$0\"", tty])
        let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
        return result.status == 0 && !before.isEmpty && result.output == before
    }

    /// Whether the terminal settings after the program equal those before it.
    public func settingsRestored(timeout: Double = 10) throws -> Bool {
        let after = directory.appendingPathComponent("after")
        try tmux.waitUntil(timeout: timeout, waitingFor: "the settings after the program") { _ in
            FileManager.default.fileExists(atPath: after.path)
        }
        let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
        let restored = try String(contentsOf: after, encoding: .utf8)
        return !before.isEmpty && before == restored
    }

    /// The digits that follow `label` on a screen.
    public static func number(after label: String, in screen: String) -> String? {
        guard let range = screen.range(of: label) else { return nil }
        let digits = screen[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }
}

/// Reading the colours and attributes of a screen captured with `capture(colours: true)`.
public enum CapturedStyles {
    /// The parameter lists of every SGR sequence (`ESC [ ... m`) in a captured screen.
    public static func sgrParameters(in screen: String) -> [String] {
        var result: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if tail[end] == "m" { result.append(String(tail[..<end])) }
            rest = tail[end...]
        }
        return result
    }

    /// Whether an SGR parameter list sets a foreground or background colour (not a reset to
    /// the default colour).
    public static func setsColour(_ parameters: String) -> Bool {
        let codes = parameters.split(separator: ";").compactMap { Int($0) }
        if codes.first == 38 || codes.first == 48 { return true }
        return codes.contains { (30...37).contains($0) || (40...47).contains($0) || (90...97).contains($0)
            || (100...107).contains($0) }
    }
}
