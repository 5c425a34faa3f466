import AtrousExplorer

/// The open `:` command line: the colon, the text typed so far and the cursor as a reversed
/// cell, in place of the message line.
///
/// The terminal's own cursor stays hidden, so the prompt draws its own. When the text is
/// longer than the line, it scrolls so the cursor stays in view, and `…` marks text hidden
/// on the left.
public struct CommandLinePrompt: Widget {
    public var line: CommandLineText
    public var palette: Palette

    public init(line: CommandLineText, palette: Palette) {
        self.line = line
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row)
        let characters = Array(line.text)
        // One column for the colon, one after the text for a cursor at its end.
        let room = max(area.width - 1, 1)
        let view = Viewport(contentLength: characters.count + 1, length: room).showing(line.cursor..<(line.cursor + 1))
        let shown = view.range.clamped(to: 0..<characters.count)
        let lead = view.hidesBefore ? "…" : ":"
        let x = buffer.write(lead, x: area.x, y: area.y, style: palette.header, clip: row)
        buffer.write(String(characters[shown]), x: x, y: area.y, style: palette.value, clip: row)
        let cursorX = area.x + 1 + (line.cursor - view.offset)
        let under = buffer[cursorX, area.y]?.character ?? " "
        buffer.write(String(under), x: cursorX, y: area.y, style: Style(reverse: true), clip: row)
    }
}
