import AtrousCore
import AtrousExplorer

/// The output map of one channel as values, as a heat map, or both side by side, with the
/// current cell marked and the cells that the selected input cell reaches marked.
public struct OutputPanel: Widget {
    /// What the panel shows.
    public enum Mode: Sendable, Hashable {
        case values
        case heat
        /// Values and heat map side by side when the room allows, else values.
        case both
    }

    public var output: AnyTensor
    public var channel: Int
    public var batch: Int
    /// The cell whose sum the computation line shows.
    public var current: GridPosition?
    /// Output cells that read the selected input cell.
    public var reached: Set<GridPosition>
    public var mode: Mode
    public var palette: Palette
    /// The widest a value may be, 4–6 characters by the room the layout gives.
    public var maxValueWidth: Int
    /// The top-left cell shown last time, or nil to centre on the current cell.
    public var scroll: GridPosition?
    /// The range and decimals of the channel shown, when the state has them: a frame then
    /// reads only the cells it draws.
    public var summary: MapSummary?

    public init(output: AnyTensor, channel: Int = 0, batch: Int = 0, current: GridPosition? = nil,
                reached: Set<GridPosition> = [], mode: Mode = .values, palette: Palette, maxValueWidth: Int = 5,
                scroll: GridPosition? = nil, summary: MapSummary? = nil) {
        self.output = output
        self.channel = channel
        self.batch = batch
        self.current = current
        self.reached = reached
        self.mode = mode
        self.palette = palette
        self.maxValueWidth = maxValueWidth
        self.scroll = scroll
        self.summary = summary
    }

    /// The channel shown.
    var plane: Plane { Plane(featureMap: output, batch: batch, channel: channel, summary: summary) }

    /// Columns between the values and the heat map.
    static let gap = 2

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let plane = self.plane
        let parts = parts(plane, in: area)
        ScrollMarker.writeTitle(titles(plane: plane), arrows: ScrollMarker.arrows(parts.map(\.grid)), area: area,
                                style: palette.header, markStyle: palette.index, into: &buffer)
        let scale = HeatScale(range: plane.range)
        for part in parts {
            switch part {
            case let .values(grid, format): drawValues(plane, grid: grid, format: format, into: &buffer)
            case let .heat(grid): drawHeat(plane, grid: grid, scale: scale, into: &buffer)
            }
        }
    }

    /// The output cell drawn at screen point (`x`, `y`), in the values or the heat map, when
    /// the panel fills `area`; nil off the grids.
    public func position(x: Int, y: Int, in area: Rect) -> GridPosition? {
        let plane = self.plane
        for part in parts(plane, in: area) {
            switch part {
            case let .values(grid, _), let .heat(grid):
                if let position = grid.position(x: x, y: y) { return position }
            }
        }
        return nil
    }

    /// A grid the panel draws.
    enum Part {
        case values(GridLayout, ValueFormat)
        case heat(GridLayout)

        var grid: GridLayout {
            switch self {
            case let .values(grid, _), let .heat(grid): grid
            }
        }

        var isHeat: Bool { if case .heat = self { true } else { false } }
    }

    /// The grids the mode asks for and the room allows: values when at least three columns
    /// (or all) fit, else the heat map; in ``Mode/both`` the heat map too where it fits.
    func parts(_ plane: Plane, in area: Rect) -> [Part] {
        let body = area.splitTop(1).1
        let format = plane.format(maxWidth: maxValueWidth)
        let values = grid(plane, in: body, cellWidth: format.width + 1)
        let valuesFit = values.visibleColumns.count >= min(plane.width, 3)
        switch mode {
        case .values where valuesFit:
            return [.values(values, format)]
        case .both where valuesFit:
            guard let heatArea = heatArea(plane, in: body, valueWidth: format.width + 1) else {
                return [.values(values, format)]
            }
            return [.values(values, format), .heat(grid(plane, in: heatArea, cellWidth: heatCellWidth(plane, in: heatArea)))]
        default:
            return [.heat(grid(plane, in: body, cellWidth: heatCellWidth(plane, in: body)))]
        }
    }

    /// The room the values grid needs to show every cell, title and indices included: what
    /// the panel asks of the layout.
    /// - Complexity: O(1) for a grid too wide for any terminal, else a pass over the plane.
    func preferredSize() -> Size {
        if let shape = try? FeatureMapShape(shape: output.shape), 2 * shape.width > InputPanel.widestTerminal {
            return Size(width: 2 * shape.width, height: shape.height + 2)
        }
        let plane = self.plane
        let format = plane.format(maxWidth: maxValueWidth)
        let probe = grid(plane, in: Rect(x: 0, y: 0, width: 1, height: 1), cellWidth: format.width + 1)
        return Size(width: probe.rowLabelWidth + plane.width * (format.width + 1), height: plane.height + 2)
    }

    /// `Output 5x5 · ch 1/2`, and a shorter form for narrow panels.
    func titles(plane: Plane) -> [String] {
        let size = "\(plane.height)x\(plane.width)"
        let caption = MapCaption(shape: output.shape, channel: channel, batch: batch)
        return ["Output \(size)\(caption.long)", "Output \(size)\(caption.short)"]
    }

    func grid(_ plane: Plane, in area: Rect, cellWidth: Int) -> GridLayout {
        GridLayout(area: area, rows: 0..<plane.height, columns: 0..<plane.width, cellWidth: cellWidth,
                   follow: current.map { ($0.row..<($0.row + 1), $0.column..<($0.column + 1)) }, scroll: scroll)
    }

    /// Where the heat map goes: beside the values when the whole values grid shows, or below
    /// them when all their rows show, preferring wherever the heat map gets square two-column
    /// cells; nil when neither place shows at least three of its columns.
    private func heatArea(_ plane: Plane, in body: Rect, valueWidth: Int) -> Rect? {
        let values = grid(plane, in: body, cellWidth: valueWidth)
        var places: [Rect] = []
        if values.visibleColumns.count == plane.width { places.append(body.splitLeft(values.usedWidth + Self.gap).1) }
        if values.visibleRows.count == plane.height { places.append(body.splitTop(1 + plane.height + 1).1) }
        let enough = min(plane.width, 3)
        for cellWidth in [2, 1] {
            for place in places where place.height >= 1 + min(plane.height, 3)
                && grid(plane, in: place, cellWidth: cellWidth).visibleColumns.count >= (cellWidth == 2 ? plane.width : enough) {
                return place
            }
        }
        return nil
    }

    /// Two columns per heat cell, so cells look square, unless one column shows more of the map.
    private func heatCellWidth(_ plane: Plane, in area: Rect) -> Int {
        grid(plane, in: area, cellWidth: 2).visibleColumns.count == plane.width ? 2 : 1
    }

    private func drawValues(_ plane: Plane, grid: GridLayout, format: ValueFormat, into buffer: inout CellBuffer) {
        grid.drawLabels(into: &buffer, style: palette.index)
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column), let value = plane[row, column] else { continue }
                let style = style(at: GridPosition(row: row, column: column)) ?? palette.value
                buffer.write(" " + format.string(value), x: rect.x, y: rect.y, style: style, clip: rect)
            }
        }
    }

    private func drawHeat(_ plane: Plane, grid: GridLayout, scale: HeatScale, into buffer: inout CellBuffer) {
        grid.drawHeat(plane, scale: scale, current: current, palette: palette, mark: style(at:), into: &buffer)
    }

    /// The mark style of a cell: current first, then reached; nil for an ordinary cell.
    private func style(at position: GridPosition) -> Style? {
        if position == current { return palette.current }
        if reached.contains(position) { return palette.reached }
        return nil
    }
}
