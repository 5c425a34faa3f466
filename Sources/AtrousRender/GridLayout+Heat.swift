import AtrousExplorer

extension GridLayout {
    /// Draws `plane`'s visible cells as a heat map on `scale`, indices included. A marked cell
    /// (`mark` gives its style) shows `[]` (or `@`) when it is `current`, else `()` (or `o`),
    /// over its colour, so the marks survive in monochrome.
    func drawHeat(_ plane: Plane, scale: HeatScale, current: GridPosition?, palette: Palette,
                  mark: (GridPosition) -> Style?, into buffer: inout CellBuffer) {
        drawLabels(into: &buffer, style: palette.index)
        for row in visibleRows {
            for column in visibleColumns {
                guard let rect = rect(row: row, column: column), let value = plane[row, column] else { continue }
                let position = GridPosition(row: row, column: column)
                var cell = palette.heat.cell(for: value, scale: scale)
                var text = String(repeating: cell.character, count: rect.width)
                if let mark = mark(position) {
                    let isCurrent = position == current
                    text = rect.width >= 2 ? (isCurrent ? "[]" : "()") : (isCurrent ? "@" : "o")
                    let markStyle = palette.colors ? palette.heat.textStyle(for: value, scale: scale)
                        .overlaid(by: Style(bold: mark.bold, underline: mark.underline)) : mark
                    cell.style = markStyle
                }
                buffer.write(text, x: rect.x, y: rect.y, style: cell.style, clip: rect)
            }
        }
    }
}
