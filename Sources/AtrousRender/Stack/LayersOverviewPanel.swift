import AtrousCore
import AtrousExplorer

/// The layers overview: the input and every layer's output as small heat maps side by side,
/// each titled with its shape, the cells of the chosen output's cone marked `•`.
///
/// Every map is drawn cell for cell, never sampled, so the holes of a gridding cone show. A map
/// larger than its tile shows a window around its cone (or its middle), and its title names the
/// rows and columns shown, `7–40×17–31`. The maps share one heat scale or each has its own, as the state says.
public struct LayersOverviewPanel: Widget, Sendable {
    /// One map: its title (`L2 r2 48x48 •9`: layer, rate, shape, cells in the cone), its values,
    /// and the cone over it.
    struct Map: Sendable, Equatable {
        let title: String
        /// `In` or `L2`, for narrow tiles.
        let shortName: String
        let plane: Plane
        let cone: PathCountMap?
        let isSelected: Bool
    }

    let maps: [Map]
    let scale: LayersOverview.Scale
    let palette: Palette

    /// The overview of `state`: its input and the outputs computed so far, in the output
    /// channel shown (or the last channel a map has).
    public init(state: ExplorerState, palette: Palette) {
        let stages = [state.input] + state.stackOutputs.outputs
        let cone = state.overview.cone
        maps = stages.enumerated().map { index, tensor in
            let channels = (try? FeatureMapShape(shape: tensor.shape))?.channels ?? 1
            let channel = min(state.outputChannel, channels - 1)
            let plane = Plane(featureMap: tensor, channel: channel)
            var title = index == 0 ? "Input" : "L\(index) r\(state.layers[index - 1].rate)"
            title += " \(plane.height)x\(plane.width)" + (channels > 1 ? " ch\(channel)" : "")
            let stageCone = cone.flatMap { $0.indices.contains(index) ? $0[index] : nil }
                .flatMap { $0.size == Pair(plane.height, plane.width) ? $0 : nil }
            if let stageCone { title += " •\(stageCone.nonzeroCount)" }
            return Map(title: title, shortName: index == 0 ? "In" : "L\(index)", plane: plane, cone: stageCone, isSelected: index == state.selectedLayer + 1)
        }
        scale = state.overview.scale ?? .shared
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty, !maps.isEmpty else { return }
        let (header, body) = area.splitTop(1)
        let scaleName = scale == .shared ? "one scale" : "own scales"
        let tiling = Tiling(count: maps.count, area: body, largest: largestMap)
        let hidden = maps.indices.filter { tiling.tile($0).isEmpty }.count
        // Maps that find no room are counted in the header, never dropped unannounced.
        let missing = hidden > 0 ? " · \(hidden) of \(maps.count) maps do not fit: enlarge the terminal" : ""
        buffer.write(["Layers overview · \(maps.count - 1) layers · \(scaleName) · •N: cells the chosen output depends on" + missing,
                      "Layers overview · \(scaleName) · • cone of the chosen cell" + missing,
                      "Layers · \(scaleName)" + missing, "\(hidden) maps do not fit"].firstFitting(width: header.width),
                     x: header.x, y: header.y, style: palette.header, clip: header)
        let shared = HeatScale(range: sharedRange)
        for (index, map) in maps.enumerated() {
            let heat = scale == .shared ? shared : HeatScale(range: map.plane.range)
            draw(map, in: tiling.tile(index), cellWidth: tiling.cellWidth, heat: heat, into: &buffer)
        }
    }

    /// The largest map's height and width, which sets the sampling of every map.
    private var largestMap: Pair {
        Pair(maps.map(\.plane.height).max() ?? 0, maps.map(\.plane.width).max() ?? 0)
    }

    /// The finite range over every map.
    private var sharedRange: FiniteRange {
        var range = FiniteRange(of: [Double]())
        for map in maps where !map.plane.range.isEmpty {
            range.smallest = min(range.smallest, map.plane.range.smallest)
            range.largest = max(range.largest, map.plane.range.largest)
        }
        return range
    }

    private func draw(_ map: Map, in tile: Rect, cellWidth: Int, heat: HeatScale, into buffer: inout CellBuffer) {
        guard !tile.isEmpty else { return }
        let (titleArea, grid) = tile.splitTop(1)
        let plane = map.plane
        let bounds = map.cone?.nonzeroBounds
        let rows = Self.window(plane.height, room: grid.height, around: bounds.map { ($0.rows.lowerBound + $0.rows.upperBound) / 2 })
        let columns = Self.window(plane.width, room: grid.width / cellWidth,
                                  around: bounds.map { ($0.columns.lowerBound + $0.columns.upperBound) / 2 })
        var window = ""
        if rows.count < plane.height || columns.count < plane.width {
            window = " \(rows.lowerBound)–\(rows.upperBound - 1)×\(columns.lowerBound)–\(columns.upperBound - 1)"
        }
        // The window is the sign that part of the map is off screen: it outlasts the other words.
        let mark = map.isSelected ? "▸" : ""
        let title = [mark + map.title + window, mark + map.shortName + window].firstFitting(width: titleArea.width)
        buffer.write(title, x: titleArea.x, y: titleArea.y, style: map.isSelected ? palette.selected : palette.header,
                     clip: titleArea)
        for (y, row) in zip(grid.y..., rows) {
            for (x, column) in zip(stride(from: grid.x, to: grid.maxX, by: cellWidth), columns) {
                guard let value = plane[row, column] else { continue }
                let shade = palette.heat.cell(for: value, scale: heat)
                // A cone cell keeps its heat colour behind the mark; without colour the mark replaces a shade.
                let mark = Cell("•", style: palette.heat.colors ? palette.heat.textStyle(for: value, scale: heat) : .plain)
                let inCone = (map.cone?[row, column] ?? 0) > 0
                for offset in 0..<cellWidth {
                    let cell = inCone && offset == cellWidth - 1 ? mark : shade
                    buffer.write(String(cell.character), x: x + offset, y: y, style: cell.style, clip: grid)
                }
            }
        }
    }

    /// The `room` indices of an axis of `size` shown, centred on `centre` (the middle when nil)
    /// and kept inside the axis.
    static func window(_ size: Int, room: Int, around centre: Int?) -> Range<Int> {
        guard room < size else { return 0..<size }
        let start = min(max((centre ?? size / 2) - room / 2, 0), size - room)
        return start..<(start + max(room, 0))
    }
}

/// Tiles for `count` maps in rows and columns: the arrangement that shows the most cells of
/// the largest map, with two screen columns per cell (square-looking) where they fit.
struct Tiling: Equatable {
    let area: Rect
    let columns: Int
    let tileSize: Size
    /// Screen columns per map cell: 2 when the largest map fits at that width, else 1.
    let cellWidth: Int

    /// The gap between tiles, in columns.
    static let gap = 2

    init(count: Int, area: Rect, largest: Pair) {
        var best: (columns: Int, tile: Size, cells: Int, cellWidth: Int)?
        for columns in 1...max(count, 1) {
            let rows = (count + columns - 1) / columns
            let tile = Size(width: max((area.width - Self.gap * (columns - 1)) / columns, 0),
                            height: max(area.height / rows, 0))
            guard tile.width > 0, tile.height > 1 else { continue }
            let cellWidth = largest.width * 2 <= tile.width ? 2 : 1
            let cells = min(largest.height, tile.height - 1) * min(largest.width, tile.width / cellWidth)
            if best == nil || cells > best!.cells || (cells == best!.cells && cellWidth > best!.cellWidth) {
                best = (columns, tile, cells, cellWidth)
            }
        }
        self.area = area
        columns = best?.columns ?? 1
        tileSize = best?.tile ?? Size(width: 0, height: 0)
        cellWidth = best?.cellWidth ?? 1
    }

    /// The rectangle of tile `index`, row-major.
    func tile(_ index: Int) -> Rect {
        let (row, column) = (index / columns, index % columns)
        let rect = Rect(x: area.x + column * (tileSize.width + Self.gap), y: area.y + row * tileSize.height,
                        width: tileSize.width, height: tileSize.height)
        return rect.maxY <= area.maxY && rect.maxX <= area.maxX ? rect : Rect(x: area.x, y: area.y, width: 0, height: 0)
    }
}
