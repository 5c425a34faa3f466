/// The output panel's place when the parameters are impossible: a title, the reason in
/// words, and the way back.
public struct NoOutputPanel: Widget {
    /// Why there is no output: the configuration error's sentence.
    public var reason: String
    public var palette: Palette

    public init(reason: String, palette: Palette) {
        self.reason = reason
        self.palette = palette
    }

    static let title = "Output: none"
    static let way = "Change a parameter, or press u to undo the last change."

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        buffer.write(Self.title.truncated(to: area.width), x: area.x, y: area.y, style: palette.header, clip: area)
        var y = area.y + 2
        for (text, style) in [(reason, palette.note), (Self.way, palette.label)] {
            for line in text.wrapped(to: area.width) where y < area.maxY {
                buffer.write(line, x: area.x, y: y, style: style, clip: area)
                y += 1
            }
            y += 1
        }
    }
}
