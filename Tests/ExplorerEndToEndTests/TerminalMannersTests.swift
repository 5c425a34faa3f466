import AtrousTerminal
import AtrousTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

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

    @Test("SIGTERM and SIGHUP restore the terminal, say so, and exit with 128 plus the signal",
          arguments: [SIGTERM, SIGHUP])
    func stopSignals(signal: Int32) throws {
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        kill(try session.program.pid(), signal)
        #expect(try session.program.waitForExit() == 128 + signal)
        #expect(try session.program.settingsRestored())
        let screen = try session.tmux.capture()
        #expect(screen.contains("atrous: \(StopSignal(number: signal).description)"))
        #expect(!screen.contains("Kernel 3x3"))
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
