import AtrousExplorer

/// The explorer during a lesson: the narration panel across the top, the explorer's own screen
/// below it, laid out for the rows that are left.
public struct LessonScreen: Widget {
    public var narration: NarrationPanel
    public var explorer: ExplorerScreen

    public init(narration: NarrationPanel, explorer: ExplorerScreen) {
        self.narration = narration
        self.explorer = explorer
    }

    /// The fewest rows the narration takes: its title, one line of text and its rule.
    static let minimumNarrationRows = 3

    /// The smallest terminal a lesson draws on: the explorer's minimum under the smallest narration.
    public static let minimumSize = Size(width: ScreenLayout.minimumSize.width,
                                         height: ScreenLayout.minimumSize.height + minimumNarrationRows)

    /// The narration's rows on a terminal `height` rows high: a quarter of the screen and one
    /// more (7 of 24, 11 of 40), at most 14, leaving the explorer at least its minimum height.
    public static func narrationRows(height: Int) -> Int {
        let wanted = min(max(height / 4 + 1, minimumNarrationRows), 14)
        return max(minimumNarrationRows, min(wanted, height - ScreenLayout.minimumSize.height))
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
            buffer.render(TooSmallMessage(size: area.size, minimum: Self.minimumSize, palette: narration.palette), in: area)
            return
        }
        let (top, rest) = area.splitTop(Self.narrationRows(height: area.height))
        buffer.render(narration, in: top)
        buffer.render(explorer, in: rest)
    }

    /// What a click at screen point (`x`, `y`) lands on, on a terminal of `size`.
    public func hit(x: Int, y: Int, size: Size) -> ScreenHit? {
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else { return nil }
        let rows = Self.narrationRows(height: size.height)
        return explorer.hit(x: x, y: y - rows, size: Size(width: size.width, height: size.height - rows))
    }
}
