import AtrousScreen
import AtrousTerminal
import AtrousTestSupport
import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The terminal probe running in tmux as a ``TerminalProgram``: the settings before and
/// after it are recorded, and its exit status printed.
final class ProbeSession {
    let program: TerminalProgram
    var tmux: TmuxSession { program.tmux }

    /// The command line that runs the probe: this test binary, selecting only the probe.
    static var probeCommand: String {
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return "env \(TerminalProbe.environmentVariable)=1 '\(binary)' --testing-library swift-testing "
            + "--filter 'TerminalProbe/run'"
    }

    /// Starts the probe in a `width` x `height` terminal.
    ///
    /// - Parameters:
    ///   - prefix: shell words before the probe command, such as `TERM=unknown`.
    ///   - environment: overrides for the probe's environment; NO_COLOR is removed unless set.
    init(width: Int = 60, height: Int = 14, terminal: String = "tmux-256color", prefix: String = "",
         environment: [String: String?] = [:]) throws {
        program = try TerminalProgram(command: Self.probeCommand, width: width, height: height, terminal: terminal,
                                      prefix: prefix, environment: environment)
    }

    /// Waits until the probe has drawn its first frame, and returns that screen.
    @discardableResult
    func waitForFrame() throws -> String {
        try tmux.waitFor(text: "ticks")
    }

    /// Waits until the screen shows the probe's whole frame at `size`, and returns it. A
    /// capture can catch a frame half drawn, so the screen is read until it is complete.
    ///
    /// - Throws: `TmuxSession.Timeout`, showing the last screen, when the frame never appears.
    @discardableResult
    func waitForFrame(size: Size, lastEvent: String) throws -> String {
        try tmux.waitUntil(waitingFor: "the whole probe frame at \(size) after \(lastEvent)") { screen in
            screen == Self.expectedFrame(on: screen, size: size, lastEvent: lastEvent)
        }
    }

    /// The probe's process id, once it has drawn its first frame.
    func pid() throws -> pid_t {
        try waitForFrame()
        return try program.pid()
    }

    /// Waits for the probe to exit and returns its exit status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        try program.waitForExit(timeout: timeout)
    }

    /// Whether the terminal settings after the probe equal those before it.
    func settingsRestored() throws -> Bool {
        try program.settingsRestored()
    }

    /// The frame the probe draws at `size`, with the pid and tick count read from `screen`.
    static func expectedFrame(on screen: String, size: Size, lastEvent: String) -> String {
        let pid = TerminalProgram.number(after: "pid ", in: screen).flatMap(Int32.init) ?? -1
        let ticks = TerminalProgram.number(after: "ticks ", in: screen).flatMap(Int.init) ?? -1
        return TerminalProbe.frame(size: size, lastEvent: lastEvent, ticks: ticks, pid: pid).text + "\n"
    }

    /// The parameter lists of every SGR sequence in a captured screen.
    static func sgrParameters(in screen: String) -> [String] { CapturedStyles.sgrParameters(in: screen) }

    /// Whether an SGR parameter list sets a colour.
    static func setsColour(_ parameters: String) -> Bool { CapturedStyles.setsColour(parameters) }
}
