import AtrousTerminal
import AtrousTestSupport
import Foundation
import Testing

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension ExplorerInTerminal {
@Suite("atrous in a terminal: resizing, leaving, colours, mouse, no terminal")
struct TerminalMannersTests {
    @Test("resizing down to 20x6 and back shows the too-small message, then the full screen again")
    func resize() throws {
        // Monochrome, as text renders: at 120x40 the heat map's colour cells are blanks on colour.
        let session = try ExplorerInTmux(environment: ["NO_COLOR": "1"])
        try session.waitForScreen()
        try session.press("rj")
        for (width, height) in [(20, 6), (59, 16), (60, 16), (40, 10), (120, 40), (80, 24)] {
            try session.tmux.resize(width: width, height: height)
            let expected = try renderedFrame(["--keys", "rj", "--size", "\(width)x\(height)"])
            let screen = try session.waitForScreen(equalTo: expected, "the frame at \(width)x\(height)")
            #expect(screen.contains("Terminal too small") == (width < 60 || height < 16))
        }
        try session.press("q")
        #expect(try session.program.waitForExit() == 0)
        #expect(try session.program.settingsRestored())
    }

    @Test("q, :q and Ctrl-C quit with status 0 and give the shell back as it was", arguments: ["q", ":q<Enter>", "<C-c>"])
    func quitKeys(keys: String) throws {
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        try session.press(keys)
        #expect(try session.program.waitForExit() == 0)
        #expect(try session.program.settingsRestored())
        #expect(!(try session.tmux.capture()).contains("Kernel 3x3"), "the explorer's screen is gone")
    }

    @Test("every signal that ends the program restores the terminal, says so, and exits with 128 plus the signal",
          arguments: [SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGXFSZ])
    func stopSignals(signal: Int32) throws {
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        #expect(try session.tmux.modes() != .shell, "the explorer's modes are on")
        kill(try session.program.pid(), signal)
        #expect(try session.program.waitForExit() == 128 + signal)
        #expect(try session.program.settingsRestored())
        #expect(try session.tmux.modes() == .shell)
        let screen = try session.tmux.capture()
        #expect(screen.contains("atrous: \(StopSignal(number: signal).description)"))
        #expect(!screen.contains("Kernel 3x3"))
    }

    @Test("Ctrl-Z stops the program with the terminal as the shell had it; fg takes it back and redraws")
    func suspend() throws {
        // An interactive shell, whose job control gives the program a process group that may stop.
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let tmux = try TmuxSession(command: "PS1='$ ' exec sh -i", environment: ["NO_COLOR": nil])
        try tmux.waitFor(text: "$")
        let (before, during, after, pidFile) = (scratch.path("before"), scratch.path("during"), scratch.path("after"),
                                                scratch.path("pid"))
        try tmux.type("stty -g > \(shellQuoted(before)); sh -c 'echo $$ > \"$0\"; exec \"$1\"' "
            + "\(shellQuoted(pidFile)) \(shellQuoted(try AtrousBinary.path()))")
        try tmux.sendKeys("Enter")
        let first = try tmux.waitFor(text: "? help", timeout: ExplorerInTmux.timeout)
        try tmux.type("rj")
        // Both keys drawn: rate 3, and the cursor a row down on cell 10 of 81.
        let moved = try tmux.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the moved cursor") {
            $0 != first && $0.contains("cell 10/81") && $0.contains("rate 3")
        }
        try tmux.sendKeys("C-z")
        let pid = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        try tmux.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the program to stop") { _ in
            (try? Self.processState(pid)) == "T"
        }
        #expect(try tmux.modes() == .shell)
        try tmux.type("stty -g > \(shellQuoted(during))")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the settings while stopped") { _ in
            FileManager.default.fileExists(atPath: during)
        }
        try tmux.type("fg")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the same frame, redrawn") { $0 == moved }
        #expect(try tmux.modes() != .shell, "full-screen modes on again")
        try tmux.type("q")
        try tmux.waitFor(text: "$ ", timeout: ExplorerInTmux.timeout)
        try tmux.type("echo status $?; stty -g > \(shellQuoted(after))")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "status 0", timeout: ExplorerInTmux.timeout)
        try tmux.waitUntil(timeout: ExplorerInTmux.timeout, waitingFor: "the settings after") { _ in
            (try? String(contentsOfFile: after, encoding: .utf8))?.hasSuffix("\n") ?? false
        }
        let settings = try [before, during, after].map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(!settings[0].isEmpty && settings[1] == settings[0] && settings[2] == settings[0])
        #expect(try tmux.modes() == .shell)
    }

    /// The state letter `ps` shows for a process: `T` when stopped.
    static func processState(_ pid: pid_t) throws -> String {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { return "" }
        return String(stat[stat.index(close, offsetBy: 2)...].prefix(1))
    }

    @Test("a click on an output cell makes it current, in either mouse encoding", arguments: [
        // Output cell (2, 3) is drawn at column 63, row 11: 1-based 64;12 in SGR, 32 + 64 and
        // 32 + 12 as bytes in X10.
        ("xterm-256color", "\u{1B}[<0;64;12M\u{1B}[<0;64;12m"),
        ("tmux-256color", "\u{1B}[M `,"),
    ])
    func click(terminal: String, report: String) throws {
        let session = try ExplorerInTmux(terminal: terminal)
        try session.waitForScreen()
        try session.tmux.type(report)
        let screen = try session.waitForSettledScreen("y[2,3]") { session.computationLine(of: $0).hasPrefix("y[2,3] = ") }
        #expect(session.statusLine(of: screen).contains("cell 22/81"))
    }

    @Test("colours show unless NO_COLOR or --no-color, which keep the attributes", arguments: [
        ([String](), [String: String?](), true), ([], ["NO_COLOR": "1"], false), (["--no-color"], [:], false),
    ])
    func colours(arguments: [String], environment: [String: String?], coloured: Bool) throws {
        let session = try ExplorerInTmux(arguments, environment: environment)
        try session.waitForScreen()
        let parameters = CapturedStyles.sgrParameters(in: try session.tmux.capture(colours: true))
        #expect(parameters.contains(where: CapturedStyles.setsColour) == coloured, "\(parameters)")
        if !coloured {
            // Taps, the current cell, the status bar and the keys stay marked by attributes.
            for attribute in ["1", "2", "4", "7"] {
                #expect(parameters.contains { $0.split(separator: ";").contains(Substring(attribute)) }, "\(parameters)")
            }
        }
    }

    @Test("a terminal that cannot be drawn on is one clear sentence and a non-zero exit", arguments: [
        ("TERM=dumb", TerminalError.cursorNotAddressable(term: "dumb")),
        ("TERM=atrous-unknown-terminal", .unknownTerminal(term: "atrous-unknown-terminal")),
    ])
    func unusableTerminal(prefix: String, error: TerminalError) throws {
        // Wide enough that the sentence does not wrap.
        let session = try ExplorerInTmux(width: 200, height: 10, prefix: prefix)
        #expect(try session.program.waitForExit() == 1)
        #expect(try session.tmux.capture().contains("Error: \(error.description)"))
        #expect(try session.program.settingsRestored())
    }

    @Test("without a terminal, or with a bad flag, one sentence before any screen")
    func noTerminal() throws {
        let headless = try AtrousBinary.run([])
        #expect(headless.status == 1)
        #expect(headless.standardError == "Error: \(TerminalError.notATerminal.description)\n")
        let session = try ExplorerInTmux(["--rate", "999"], width: 200, height: 10)
        #expect(try session.program.waitForExit() == 1)
        #expect(try session.tmux.capture().contains("Error: Cannot use --rate 999: the rate must be between 1 and 512, got 999."))
        #expect(try session.program.settingsRestored())
    }
}
}
