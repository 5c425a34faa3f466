import AtrousCore
import AtrousExplorer

/// The input grid of one channel: the padding ring drawn apart, the current output cell's
/// taps lettered by kernel index, the holes between them marked, indices around it.
///
/// Inputs larger than the panel scroll so the taps stay in view. Values use one
/// ``ValueFormat`` chosen from the data; when not even the taps' window fits in values, each
/// cell becomes one heat-map character.
public struct InputPanel: Widget {
    /// How grid cells are drawn.
    public enum CellMode: Sendable, Hashable {
        /// Values when the taps' window fits in them, else shades.
        case automatic
        case values
        /// One heat-map character per cell: an overview of a large input.
        case shades
    }

    public var input: AnyTensor
    public var geometry: ConvolutionGeometry
    /// The current output cell's breakdown, or nil when none is chosen.
    public var taps: TapBreakdown<Double>?
    public var channel: Int
    public var batch: Int
    /// An input cell the user picked (its reach shows in the output panel).
    public var selection: GridPosition?
    public var palette: Palette
    /// The widest a value may be, 4–6 characters by the room the layout gives.
    public var maxValueWidth: Int
    public var mode: CellMode
    /// The logical top-left cell shown last time, or nil to centre on the taps.
    public var scroll: GridPosition?
    /// What the title calls the map: `Input`, or the layer output a stacked layer reads.
    public var name: String
    /// The range and decimals of the channel shown, when the state has them: a frame then
    /// reads only the cells it draws.
    public var summary: MapSummary?

    public init(input: AnyTensor, geometry: ConvolutionGeometry, taps: TapBreakdown<Double>? = nil,
                channel: Int = 0, batch: Int = 0, selection: GridPosition? = nil, palette: Palette,
                maxValueWidth: Int = 5, mode: CellMode = .automatic, scroll: GridPosition? = nil, name: String = "Input",
                summary: MapSummary? = nil) {
        self.input = input
        self.geometry = geometry
        self.taps = taps
        self.channel = channel
        self.batch = batch
        self.selection = selection
        self.palette = palette
        self.maxValueWidth = maxValueWidth
        self.mode = mode
        self.scroll = scroll
        self.name = name
        self.summary = summary
    }

    /// The channel shown.
    var plane: Plane { Plane(featureMap: input, batch: batch, channel: channel, summary: summary) }

    // MARK: - Drawing

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let placement = placement(in: area)
        let grid = placement.grid
        ScrollMarker.writeTitle(titles(), arrows: ScrollMarker.arrows([grid]), area: area, style: palette.header,
                                markStyle: palette.index, into: &buffer)
        grid.drawLabels(into: &buffer, style: palette.index)
        let scale = HeatScale(range: placement.plane.range)
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column) else { continue }
                let position = GridPosition(row: row, column: column)
                drawCell(position, in: rect, placement: placement, scale: scale, into: &buffer)
            }
        }
    }

    /// The input cell (padding included, so possibly negative or past the end) drawn at
    /// screen point (`x`, `y`) when the panel fills `area`; nil off the grid.
    public func position(x: Int, y: Int, in area: Rect) -> GridPosition? {
        placement(in: area).grid.position(x: x, y: y)
    }

    /// What the panel draws where: computed once for drawing and for clicks.
    struct Placement {
        let plane: Plane
        let marks: [GridPosition: TapMark]
        let window: GridWindow?
        let format: ValueFormat
        let grid: GridLayout
    }

    func placement(in area: Rect) -> Placement {
        let plane = self.plane
        let body = area.splitTop(1).1
        let marks = tapMarks()
        let window = Self.window(of: marks.keys)
        let format = plane.format(maxWidth: maxValueWidth, minWidth: 1)
        let cellWidth = usesValues(in: body, format: format, window: window) ? valueCellWidth(format) : labelWidth
        return Placement(plane: plane, marks: marks, window: window, format: format,
                         grid: layout(in: body, window: window, cellWidth: cellWidth))
    }

    /// `Input 5x5 · ch 1/3 · pad zeros` (or `Layer 2 output 5x5 …`), and shorter forms for narrow panels.
    func titles() -> [String] {
        let size = "\(geometry.rows.inputSize)x\(geometry.columns.inputSize)"
        let caption = MapCaption(shape: input.shape, channel: channel, batch: batch)
        let (t, b, l, r) = geometry.pads
        let fill = t + b + l + r > 0 ? " · pad \(geometry.spec.fill)" : ""
        return ["\(name) \(size)\(caption.long)\(fill)", "\(name) \(size)\(caption.short)"]
    }

    /// The grid's geometry: the padded extent, scrolled to the taps.
    func layout(in body: Rect, window: GridWindow?, cellWidth: Int) -> GridLayout {
        let (t, b, l, r) = geometry.pads
        return GridLayout(area: body, rows: -t..<(geometry.rows.inputSize + b),
                          columns: -l..<(geometry.columns.inputSize + r), cellWidth: cellWidth,
                          follow: window.map { ($0.rows, $0.columns) }, scroll: scroll)
    }

    /// Whether values fit: at least the taps' window (or three cells) side by side.
    func usesValues(in body: Rect, format: ValueFormat, window: GridWindow?) -> Bool {
        switch mode {
        case .values: return true
        case .shades: return false
        case .automatic:
            let (_, _, l, r) = geometry.pads
            let columns = geometry.columns.inputSize + l + r
            let needed = min(columns, window?.columns.count ?? 3)
            let probe = layout(in: body, window: nil, cellWidth: valueCellWidth(format))
            return probe.cellArea.width / valueCellWidth(format) >= needed
        }
    }

    /// How wide the tap names are: one letter, or two beyond 52 taps.
    var labelWidth: Int {
        TapLabel.width(tapCount: geometry.rows.kernelSize * geometry.columns.kernelSize)
    }

    /// Screen columns of a cell showing its value: the value, its tap name and their blanks.
    func valueCellWidth(_ format: ValueFormat) -> Int {
        format.width + TapLabel.cellOverhead(labelWidth: labelWidth)
    }

    /// Screen columns the whole grid needs to show every cell as a value, labels included:
    /// what the panel asks of the layout.
    /// - Complexity: O(1) for a grid too wide for any terminal, else a pass over the plane.
    func preferredSize(maxValueWidth: Int) -> Size {
        let (t, b, l, r) = geometry.pads
        let rows = geometry.rows.inputSize + t + b, columns = geometry.columns.inputSize + l + r
        let probe = GridLayout(area: Rect(x: 0, y: 0, width: 1, height: 1), rows: -t..<(rows - t),
                               columns: -l..<(columns - l), cellWidth: 1)
        let narrowest = probe.rowLabelWidth + columns * valueCellWidth(ValueFormat(notation: .fixed(decimals: 0), width: 1))
        // No terminal shows such a grid whole: what it needs exactly does not matter, and a
        // large input is not scanned once more for it on every frame.
        guard narrowest <= Self.widestTerminal else { return Size(width: narrowest, height: rows + 2) }
        let plane = self.plane
        let format = plane.format(maxWidth: maxValueWidth, minWidth: 1)
        return Size(width: probe.rowLabelWidth + columns * valueCellWidth(format), height: rows + 2)
    }

    /// Wider than `atrous render` draws (1000 columns), and than any terminal in use.
    static let widestTerminal = 1000

    private func drawCell(_ position: GridPosition, in rect: Rect, placement: Placement, scale: HeatScale,
                          into buffer: inout CellBuffer) {
        let format = placement.format
        let mark = placement.marks[position]
        let inWindow = placement.window?.contains(position) ?? false
        let value = self.value(at: position, plane: placement.plane)
        let isPadding = !geometry.paddingSides(row: position.row, column: position.column).isEmpty
        let showsValues = rect.width > labelWidth
        if let mark {
            let style = mark.isPadding ? palette.paddingTap : palette.tap
            let text = showsValues ? TapLabel.cellText(label: mark.label, labelWidth: labelWidth,
                                                       value: Self.text(value, format: format))
                : mark.label.rightPadded(to: rect.width)
            buffer.write(text, x: rect.x, y: rect.y, style: style, clip: rect)
            return
        }
        if !showsValues {
            var cell = shadeCell(value: value, isPadding: isPadding, scale: scale)
            // A hole's background would hide its heat colour, so shades mark holes by underlining.
            if inWindow { cell.style = cell.style.overlaid(by: Style(underline: true)) }
            if position == selection { cell.style = palette.selected }
            for x in rect.x..<(rect.x + rect.width) { buffer[x, rect.y] = cell }
        } else {
            var style = isPadding ? palette.padding : palette.value
            if inWindow { style = style.overlaid(by: palette.hole) }
            if position == selection { style = palette.selected }
            buffer.write(TapLabel.cellText(label: nil, labelWidth: labelWidth, value: Self.text(value, format: format)),
                         x: rect.x, y: rect.y, style: style, clip: rect)
        }
    }

    /// A value in the grid's format, or `·` in its ones column for zero padding.
    static func text(_ value: Double?, format: ValueFormat) -> String {
        value.map(format.string) ?? "·".leftPadded(to: format.width)
    }

    /// One character for a cell: its heat colour or shade; padding as a dim shade (its copied
    /// value) or `·` (zero), so the ring stays apart from the input in either palette.
    private func shadeCell(value: Double?, isPadding: Bool, scale: HeatScale) -> Cell {
        guard let value else { return Cell("·", style: palette.padding) }
        guard isPadding else { return palette.heat.cell(for: value, scale: scale) }
        let shade = HeatPalette(colors: false).cell(for: value, scale: scale)
        return Cell(shade.character, style: palette.padding)
    }

    /// The value a (possibly padded) cell holds, or nil for zero padding.
    func value(at position: GridPosition, plane: Plane) -> Double? {
        let fill = geometry.spec.fill
        guard let row = fill.sourceIndex(position.row, size: geometry.rows.inputSize),
              let column = fill.sourceIndex(position.column, size: geometry.columns.inputSize)
        else { return nil }
        return plane[row, column]
    }

    // MARK: - Taps

    struct TapMark: Hashable {
        let label: String
        let isPadding: Bool
    }

    /// One mark per kernel tap (the channels of a tap share a cell).
    func tapMarks() -> [GridPosition: TapMark] {
        guard let taps else { return [:] }
        var marks: [GridPosition: TapMark] = [:]
        let kernelWidth = geometry.columns.kernelSize
        for tap in taps.taps {
            let position = GridPosition(row: tap.row, column: tap.column)
            guard marks[position] == nil else { continue }
            marks[position] = TapMark(label: TapLabel.label(row: tap.kernelRow, column: tap.kernelColumn,
                                                                kernelWidth: kernelWidth),
                                      isPadding: tap.source.isPadding)
        }
        return marks
    }

    /// The rows and columns the taps span.
    static func window(of positions: some Collection<GridPosition>) -> GridWindow? {
        guard let top = positions.map(\.row).min(), let bottom = positions.map(\.row).max(),
              let left = positions.map(\.column).min(), let right = positions.map(\.column).max()
        else { return nil }
        return GridWindow(rows: top..<(bottom + 1), columns: left..<(right + 1))
    }
}

/// A rectangle of logical grid cells.
struct GridWindow: Hashable {
    let rows: Range<Int>
    let columns: Range<Int>

    func contains(_ position: GridPosition) -> Bool {
        rows.contains(position.row) && columns.contains(position.column)
    }
}
