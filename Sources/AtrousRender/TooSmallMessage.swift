/// The one thing drawn on a terminal smaller than the explorer's minimum: a centred sentence
/// saying the size and the size needed, wrapped to fit, clipped on a very tiny screen.
public struct TooSmallMessage: Widget {
    public var size: Size
    public var minimum: Size
    public var palette: Palette

    public init(size: Size, minimum: Size, palette: Palette) {
        self.size = size
        self.minimum = minimum
        self.palette = palette
    }

    /// `Terminal too small: 40x10, need at least 60x16.`
    public var text: String { "Terminal too small: \(size), need at least \(minimum)." }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let lines = text.wrapped(to: area.width)
        let shown = lines.prefix(area.height)
        let top = area.y + (area.height - shown.count) / 2
        for (i, line) in shown.enumerated() {
            buffer.write(line, x: area.x + (area.width - line.count) / 2, y: top + i, style: palette.note, clip: area)
        }
    }
}
