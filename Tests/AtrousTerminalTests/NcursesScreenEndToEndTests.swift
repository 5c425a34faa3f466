import AtrousScreen
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

/// `NcursesScreen` in a real terminal: the probe program runs in tmux, tests type, resize,
/// signal, and read the screen back.
@Suite("ncurses screen in tmux", .serialized, .enabled(if: !TerminalProbe.isRequested))
struct NcursesScreenEndToEndTests {
    @Test("a frame draws edge to edge with box drawing, shades, colours and attributes")
    func frame() throws {
        let probe = try ProbeSession(width: 60, height: 14)
        try probe.waitForFrame(size: Size(width: 60, height: 14), lastEvent: "none")
        let coloured = try probe.tmux.capture(colours: true)
        for sequence in ["\u{1B}[31m░▒▓█", "32m░▒▓█", "\u{1B}[38;5;208m", "\u{1B}[97m\u{1B}[44m░▒▓█",
                         "\u{1B}[1mbold", "\u{1B}[2mdim", "\u{1B}[7mreverse", "\u{1B}[4munderline"] {
            #expect(coloured.contains(sequence), "missing \(sequence.debugDescription)")
        }
    }

    @Test("box drawing and shades still draw when the locale is not UTF-8")
    func asciiLocale() throws {
        let probe = try ProbeSession(width: 40, height: 8, prefix: "LC_ALL=C LANG=C")
        try probe.waitForFrame(size: Size(width: 40, height: 8), lastEvent: "none")
    }

    @Test("NO_COLOR keeps the attributes and drops every colour")
    func noColor() throws {
        let probe = try ProbeSession(environment: ["NO_COLOR": "1"])
        try probe.waitForFrame()
        let coloured = try probe.tmux.capture(colours: true)
        let parameters = ProbeSession.sgrParameters(in: coloured)
        #expect(parameters.contains("1") && parameters.contains("7") && parameters.contains("4"))
        #expect(!parameters.contains(where: ProbeSession.setsColour), "\(parameters)")
    }

    @Test("an 8-colour terminal gets the nearest classic colours")
    func eightColours() throws {
        let probe = try ProbeSession(terminal: "screen")
        try probe.waitForFrame()
        let parameters = ProbeSession.sgrParameters(in: try probe.tmux.capture(colours: true))
        #expect(!parameters.contains { $0.hasPrefix("38;") || $0.hasPrefix("48;") }, "\(parameters)")
        // Orange (208) becomes yellow; bright white on blue becomes white on blue.
        #expect(parameters.contains("33") && parameters.contains("37") && parameters.contains("44"), "\(parameters)")
    }

    @Test("keys arrive decoded, Ctrl-C as a key in raw mode")
    func keys() throws {
        let probe = try ProbeSession()
        try probe.waitForFrame()
        let table: [(String, String)] = [
            ("Up", "up"), ("Down", "down"), ("Left", "left"), ("Right", "right"), ("Home", "home"), ("End", "end"),
            ("PPage", "pageUp"), ("NPage", "pageDown"), ("Enter", "enter"), ("Escape", "escape"),
            ("BSpace", "backspace"), ("DC", "delete"), ("Tab", "tab"), ("BTab", "backTab"), ("F1", "function(1)"),
            ("F5", "function(5)"), ("F12", "function(12)"), ("C-c", "control(\"c\")"), ("C-r", "control(\"r\")"),
            ("x", "character(\"x\")"), ("░", "character(\"░\")"),
        ]
        for (tmuxKey, key) in table {
            try probe.tmux.sendKeys(tmuxKey)
            try probe.tmux.waitFor(text: "last key \(key) ")
        }
        try probe.tmux.sendKeys("q")
        #expect(try probe.waitForExit() == 0)
        #expect(try probe.settingsRestored())
    }

    @Test("mouse clicks and the wheel arrive with their cell", arguments: [
        // tmux-256color reports the mouse in the X10 encoding, xterm-256color in SGR. A release
        // means something only after a press.
        ("tmux-256color", ["\u{1B}[M %$"], "press(button: 1) at 4,3"),
        ("tmux-256color", ["\u{1B}[M %$", "\u{1B}[M#%$"], "release at 4,3"),
        ("tmux-256color", ["\u{1B}[M`*'"], "wheelUp at 9,6"),
        ("xterm-256color", ["\u{1B}[<0;5;3M"], "press(button: 1) at 4,2"),
        ("xterm-256color", ["\u{1B}[<2;5;3M", "\u{1B}[<2;5;3m"], "release at 4,2"),
        ("xterm-256color", ["\u{1B}[<65;7;2M"], "wheelDown at 6,1"),
    ])
    func mouse(terminal: String, reports: [String], event: String) throws {
        let probe = try ProbeSession(terminal: terminal)
        try probe.waitForFrame()
        // Each report goes once the probe has shown the one before (every report but the last
        // is a press, which it shows), so the reports arrive one at a time.
        for report in reports.dropLast() {
            try probe.tmux.type(report)
            try probe.tmux.waitFor(text: "last mouse ")
        }
        try probe.tmux.type(reports[reports.count - 1])
        try probe.tmux.waitFor(text: "last mouse \(event) ")
    }

    @Test("after a resize the frame is redrawn whole at the new size, nothing left over")
    func resize() throws {
        let probe = try ProbeSession(width: 60, height: 14)
        try probe.waitForFrame()
        for size in [Size(width: 44, height: 9), Size(width: 72, height: 16), Size(width: 30, height: 8)] {
            try probe.tmux.resize(width: size.width, height: size.height)
            try probe.waitForFrame(size: size, lastEvent: "resize \(size)")
        }
    }

    @Test("a stop signal restores the terminal, says so, and exits with 128 plus its number",
          arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT])
    func stopSignal(signal: Int32) throws {
        let probe = try ProbeSession()
        kill(try probe.pid(), signal)
        #expect(try probe.waitForExit() == 128 + signal)
        let screen = try probe.tmux.capture()
        #expect(screen.contains("atrous: \(StopSignal(number: signal).description)"))
        // Back on the normal screen: the probe's frame is gone, the earlier output is back.
        #expect(!screen.contains("atrous terminal probe"))
        #expect(try probe.settingsRestored())
    }

    @Test("a second stop signal ends a program that stopped polling at once",
          .enabled(if: PendingSignals.arePublished, "needs the pending signals that /proc publishes"))
    func stuck() throws {
        let probe = try ProbeSession()
        let pid = try probe.pid()
        try probe.tmux.sendKeys("S")
        try probe.tmux.waitFor(text: "last busy ")
        let started = Date()
        kill(pid, SIGTERM)
        // The same signal twice in a row arrives as one while the first is pending.
        try PendingSignals.waitUntilTaken(SIGTERM, by: pid)
        kill(pid, SIGTERM)
        #expect(try probe.waitForExit() == 128 + SIGTERM)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try probe.tmux.capture().contains("atrous: stopped by SIGTERM."))
        #expect(try probe.settingsRestored())
    }

    @Test("exit() inside the session still restores the terminal")
    func exitCall() throws {
        let probe = try ProbeSession()
        try probe.waitForFrame()
        try probe.tmux.sendKeys("E")
        #expect(try probe.waitForExit() == 7)
        #expect(!(try probe.tmux.capture().contains("atrous terminal probe")))
        #expect(try probe.settingsRestored())
    }

    @Test("a crash restores the terminal before the process dies")
    func crash() throws {
        let probe = try ProbeSession()
        try probe.waitForFrame()
        try probe.tmux.sendKeys("!")
        let status = try probe.waitForExit()
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP)
        #expect(!(try probe.tmux.capture().contains("atrous terminal probe")))
        #expect(try probe.settingsRestored())
    }

    @Test("a terminal that cannot be drawn on is a clear error that names the headless commands", arguments: [
        ("TERM=atrous-unknown-terminal", TerminalError.unknownTerminal(term: "atrous-unknown-terminal")),
        ("unset TERM;", .unknownTerminal(term: nil)),
        ("TERM=dumb", .cursorNotAddressable(term: "dumb")),
    ])
    func unusableTerminal(prefix: String, error: TerminalError) throws {
        // Wide enough that the message does not wrap.
        let probe = try ProbeSession(width: 200, height: 20, prefix: prefix)
        #expect(try probe.waitForExit() == 1)
        #expect(try probe.tmux.capture().contains(error.description))
        #expect(try probe.settingsRestored())
    }

    @Test("without a terminal the probe says so and exits")
    func noTerminal() throws {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let result = try ProcessRunner.run("/usr/bin/env", [
            "\(TerminalProbe.environmentVariable)=1", "TERM=xterm-256color", binary,
            "--testing-library", "swift-testing", "--filter", "TerminalProbe/run",
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains(TerminalError.notATerminal.description))
    }
}
