import AtrousCore
import AtrousExplorer

/// A (the configuration `:pin` kept) against B (the current one): both in words, a map of
/// `A − B` in the shown channel, and A's computation line for the current cell (B's is the
/// screen's own computation line).
public struct PinnedComparisonPanel: Widget, Sendable {
    public var pinned: PinnedConfiguration
    /// B in the same words as A.
    public var current: String
    public var showsChannel: Bool
    public var palette: Palette

    public init(pinned: PinnedConfiguration, current: String, showsChannel: Bool, palette: Palette) {
        self.pinned = pinned
        self.current = current
        self.showsChannel = showsChannel
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        var lines = PanelParagraph("A (pinned): \(pinned.summary)", palette.header).lines(width: area.width)
        lines += PanelParagraph("B (current): \(current)", palette.header).lines(width: area.width)
        lines.append(PanelLine(text: "", style: palette.label))
        // A's computation line goes on the panel's last row; the map fills what lies between.
        let room = max(0, area.height - lines.count - 2)
        lines += mapLines(width: area.width, height: room)
        let used = buffer.write(lines, in: area)
        guard used < area.height else { return }
        let lastRow = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        if let taps = pinned.taps {
            buffer.write("A:", x: lastRow.x, y: lastRow.y, style: palette.label, clip: lastRow)
            let line = Rect(x: lastRow.x + 3, y: lastRow.y, width: max(0, lastRow.width - 3), height: 1)
            buffer.render(ComputationLine(breakdown: taps, showsChannel: showsChannel, palette: palette), in: line)
        } else {
            buffer.write("A has no output at this cell.", x: lastRow.x, y: lastRow.y, style: palette.label, clip: lastRow)
        }
    }

    /// `A − B` as shades of its size, or why there is none.
    private func mapLines(width: Int, height: Int) -> [PanelLine] {
        guard let difference = pinned.difference else {
            let a = pinned.output.map { shapeText($0.shape) } ?? "none"
            return PanelParagraph("No A − B map: A's output is \(a), B's is another shape.", palette.label)
                .lines(width: width)
        }
        let magnitude = Tensor(shape: difference.shape, scalars: difference.scalars.map(abs))
        let largest = magnitude.scalars.max() ?? 0
        guard largest > 0 else { return [PanelLine(text: "A − B = 0 in every cell.", style: palette.info)] }
        var lines = PanelParagraph("|A − B|, ' ' none to '@' \(errorText(largest)):", palette.label).lines(width: width)
        let rows = DifferenceShading.rows(magnitude, maxRows: max(0, height - lines.count - 1),
                                          maxColumns: max(0, width - 2))
        lines += rows.map { PanelLine(text: "|\($0)|", style: palette.value) }
        if rows.count < difference.shape[0] || difference.shape[1] > width - 2 {
            lines.append(PanelLine(text: "(\(rows.count) of \(difference.shape[0]) rows, "
                + "\(min(difference.shape[1], max(0, width - 2))) of \(difference.shape[1]) columns shown)",
                style: palette.label))
        }
        return lines
    }
}

/// The pinned comparison while A is pinned.
public func pinnedWidget(for state: ExplorerState, palette: Palette) -> (any Widget & Sendable)? {
    guard let pinned = state.pinned else { return nil }
    return PinnedComparisonPanel(pinned: pinned, current: PinnedConfiguration.summary(of: state.spec), showsChannel: state.kernelShape.outputChannels > 1,
                                 palette: palette)
}
