import AtrousCore
import AtrousExplorer

/// A (the configuration `:pin` kept) against B (the current one): A's output, B's output and
/// `A − B` as heat maps side by side, each titled, A and B on one shared scale and `A − B` on
/// a signed one. Below the maps: what B changed and which cells `A − B` covers, the scales,
/// and A's computation line for the current cell. B's computation line is the screen's own,
/// on the row just below the panel.
///
/// Maps larger than their third of the width scroll to follow the current cell, and their
/// titles carry the arrows of ``ScrollMarker``.
public struct PinnedComparisonPanel: Widget, Sendable {
    public var pinned: PinnedConfiguration
    /// B's layer, its output (or nil when its parameters are impossible) and that output's summary.
    public var layer: LayerSpec
    public var output: AnyTensor?
    public var outputSummary: MapSummary?
    /// What B changed of A (``PinnedConfiguration/changes(to:)``).
    public var changes: [String]
    /// The output channel shown, and B's current cell.
    public var channel: Int
    public var current: GridPosition?
    public var showsChannel: Bool
    public var palette: Palette

    public init(pinned: PinnedConfiguration, layer: LayerSpec, output: AnyTensor?, outputSummary: MapSummary?,
                changes: [String], channel: Int, current: GridPosition?, showsChannel: Bool, palette: Palette) {
        self.pinned = pinned
        self.layer = layer
        self.output = output
        self.outputSummary = outputSummary
        self.changes = changes
        self.channel = channel
        self.current = current
        self.showsChannel = showsChannel
        self.palette = palette
    }

    /// Columns between two maps.
    static let gap = 3

    /// The rows that show everything at `width` columns: titles, indices, the taller map, the
    /// notes, the scales and A's computation line.
    public func preferredHeight(width: Int) -> Int {
        let heights = [pinned.output, output].map { $0.map { $0.shape[1] } ?? 0 }
        return 2 + heights.max()! + notes(width: width).count + 2
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let (mapsArea, notes, notesArea, scaleRow, aLine) = regions(area)
        buffer.write(notes, in: notesArea)
        let maps = self.maps
        let grids = layout(maps, in: mapsArea)
        for (map, placed) in zip(maps, grids) {
            ScrollMarker.writeTitle(map.titles, arrows: ScrollMarker.arrows(placed.grid.map { [$0] } ?? []),
                                    area: placed.column, style: palette.header, markStyle: palette.index, into: &buffer)
            guard let grid = placed.grid else {
                buffer.write([PanelLine(text: "", style: palette.label)] + PanelParagraph(map.absence, palette.label)
                    .lines(width: placed.column.width), in: placed.column)
                continue
            }
            grid.drawHeat(map.plane, scale: map.scale, current: current, palette: palette,
                          mark: { $0 == current ? palette.current : nil }, into: &buffer)
        }
        let scrolled = grids.contains { $0.grid.map { !ScrollMarker.arrows([$0]).isEmpty } ?? false }
        Legend.write(scaleEntries(maps, scrolled: scrolled),
                     in: scaleRow, more: " …", palette: palette, into: &buffer)
        drawALine(in: aLine, into: &buffer)
    }

    /// Where the parts go in `area`: A's line on the last row, the scales above it, the notes
    /// above them (cut with `…` only when the maps would lose their title, indices and one
    /// row), and the maps above all.
    func regions(_ area: Rect) -> (maps: Rect, notes: [PanelLine], notesArea: Rect, scaleRow: Rect, aLine: Rect) {
        let (upper, aLine) = area.splitBottom(1)
        let (upper2, scaleRow) = upper.splitBottom(1)
        var notes = notes(width: area.width)
        let noteRoom = max(0, upper2.height - 3)
        if notes.count > noteRoom {
            notes = Array(notes.prefix(noteRoom))
            if let last = notes.popLast() {
                notes.append(PanelLine(text: (last.text + " …").truncated(to: area.width), style: last.style))
            }
        }
        let (maps, notesArea) = upper2.splitBottom(notes.count)
        return (maps, notes, notesArea, scaleRow, aLine)
    }

    /// B's output cell drawn at screen point (`x`, `y`) in any of the three maps, when the
    /// panel fills `area`: cells share their index across the maps, so a click on A or on
    /// `A − B` picks the same cell of B. Nil off the maps and on cells B does not have.
    public func position(x: Int, y: Int, in area: Rect) -> GridPosition? {
        guard let output else { return nil }
        for placed in layout(maps, in: regions(area).maps) {
            if let cell = placed.grid?.position(x: x, y: y), cell.row < output.shape[1], cell.column < output.shape[2] {
                return cell
            }
        }
        return nil
    }

    // MARK: - Maps

    /// One of the three maps: its titles (longest first), its cells and scale, and what to
    /// say in its place when it has no cells.
    struct Map {
        let titles: [String]
        let plane: Plane
        let scale: HeatScale
        let absence: String
    }

    /// A, B and `A − B`, in that order.
    var maps: [Map] {
        let a = pinned.output.map { Plane(featureMap: $0, channel: channel, summary: pinned.outputSummary) }
            ?? Plane(height: 0, width: 0, values: [])
        let b = output.map { Plane(featureMap: $0, channel: channel, summary: outputSummary) }
            ?? Plane(height: 0, width: 0, values: [])
        let outputs = HeatScale(range: Self.union(a.range, b.range))
        let difference = pinned.difference.map {
            Plane(height: $0.shape[0], width: $0.shape[1], values: $0.scalars, summary: pinned.differenceSummary)
        } ?? Plane(height: 0, width: 0, values: [])
        let caption = { (map: AnyTensor?) in MapCaption(shape: map?.shape ?? [], channel: self.channel, batch: 0) }
        return [
            Map(titles: Self.titles("A", PinnedConfiguration.shortSummary(of: pinned.parameters.spec), a,
                                    caption(pinned.output)), plane: a,
                scale: outputs, absence: pinned.output == nil ? "No output: A's parameters are impossible."
                    : "A has no channel \(channel)."),
            Map(titles: Self.titles("B", PinnedConfiguration.shortSummary(of: layer), b, caption(output)), plane: b,
                scale: outputs,
                absence: output == nil ? "No output: B's parameters are impossible." : "B has no channel \(channel)."),
            Map(titles: Self.titles("A−B", nil, difference, caption(output ?? pinned.output)), plane: difference,
                scale: differenceScale,
                absence: "No A−B: it needs both outputs in channel \(channel)."),
        ]
    }

    /// `A: rate 2 same · 9x9`, with the channel and image of a map that has several
    /// (``MapCaption``), then shorter forms, longest first; no size for a map without cells.
    static func titles(_ name: String, _ layer: String?, _ plane: Plane, _ caption: MapCaption) -> [String] {
        let size = plane.height > 0 && plane.width > 0 ? " · \(plane.height)x\(plane.width)" : ""
        let named = layer.map { "\(name): \($0)" } ?? name
        // The layer tells A from B; the channel, the same in all three, still shows on A−B's.
        return ["\(named)\(size)\(caption.long)", "\(named)\(size)\(caption.short)", "\(named)\(caption.short)",
                named, "\(name)\(caption.short)"]
    }

    /// The range that holds both ranges: A's and B's values on one scale.
    static func union(_ first: FiniteRange, _ second: FiniteRange) -> FiniteRange {
        FiniteRange(of: [first, second].filter { !$0.isEmpty }.flatMap { [$0.smallest, $0.largest] })
    }

    /// A signed scale for `A − B`, as deep on either side: its largest size.
    var differenceScale: HeatScale {
        let range = pinned.differenceSummary?.range
        let limit = range.map { $0.isEmpty ? 0 : max(abs($0.smallest), abs($0.largest)) } ?? 0
        return .diverging(limit: limit)
    }

    /// A map's column, and its grid when it has cells.
    struct Placement {
        let column: Rect
        let grid: GridLayout?
    }

    /// The three maps side by side, a third of the width each: two screen columns a cell
    /// when every map shows whole at that, else one; grids follow the current cell.
    func layout(_ maps: [Map], in area: Rect) -> [Placement] {
        let third = max(0, (area.width - 2 * Self.gap) / 3)
        let columns = (0..<3).map { Rect(x: area.x + $0 * (third + Self.gap), y: area.y, width: third, height: area.height) }
        func grid(_ map: Map, _ column: Rect, cellWidth: Int) -> GridLayout? {
            guard map.plane.height > 0, map.plane.width > 0 else { return nil }
            return GridLayout(area: column.splitTop(1).1, rows: 0..<map.plane.height, columns: 0..<map.plane.width,
                              cellWidth: cellWidth,
                              follow: current.map { ($0.row..<($0.row + 1), $0.column..<($0.column + 1)) })
        }
        let wide = zip(maps, columns).allSatisfy { map, column in
            grid(map, column, cellWidth: 2).map { $0.visibleColumns.count == map.plane.width } ?? true
        }
        return zip(maps, columns).map { Placement(column: $0.1, grid: grid($0.0, $0.1, cellWidth: wide ? 2 : 1)) }
    }

    // MARK: - Text

    /// What B changed, and which cells `A − B` covers: the rule when the shapes differ.
    func notes(width: Int) -> [PanelLine] {
        var text = changes.isEmpty ? "B is A unchanged: change a parameter to compare."
            : "B changes: \(changes.joined(separator: ", "))."
        if let a = pinned.output, let b = output, let difference = pinned.difference {
            let (aSize, bSize) = ("\(a.shape[1])x\(a.shape[2])", "\(b.shape[1])x\(b.shape[2])")
            let (rows, columns) = (difference.shape[0], difference.shape[1])
            if a.shape[1] == b.shape[1] && a.shape[2] == b.shape[2] {
                text += " Both outputs are \(aSize): A−B in every cell."
            } else {
                text += " The outputs differ in shape, A \(aSize) and B \(bSize): A−B only where both have a cell, "
                    + "y[i,j] against y[i,j] for i < \(rows), j < \(columns)."
            }
        }
        return PanelParagraph(text, palette.note).lines(width: width)
    }

    /// The scales of `maps` (``maps``) as drawn: A and B's shared one, `A − B`'s signed one,
    /// and the marks.
    func scaleEntries(_ maps: [Map], scrolled: Bool) -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        let shared = Self.union(maps[0].plane.range, maps[1].plane.range)
        if !shared.isEmpty {
            var stops = [shared.smallest, shared.largest]
            if palette.colors && shared.smallest < 0 && shared.largest > 0 { stops.insert(0, at: 1) }
            entries.append(Legend.heatEntry(name: "A, B", stops: stops, scale: maps[0].scale, palette: palette))
        }
        let difference = maps[2].plane.range
        if !difference.isEmpty {
            if difference.smallest == 0 && difference.largest == 0 {
                entries.append([("A−B 0 in every cell", palette.label)])
            } else {
                let stops = [difference.smallest, 0, difference.largest].reduce(into: [Double]()) { stops, value in
                    if stops.last != value { stops.append(value) }
                }
                entries.append(Legend.heatEntry(name: "A−B", stops: stops, scale: maps[2].scale, palette: palette))
            }
        }
        entries.append([("[]", palette.current), (" current cell", palette.label)])
        if scrolled { entries.append([("↓→ more", palette.index), (" beyond the edge: move the cell", palette.label)]) }
        return entries
    }

    /// `A: y[1,2] = …` for B's current cell, or why A has none there.
    private func drawALine(in row: Rect, into buffer: inout CellBuffer) {
        if let taps = pinned.taps {
            var line = ComputationLine(breakdown: taps, showsChannel: showsChannel, palette: palette)
            line.label = "A: "
            line.activation = pinned.parameters.activation
            buffer.render(line, in: row)
        } else {
            let cell = current.map { "y[\($0.row),\($0.column)]" } ?? "this cell"
            buffer.write("A: no output at \(cell).", x: row.x, y: row.y, style: palette.label, clip: row)
        }
    }
}

/// The comparison with the pinned A while one is pinned.
public func pinnedWidget(for state: ExplorerState, palette: Palette) -> PinnedComparisonPanel? {
    guard let pinned = state.pinned else { return nil }
    return PinnedComparisonPanel(pinned: pinned, layer: state.spec, output: state.output, outputSummary: state.outputSummary,
                                 changes: pinned.changes(to: state.parameters), channel: state.outputChannel,
                                 current: state.taps.map { GridPosition(row: $0.outputRow, column: $0.outputColumn) },
                                 showsChannel: state.kernelShape.outputChannels > 1, palette: palette)
}
