import AtrousCore
import AtrousExplorer

/// The chosen cell's receptive field drawn on the input as path counts: a sequential heat
/// map (shades without colour) over the field's box and a margin of one cell, cropped around
/// the field's centre when it does not fit. Nothing is ever scaled down, so every hole shows.
///
/// Inside the box, a cell no path reaches is a hole `·`, and a part of the box that lies in
/// the padding is `×`; outside the box the input is left blank, so the box's edge reads too.
/// The cell at the field's centre is underlined and bold.
///
/// It draws a layer stack's analysis and a model's alike: both give the cell, its region, the
/// input's size and the counts.
struct PathCountMapView: Widget, Sendable {
    /// What the map draws, whichever analysis it comes from.
    struct Counts: Sendable {
        let position: Pair
        let region: CellRegion
        let inputSize: Pair
        /// The largest count, and as the legend writes it.
        let maximum: Double
        let maximumText: String
        /// The count at (row, column) of the input.
        let count: @Sendable (Int, Int) -> Double
        /// The title's words before the cell: `Paths into output cell`.
        var subject = "Paths into"
    }

    let analysis: Counts
    let palette: Palette

    init(analysis: ReceptiveFieldAnalysis, palette: Palette) {
        let counts = analysis.pathCounts
        self.analysis = Counts(position: analysis.position, region: analysis.region, inputSize: analysis.stack.inputSize,
                               maximum: Double(counts.maximum), maximumText: "\(counts.maximum)",
                               count: { Double(counts[$0, $1]) })
        self.palette = palette
    }

    init(counts: Counts, palette: Palette) {
        analysis = counts
        self.palette = palette
    }

    /// Cells of context drawn around the field's box.
    static let margin = 1

    func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let (titleArea, rest) = area.splitTop(1)
        // The legend follows the grid's last row; it gives way first when rows are short.
        let gridRows = rest.height >= 3 ? min(rest.height - 1, contentRows.count + 1) : rest.height
        let (gridArea, below) = rest.splitTop(gridRows)
        let legendArea = below.splitTop(1).0
        let grid = layout(in: gridArea)
        buffer.write(titles(grid).firstFitting(width: titleArea.width), x: titleArea.x, y: titleArea.y,
                     style: palette.header, clip: titleArea)
        grid.drawLabels(into: &buffer, style: palette.index)
        let scale = HeatScale.sequential(limit: analysis.maximum)
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column) else { continue }
                let (text, style) = cell(row: row, column: column, width: rect.width, scale: scale)
                buffer.write(text, x: rect.x, y: rect.y, style: style, clip: rect)
            }
        }
        drawLegend(into: &buffer, area: legendArea, scale: scale)
    }

    /// The input rows drawn: the field's box and its margin.
    var contentRows: Range<Int> {
        (analysis.region.rows.start - Self.margin)..<(analysis.region.rows.end + 1 + Self.margin)
    }

    /// The input columns drawn.
    var contentColumns: Range<Int> {
        (analysis.region.columns.start - Self.margin)..<(analysis.region.columns.end + 1 + Self.margin)
    }

    /// The rows to show the whole box: title, column indices, the cells, the legend.
    var naturalHeight: Int { contentRows.count + 3 }

    /// The columns to show the whole box with square-looking two-column cells.
    var naturalWidth: Int { labelWidth + 1 + 2 * contentColumns.count }

    /// The columns to show the whole box with one-column cells, as ``layout(in:)`` draws it when
    /// two-column cells do not fit. A column index starts at its cell and runs on to the right,
    /// so the last one's extra digits need room too, or `30` would read as `3`.
    var narrowWidth: Int {
        labelWidth + 1 + contentColumns.count + GridLayout.label(contentColumns.upperBound - 1).count - 1
    }

    private var labelWidth: Int {
        max(GridLayout.label(contentRows.lowerBound).count, GridLayout.label(contentRows.upperBound - 1).count)
    }

    /// The field's box with its margin, centred on the field's centre.
    func layout(in area: Rect) -> GridLayout {
        let region = analysis.region
        let (rows, columns) = (contentRows, contentColumns)
        let follow = (Self.middle(of: region.rows), Self.middle(of: region.columns))
        let wide = GridLayout(area: area, rows: rows, columns: columns, cellWidth: 2, follow: follow)
        guard wide.visibleColumns.count < columns.count else { return wide }
        return GridLayout(area: area, rows: rows, columns: columns, cellWidth: 1, follow: follow)
    }

    /// The one or two cells at the middle of a run.
    static func middle(of region: AxisRegion) -> Range<Int> {
        let low = (region.start + region.end).dividedRoundingDown(by: 2)
        return low..<(low + ((region.start + region.end) % 2 == 0 ? 1 : 2))
    }

    /// `Paths into output cell (16, 16)`, saying how much of the box shows when it is cropped.
    func titles(_ grid: GridLayout) -> [String] {
        let cell = "(\(analysis.position.height), \(analysis.position.width))"
        let region = analysis.region
        let shown = Pair(grid.visibleRows.clamped(to: region.rows.start..<(region.rows.end + 1)).count,
                         grid.visibleColumns.clamped(to: region.columns.start..<(region.columns.end + 1)).count)
        let subject = analysis.subject
        guard shown != region.size else { return ["\(subject) output cell \(cell)", "\(subject) \(cell)"] }
        let part = "\(shown.height)x\(shown.width) of \(region.size.height)x\(region.size.width)"
        return ["\(subject) output cell \(cell), \(part) shown", "\(subject) \(cell), \(part) shown",
                "\(subject) \(cell), \(part)", "\(cell), \(part) shown", "\(cell), \(part)", "\(subject) \(cell)"]
    }

    /// What input cell (`row`, `column`) shows, `width` characters wide.
    func cell(row: Int, column: Int, width: Int, scale: HeatScale) -> (String, Style) {
        let region = analysis.region
        let input = analysis.inputSize
        let inBox = (region.rows.start...region.rows.end).contains(row)
            && (region.columns.start...region.columns.end).contains(column)
        let inInput = (0..<input.height).contains(row) && (0..<input.width).contains(column)
        let pad = String(repeating: " ", count: max(width - 1, 0))
        // Marks sit in a cell's last column, under the column index, which is right-aligned.
        guard inInput else { return inBox ? (pad + "×", palette.padding) : (" " + pad, .plain) }
        let count = analysis.count(row, column)
        var text: String, style: Style
        if count > 0 {
            let heat = palette.heat.cell(for: count, scale: scale)
            (text, style) = (String(repeating: heat.character, count: width), heat.style)
        } else if inBox {
            (text, style) = (pad + "·", palette.hole)
        } else {
            return (" " + pad, .plain)
        }
        if Self.middle(of: region.rows) == row..<(row + 1), Self.middle(of: region.columns) == column..<(column + 1) {
            style = style.overlaid(by: Style(bold: true, underline: true))
        }
        return (text, style)
    }

    /// `░▒▓█ 1..8 paths  · hole  × padding`, with colour samples of the lowest and highest count.
    private func drawLegend(into buffer: inout CellBuffer, area: Rect, scale: HeatScale) {
        guard !area.isEmpty else { return }
        let maximum = analysis.maximum
        guard maximum > 0 else {
            buffer.write("No path reaches the input.", x: area.x, y: area.y, style: palette.index, clip: area)
            return
        }
        var x = area.x
        let samples: [Double] = palette.colors ? [1, maximum] : []
        for value in samples {
            let heat = palette.heat.cell(for: value, scale: scale)
            x = buffer.write(String(repeating: heat.character, count: 2), x: x, y: area.y, style: heat.style, clip: area)
        }
        let shades = palette.colors ? "" : String(HeatPalette.shades.dropFirst())
        let range = maximum == 1 ? "1 path" : "1..\(analysis.maximumText) paths"
        let text = [" \(range)  · hole  × padding", " \(range) · hole × pad", " \(range)"]
            .firstFitting(width: area.maxX - x - shades.count)
        buffer.write(shades + text, x: x, y: area.y, style: palette.index, clip: area)
    }
}

extension Int {
    /// The quotient rounded towards minus infinity, for coordinates that may be negative.
    func dividedRoundingDown(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
