import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: a model")
struct ModelInTerminalTests {
    @Test("explore --model opens on the model's view; H J K L move the cell, { scrolls the table, q quits")
    func openMoveScrollQuit() throws {
        let model = Fixtures.models.appendingPathComponent("aspp.onnx").path
        let flags = ["--model", model]
        let session = try ExplorerInTmux(["explore", "--no-color"] + flags, width: 80, height: 24)
        let first = try session.waitForScreen(equalTo: try renderedFrame(flags + ["--size", "80x24"]), "the model's first screen")
        #expect(ExplorerInTmux.row(0, of: first).hasPrefix("cell (8, 8) of 17x17"))
        try session.press("LJ")
        let moved = try session.waitForScreen(equalTo: try renderedFrame(flags + ["--keys", "LJ", "--size", "80x24"]),
                                              "the frame after moving the cell")
        #expect(ExplorerInTmux.row(0, of: moved).hasPrefix("cell (9, 9) of 17x17"))
        try session.press("{{{{{{")
        let scrolled = try session.waitForScreen(
            equalTo: try renderedFrame(flags + ["--keys", "LJ{{{{{{", "--size", "80x24"]), "the frame after scrolling the table")
        #expect(ExplorerInTmux.row(0, of: scrolled).contains("layer 6/12"))
        let selected = { (screen: String) in screen.split(separator: "\n").first { $0.contains("▸") }.map(String.init) ?? "" }
        #expect(selected(moved).contains("/project/Conv"))
        #expect(selected(scrolled).contains("/Resize"), "the table scrolled up to a row it hid")
        try session.press("q")
        #expect(try session.program.waitForExit() == 0)
    }
}
}
