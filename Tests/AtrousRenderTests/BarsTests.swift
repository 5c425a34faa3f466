import Testing
import AtrousExplorer
@testable import AtrousRender

struct MessageLineTests {
    @Test(arguments: [
        (ExplorerMessage.info("saved out.npy"), "saved out.npy"),
        (ExplorerMessage.note("SAME pads unevenly here"), "note: SAME pads unevenly here"),
        (ExplorerMessage.error("could not read x.npy"), "error: could not read x.npy"),
    ])
    func kindsCarryAWordAsWellAsAStyle(message: ExplorerMessage, expected: String) {
        let buffer = CellBuffer.rendering(MessageLine(message: message, palette: .monochrome), size: Size(width: 40, height: 1))
        #expect(buffer.text == expected)
    }

    @Test func longMessagesEndInAnEllipsisAndErrorsStandOut() {
        let palette = Palette.monochrome
        let buffer = CellBuffer.rendering(MessageLine(message: ExplorerMessage.error("could not read x.npy"), palette: palette),
                                          size: Size(width: 12, height: 1))
        #expect(buffer.text == "error: coul…")
        #expect(buffer[0, 0]?.style == palette.error)
    }

    @Test func noMessageClearsTheLine() {
        var buffer = CellBuffer(size: Size(width: 5, height: 1), filling: Cell("x"))
        buffer.render(MessageLine(message: nil, palette: .color), in: buffer.area)
        #expect(buffer == CellBuffer(size: Size(width: 5, height: 1)))
    }
}

struct FooterTests {
    let hints = [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("hjkl", "move"), KeyHint("space", "play")]

    @Test(arguments: [
        (37, "q quit  ? help  hjkl move  space play"),
        (36, "q quit  ? help  hjkl move …"),
        (10, "q quit …"),
        (3, "…"),
        (0, ""),
    ])
    func wholePairsFitAndAnEllipsisSaysMoreExist(width: Int, expected: String) {
        let buffer = CellBuffer.rendering(Footer(hints: hints, palette: .monochrome), size: Size(width: width, height: 1))
        #expect(buffer.text == expected)
    }

    @Test func keysAndLabelsHaveTheirStyles() {
        let palette = Palette.color
        let buffer = CellBuffer.rendering(Footer(hints: hints, palette: palette), size: Size(width: 37, height: 1))
        #expect(buffer[0, 0] == Cell("q", style: palette.key))
        #expect(buffer[2, 0] == Cell("q", style: palette.label))
        #expect(buffer[6, 0] == Cell(" ", style: .plain))
    }
}

struct HelpOverlayTests {
    let entries = [
        HelpEntry(key: "q", description: "quit", group: "General"),
        HelpEntry(key: "h/l", description: "move left/right", group: "Move"),
        HelpEntry(key: "?", description: "this help", group: "General"),
    ]

    @Test func aCentredFramedBoxListsKeysByGroup() {
        let buffer = CellBuffer.rendering(HelpOverlay(entries: entries, palette: .monochrome), size: Size(width: 30, height: 10))
        expectPicture(buffer, """

          ┌─ Keys ─────────────────┐
          │ General                │
          │   q  quit              │
          │   ?  this help         │
          │                        │
          │ Move                   │
          │   h/l  move left/right │
          └────────────────────────┘

        """)
    }

    @Test func aDescriptionWiderThanTheBoxEndsInAnEllipsis() {
        let long = [HelpEntry(key: ":kernel SIZE", description: "kernel size or one of many presets", group: "Commands")]
        let buffer = CellBuffer.rendering(HelpOverlay(entries: long, palette: .monochrome), size: Size(width: 30, height: 6))
        expectPicture(buffer, """

         ┌─ Keys ───────────────────┐
         │ Commands                 │
         │   :kernel SIZE  kernel … │
         └──────────────────────────┘

        """)
    }

    @Test func aTallListScrollsAndSaysSo() {
        let top = CellBuffer.rendering(HelpOverlay(entries: entries, palette: .monochrome), size: Size(width: 30, height: 6))
        expectPicture(top, """

          ┌─ Keys ─────────────────┐
          │ General                │
          │   q  quit              │
          └─────────────── ↓ more ─┘

        """)
        let bottom = CellBuffer.rendering(HelpOverlay(entries: entries, scroll: 99, palette: .monochrome),
                                          size: Size(width: 30, height: 6))
        expectPicture(bottom, """

          ┌─ Keys ──────── ↑ more ─┐
          │ Move                   │
          │   h/l  move left/right │
          └────────────────────────┘

        """)
    }

    @Test func theOverlayCoversOnlyItsBox() {
        var buffer = CellBuffer(size: Size(width: 30, height: 10), filling: Cell("x"))
        buffer.render(HelpOverlay(entries: entries, palette: .monochrome), in: buffer.area)
        #expect(buffer.lines[0] == String(repeating: "x", count: 30))
        #expect(buffer.lines[5].hasPrefix("xx│") && buffer.lines[5].hasSuffix("│xx"))
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 2, height: 2), Size(width: 5, height: 3)])
    func tinyAreasNeverTrap(size: Size) {
        #expect(CellBuffer.rendering(HelpOverlay(entries: entries, palette: .color), size: size).size == size)
    }
}

struct TooSmallMessageTests {
    func message(_ width: Int, _ height: Int) -> CellBuffer {
        let size = Size(width: width, height: height)
        return CellBuffer.rendering(TooSmallMessage(size: size, minimum: ScreenLayout.minimumSize, palette: .monochrome),
                                    size: size)
    }

    @Test func theSentenceIsCentredAndWrapped() {
        expectPicture(message(40, 10), """




        Terminal too small: 40x10, need at least
                         60x16.




        """)
        expectPicture(message(20, 6), """

        Terminal too small:
        20x6, need at least
               60x16.


        """)
    }

    @Test func tinyTerminalsShowWhatFits() {
        #expect(message(1, 1).lines == ["T"])
        #expect(message(0, 0).lines == [])
        #expect(message(3, 1).lines == ["Ter"])
    }
}
