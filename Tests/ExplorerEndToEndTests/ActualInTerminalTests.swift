import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous in a terminal: :actual and :diagnose")
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

    @Test(":pin keeps A, a change makes B, and :unpin ends the comparison")
    func pinAndUnpin() throws {
        let session = try ExplorerInTmux(["explore", "--no-color"], width: 120, height: 40)
        try session.waitForScreen()
        let keys = ":pin<Enter>f"
        try session.press(keys)
        let expected = try renderedFrame(["--keys", keys, "--size", "120x40"])
        let screen = try session.waitForScreen(equalTo: expected, "the frame atrous render prints after :pin and f")
        #expect(screen.contains("A (pinned): rate 2, stride 1,") && screen.contains("A: y[0,0] = "))
        try session.press(":unpin<Enter>")
        let unpinned = try session.waitForSettledScreen("the comparison ended") { $0.contains("Unpinned.") }
        #expect(!unpinned.contains("A (pinned)"))
    }
}
