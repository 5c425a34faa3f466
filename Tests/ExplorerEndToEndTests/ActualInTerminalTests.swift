import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: :actual, :diagnose, :pin and :unpin")
struct ActualInTerminalTests {
    static func example(_ name: String) -> String {
        Fixtures.packageRoot.appendingPathComponent("Assets/diagnose/\(name)").path
    }

    @Test("the seed's layer output loads beside atrous's, is diagnosed, and :diagnose keeps what it can show")
    func seedLayerOutput() throws {
        let flags = ["--input", Self.example("seed-input-16x16x2.npy"), "--kernel", Self.example("seed-kernel-3x3x2x2.npy"),
                     "--rate", "1", "--padding", "valid"]
        let session = try ExplorerInTmux(["explore", "--no-color"] + flags, width: 120, height: 40)
        try session.waitForScreen()
        let keys = ":actual \(Self.example("seed-output-16x16x2.npy"))<Enter>"
        try session.press(keys)
        let expected = try renderedFrame(flags + ["--keys", keys, "--size", "120x40"])
        let screen = try session.waitForScreen(equalTo: expected, "the frame atrous render prints after :actual")
        #expect(screen.contains("Actual: "))
        #expect(screen.contains("note: Matches (max error"))
        try session.press(":diagnose<Enter>")
        let applied = try session.waitForSettledScreen("the diagnosis applied") { $0.contains("the explorer cannot show") }
        #expect(applied.contains("note: Set rate 2, stride 1, padding same, fill zeros; the explorer cannot show the kernel"))
    }

    @Test(":pin keeps A, a change of rate makes B, the three maps show, and :unpin ends the comparison",
          arguments: [(80, 24), (120, 40)])
    func pinAndUnpin(width: Int, height: Int) throws {
        let session = try ExplorerInTmux(["explore", "--no-color"], width: width, height: height)
        try session.waitForScreen()
        let keys = ":pin<Enter>r"
        try session.press(keys)
        let expected = try renderedFrame(["--keys", keys, "--size", "\(width)x\(height)"])
        let screen = try session.waitForScreen(equalTo: expected, "the frame atrous render prints after :pin and r")
        for title in ["A: rate 2 same · 9x9", "B: rate 3 same · 9x9", "A−B · 9x9"] { #expect(screen.contains(title)) }
        #expect(screen.contains("\nA: y[0,0] = ") && screen.contains("\nB: y[0,0] = "))
        try session.press(":unpin<Enter>")
        let unpinned = try session.waitForSettledScreen("the comparison ended") { $0.contains("Unpinned.") }
        #expect(!unpinned.contains("A−B") && !unpinned.contains("B: y[0,0]"))
        #expect(unpinned.contains("Input 9x9") && unpinned.contains("Output 9x9"))
    }
}
}
