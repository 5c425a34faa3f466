import AtrousExplorer

/// Where the cells of a labelled, scrollable grid land inside a rectangle.
///
/// The grid's rows and columns carry logical indices (negative ones for the padding above and
/// left of an input). The first row of the rectangle holds the column indices, the first
/// columns the row indices; the rest shows as many cells as fit, scrolled by two
/// ``Viewport``s so a target stays visible.
struct GridLayout: Sendable, Equatable {
    /// Every logical row and column of the grid, visible or not.
    let rows: Range<Int>
    let columns: Range<Int>
    /// Screen columns per grid cell.
    let cellWidth: Int
    /// Whether indices are drawn; without them the cells start at the top left.
    let showsLabels: Bool
    /// Screen columns taken by the row indices and the gap after them.
    let rowLabelWidth: Int
    /// The whole rectangle, labels included.
    let area: Rect
    /// The screen rectangle of the cells (labels excluded).
    let cellArea: Rect
    let rowView: Viewport
    let columnView: Viewport

    /// Lays out a grid in `area`.
    /// - Parameters:
    ///   - follow: logical rows and columns to keep visible (the current taps).
    ///   - scroll: the logical top-left cell to start from; nil centres on `follow`.
    ///   - margin: cells of context to keep around `follow` when scrolling from `scroll`.
    init(area: Rect, rows: Range<Int>, columns: Range<Int>, cellWidth: Int, showsLabels: Bool = true,
         follow: (rows: Range<Int>, columns: Range<Int>)? = nil, scroll: GridPosition? = nil, margin: Int = 1) {
        self.rows = rows
        self.columns = columns
        self.cellWidth = max(1, cellWidth)
        self.showsLabels = showsLabels
        self.area = area
        let labelDigits = showsLabels ? max(Self.label(rows.lowerBound).count, Self.label(rows.upperBound - 1).count) : 0
        rowLabelWidth = showsLabels ? labelDigits + 1 : 0
        let top = showsLabels ? 1 : 0
        cellArea = Rect(x: area.x + rowLabelWidth, y: area.y + top,
                        width: area.width - rowLabelWidth, height: area.height - top)
        let visibleColumns = cellArea.width / self.cellWidth
        rowView = Self.view(content: rows, length: cellArea.height, follow: follow?.rows,
                            start: scroll?.row, margin: margin)
        columnView = Self.view(content: columns, length: visibleColumns, follow: follow?.columns,
                               start: scroll?.column, margin: margin)
    }

    private static func view(content: Range<Int>, length: Int, follow: Range<Int>?, start: Int?,
                             margin: Int) -> Viewport {
        let target = follow.map { ($0.lowerBound - content.lowerBound)..<($0.upperBound - content.lowerBound) }
        if let start {
            let window = Viewport(contentLength: content.count, length: length, offset: start - content.lowerBound)
            return target.map { window.showing($0, margin: margin) } ?? window
        }
        guard let target else { return Viewport(contentLength: content.count, length: length) }
        return Viewport.centered(on: target, contentLength: content.count, length: length)
    }

    /// The logical rows and columns on screen.
    var visibleRows: Range<Int> { shift(rowView.range, by: rows.lowerBound) }
    var visibleColumns: Range<Int> { shift(columnView.range, by: columns.lowerBound) }

    /// The screen width the labels and all visible cells take.
    var usedWidth: Int { rowLabelWidth + visibleColumns.count * cellWidth }

    /// The screen rectangle of logical cell (`row`, `column`), or nil when it is off screen.
    func rect(row: Int, column: Int) -> Rect? {
        guard visibleRows.contains(row), visibleColumns.contains(column) else { return nil }
        return Rect(x: x(ofColumn: column), y: cellArea.y + (row - visibleRows.lowerBound), width: cellWidth, height: 1)
    }

    /// The screen column where logical column `column` starts.
    private func x(ofColumn column: Int) -> Int {
        cellArea.x + (column - visibleColumns.lowerBound) * cellWidth
    }

    /// The logical cell under screen point (`x`, `y`), for mouse clicks.
    func position(x: Int, y: Int) -> GridPosition? {
        guard cellArea.contains(x: x, y: y) else { return nil }
        let row = visibleRows.lowerBound + (y - cellArea.y)
        let column = visibleColumns.lowerBound + (x - cellArea.x) / cellWidth
        guard visibleRows.contains(row), visibleColumns.contains(column) else { return nil }
        return GridPosition(row: row, column: column)
    }

    /// Draws the row and column indices. Columns are labelled right-aligned in their cell when
    /// the index fits, else every fifth column, left-aligned, where a blank still separates it
    /// from the label before (so 9 and 10 never read as 910).
    func drawLabels(into buffer: inout CellBuffer, style: Style) {
        guard showsLabels else { return }
        let labelRow = cellArea.y - 1
        let clip = Rect(x: cellArea.x, y: labelRow, width: cellArea.width, height: 1)
        var nextFree = cellArea.x
        for column in visibleColumns {
            let x = x(ofColumn: column)
            let text = Self.label(column)
            if text.count < cellWidth {
                nextFree = buffer.write(text.leftPadded(to: cellWidth), x: x, y: labelRow, style: style, clip: clip) + 1
            } else if (column % 5 == 0 || column == visibleColumns.lowerBound) && x >= nextFree {
                nextFree = buffer.write(text, x: x, y: labelRow, style: style, clip: clip) + 1
            }
        }
        let labelWidth = rowLabelWidth - 1
        for row in visibleRows {
            buffer.write(Self.label(row).leftPadded(to: labelWidth), x: area.x,
                         y: cellArea.y + row - visibleRows.lowerBound, style: style, clip: area)
        }
    }

    static func label(_ index: Int) -> String { String(index) }

    private func shift(_ range: Range<Int>, by amount: Int) -> Range<Int> {
        (range.lowerBound + amount)..<(range.upperBound + amount)
    }
}
