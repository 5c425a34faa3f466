import Testing
@testable import AtrousRender

struct ANSITests {
    let escape = "\u{1B}["

    @Test(arguments: [
        (Style.plain, Style(bold: true), "1"),
        (Style(bold: true), Style.plain, "0"),
        (Style(bold: true), Style(dim: true), "0;2"),
        (Style(bold: true, underline: true), Style(underline: true), "22"),
        (Style(reverse: true), Style(reverse: true, underline: true), "4"),
        (Style.plain, Style(foreground: .red), "31"),
        (Style.plain, Style(foreground: .brightRed), "91"),
        (Style.plain, Style(foreground: .indexed(214)), "38;5;214"),
        (Style.plain, Style(background: .blue), "44"),
        (Style.plain, Style(background: .brightBlue), "104"),
        (Style(foreground: .red), Style(foreground: .indexed(160), background: .indexed(236)), "38;5;160;48;5;236"),
        (Style(foreground: .red, bold: true), Style(bold: true), "39"),
    ])
    func transitionsUseTheShortestCodes(from old: Style, to new: Style, parameters: String) {
        #expect(ANSI.transition(from: old, to: new) == escape + parameters + "m")
    }

    @Test func codesAppearOnlyWhereTheStyleChangesAndLinesEndReset() {
        var buffer = CellBuffer(size: Size(width: 6, height: 2))
        buffer.write("ab", x: 0, y: 0, style: Style(bold: true))
        buffer.write("cd", x: 2, y: 0)
        buffer.write("ef", x: 4, y: 0, style: Style(reverse: true))
        buffer.write("plain", x: 0, y: 1)
        #expect(buffer.ansi == "\(escape)1mab\(escape)0mcd\(escape)7mef\(escape)0m\nplain")
    }

    @Test func trailingStyledBlanksAreKeptAndPlainOnesDropped() {
        var buffer = CellBuffer(size: Size(width: 4, height: 2))
        buffer.fill(Rect(x: 0, y: 0, width: 4, height: 1), with: Cell(" ", style: Style(background: .indexed(236))))
        buffer.write("x", x: 0, y: 1)
        #expect(buffer.ansi == "\(escape)48;5;236m    \(escape)0m\nx")
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.write("a\u{1B}\u{7}\u{9B}", x: 0, y: 0)
        #expect(buffer.ansi == "a\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test(arguments: [true, false])
    func removingTheCodesGivesTheText(colors: Bool) {
        let buffer = ExampleScreens.frame(size: Size(width: 80, height: 24), colors: colors)
        let lines = strippingEscapes(buffer.ansi).split(separator: "\n", omittingEmptySubsequences: false)
        // Styled trailing blanks (the status bar) survive in ANSI; the plain text drops them.
        #expect(lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") == buffer.text)
        #expect(lines.count == 24)
    }
}
