/// The sign that a panel shows only part of its content: arrows for the sides with more
/// beyond the edge (`↑` `↓` `←` `→`), written after the panel's title as `  ↓→ more`. The
/// grids follow the current cell (or the selected weight), so moving it reaches the rest;
/// the legend line says so.
enum ScrollMarker {
    /// The arrows for what `grids` hide, each side once, in the order up, down, left, right.
    static func arrows(_ grids: [GridLayout]) -> String {
        let sides: [(String, (GridLayout) -> Bool)] = [("↑", { $0.rowView.hidesBefore }), ("↓", { $0.rowView.hidesAfter }),
                                                     ("←", { $0.columnView.hidesBefore }),
                                                     ("→", { $0.columnView.hidesAfter })]
        return sides.filter { side in grids.contains { side.1($0) } }.map(\.0).joined()
    }

    /// Writes the first of `titles` that fits beside `arrows` on the top row of `area`, and the
    /// arrows after it.
    static func writeTitle(_ titles: [String], arrows: String, area: Rect, style: Style, markStyle: Style,
                           into buffer: inout CellBuffer) {
        let row = area.splitTop(1).0
        guard !row.isEmpty else { return }
        var mark = arrows.isEmpty ? "" : "  " + arrows + " more"
        // Too narrow for a title beside the mark: the arrows alone.
        if row.width < mark.count + 4 { mark = row.width > arrows.count ? " " + arrows : arrows }
        let room = max(0, row.width - mark.count)
        let end = buffer.write(titles.firstFitting(width: room), x: row.x, y: row.y, style: style, clip: row)
        buffer.write(mark, x: end, y: row.y, style: markStyle, clip: row)
    }
}
