import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: a stack that computes")
struct StackInTerminalTests {
    static let aerial = Fixtures.packageRoot.appendingPathComponent("Assets/inputs/aerial-48x48.png").path

    @Test("on the aerial image, layer 3 of :stack gridding reads layer 2's output, and O shows the grid",
          arguments: [":stack gridding<Enter>}}", ":stack gridding<Enter>O", ":stack hdc<Enter>O", ":stack gridding<Enter>}}]T"])
    func griddingOnTheAerialImage(keys: String) throws {
        let flags = ["--input", Self.aerial]
        // Without colour the heat maps are shade characters, as `render --format text` draws them.
        let session = try ExplorerInTmux(["explore", "--no-color"] + flags, width: 120, height: 40)
        try session.waitForScreen()
        try session.press(keys)
        let expected = try renderedFrame(flags + ["--keys", keys, "--size", "120x40"])
        let screen = try session.waitForScreen(equalTo: expected, "the frame atrous render prints for \(keys.debugDescription)")
        if keys.hasSuffix("}}") {
            #expect(ExplorerInTmux.row(0, of: screen).hasPrefix("Layer 2 output 48x48"))
        } else if keys.hasSuffix("T") {
            #expect(ExplorerInTmux.row(0, of: screen).hasPrefix("Layer 1 output 48x48"), "followed into layer 2")
        } else {
            #expect(ExplorerInTmux.row(0, of: screen).hasPrefix("Layers overview · "))
        }
    }
}
}
