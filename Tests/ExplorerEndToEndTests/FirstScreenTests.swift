import AtrousTestSupport
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: what it shows")
struct FirstScreenTests {
    @Test("at 80x24 the first screen shows the input, the kernel footprint, the output and the sum")
    func firstScreen() throws {
        let session = try ExplorerInTmux()
        let screen = try session.waitForScreen()
        #expect(ExplorerInTmux.row(0, of: screen).hasPrefix("Input 9x9 · pad zeros"))
        #expect(screen.contains("Kernel 3x3 · rate 2 → 5x5"))
        #expect(screen.contains("a · b · c"), "the footprint's taps and holes")
        #expect(screen.contains("Output 9x9"))
        #expect(session.computationLine(of: screen).hasPrefix("y[0,0] = 1·0(pad top-left)"))
        #expect(session.statusLine(of: screen).contains("pad same t2 b2 l2 r2"))
        #expect(ExplorerInTmux.row(23, of: screen).hasPrefix("q quit"))
        try session.press("q")
        #expect(try session.program.waitForExit() == 0)
    }

    @Test("the screen after some keys is the frame atrous render prints for them", arguments: [
        "", "rrjl", ":goto 3,4<Enter><Down>", "zz:rate 3,1<Enter>", "?<Down><Down><Down>", ":stride 2", "aaa",
        "++-", "i<Esc>", ":rate 3<Esc>jj",
    ])
    func renderMatchesTheTerminal(keys: String) throws {
        let session = try ExplorerInTmux()
        try session.waitForScreen()
        try session.press(keys)
        let expected = try renderedFrame(["--keys", keys, "--size", "80x24"])
        try session.waitForScreen(equalTo: expected, "the frame atrous render prints for \(keys.debugDescription)")
    }

    @Test("flags set what the explorer starts on, as render shows it")
    func flags() throws {
        let flags = ["--input", "checkerboard:12x10", "--kernel", "laplacian", "--rate", "3", "--stride", "2",
                     "--padding", "full", "--fill", "replicate"]
        let session = try ExplorerInTmux(["explore"] + flags, width: 100, height: 30)
        try session.waitForScreen()
        try session.waitForScreen(equalTo: try renderedFrame(flags + ["--size", "100x30"]), "the flags' frame")
        #expect(session.statusLine(of: try session.tmux.capture()).contains("12x10"))
    }
}
}
