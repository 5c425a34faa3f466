import AtrousRender
import AtrousTerminal
import AtrousTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The terminal probe running in tmux, inside a shell that records the terminal settings
/// before the probe starts and after it ends, then prints the probe's exit status.
final class ProbeSession {
    let tmux: TmuxSession
    private let directory: URL

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
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atrous-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.path
        let command = "stty -g > '\(path)/before'; \(prefix) \(Self.probeCommand); echo \"probe status $?\"; "
            + "stty -g > '\(path)/after'; sleep 60"
        var variables: [String: String?] = ["NO_COLOR": nil, "SWIFT_BACKTRACE": "enable=no"]
        variables.merge(environment) { $1 }
        tmux = try TmuxSession(command: command, width: width, height: height, terminal: terminal,
                               environment: variables)
    }

    deinit {
        tmux.kill()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Waits until the probe has drawn its first frame, and returns that screen.
    @discardableResult
    func waitForFrame() throws -> String {
        try tmux.waitFor(text: "ticks")
    }

    /// The probe's process id, read from its screen.
    func pid() throws -> pid_t {
        let screen = try waitForFrame()
        guard let pid = Self.number(after: "pid ", in: screen).flatMap(pid_t.init) else {
            throw ProbeError(description: "The probe shows no pid:\n\(screen)")
        }
        return pid
    }

    /// Waits for the probe to exit and returns its exit status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let screen = try tmux.waitFor(text: "probe status ", timeout: timeout)
        guard let status = Self.number(after: "probe status ", in: screen).flatMap(Int32.init) else {
            throw ProbeError(description: "No exit status on the screen:\n\(screen)")
        }
        return status
    }

    /// Whether the terminal settings after the probe equal those before it.
    func settingsRestored() throws -> Bool {
        try tmux.waitUntil(waitingFor: "the settings after the probe") { _ in
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("after").path)
        }
        usleep(50_000)
        let before = try String(contentsOf: directory.appendingPathComponent("before"), encoding: .utf8)
        let after = try String(contentsOf: directory.appendingPathComponent("after"), encoding: .utf8)
        return !before.isEmpty && before == after
    }

    /// The frame the probe draws at `size`, with the pid and tick count read from `screen`.
    static func expectedFrame(on screen: String, size: Size, lastEvent: String) -> String {
        let pid = number(after: "pid ", in: screen).flatMap(Int32.init) ?? -1
        let ticks = number(after: "ticks ", in: screen).flatMap(Int.init) ?? -1
        return TerminalProbe.frame(size: size, lastEvent: lastEvent, ticks: ticks, pid: pid).text + "\n"
    }

    /// The digits that follow `label` on the screen.
    static func number(after label: String, in screen: String) -> String? {
        guard let range = screen.range(of: label) else { return nil }
        let digits = screen[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// The parameter lists of every SGR sequence (`ESC [ ... m`) in a captured screen.
    static func sgrParameters(in screen: String) -> [String] {
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
    static func setsColour(_ parameters: String) -> Bool {
        let codes = parameters.split(separator: ";").compactMap { Int($0) }
        if codes.first == 38 || codes.first == 48 { return true }
        return codes.contains { (30...37).contains($0) || (40...47).contains($0) || (90...97).contains($0)
            || (100...107).contains($0) }
    }
}

/// The probe's screen did not show what the test reads from it.
struct ProbeError: Error, CustomStringConvertible {
    var description: String
}
