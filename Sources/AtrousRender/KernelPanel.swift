import AtrousCore
import AtrousExplorer

/// The kernel's weights beside their dilated footprint: the k×k values named as the input
/// panel names its taps, and the k_eff×k_eff footprint (``FootprintView``), always whole.
public struct KernelPanel: Widget {
    /// The weights in HWIO layout (rank 2 or 4).
    public var kernel: Tensor<Double>
    public var rate: Pair
    public var inputChannel: Int
    public var outputChannel: Int
    /// The selected weight by kernel row and column, or nil.
    public var selection: GridPosition?
    public var palette: Palette
    /// The widest a weight may be, 4–6 characters by the room the layout gives.
    public var maxValueWidth: Int

    public init(kernel: Tensor<Double>, rate: Pair, inputChannel: Int = 0, outputChannel: Int = 0,
                selection: GridPosition? = nil, palette: Palette, maxValueWidth: Int = 5) {
        self.kernel = kernel
        // A rate below 1 has no footprint; the geometry rejects it, the panel just stays drawable.
        self.rate = Pair(max(1, rate.height), max(1, rate.width))
        self.inputChannel = inputChannel
        self.outputChannel = outputChannel
        self.selection = selection
        self.palette = palette
        self.maxValueWidth = maxValueWidth
    }

    /// Columns between the weights and the footprint.
    static let gap = 3

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let placement = placement(in: area)
        ScrollMarker.writeTitle(titles(weights: placement.weights, footprint: placement.view.footprint),
                                arrows: ScrollMarker.arrows([placement.weightsGrid]), area: area,
                                style: palette.header, markStyle: palette.index, into: &buffer)
        drawWeights(placement.weights, grid: placement.weightsGrid, format: placement.format, into: &buffer)
        placement.view.render(into: &buffer, area: placement.footprintArea)
    }

    /// The weight (kernel row and column) drawn at screen point (`x`, `y`), in the weights or
    /// as a tap of the footprint, when the panel fills `area`; nil elsewhere, holes included.
    public func position(x: Int, y: Int, in area: Rect) -> GridPosition? {
        let placement = placement(in: area)
        if let weight = placement.weightsGrid.position(x: x, y: y) { return weight }
        let room = placement.footprintArea
        guard room.contains(x: x, y: y) else { return nil }
        return placement.view.weight(dx: x - room.x, dy: y - room.y, room: room.size)
    }

    /// What the panel draws where: computed once for drawing and for clicks.
    struct Placement {
        let weights: Plane
        let view: FootprintView
        let format: ValueFormat
        let weightsGrid: GridLayout
        /// The room the footprint is drawn in, at whatever scale fits it.
        let footprintArea: Rect
    }

    /// The weights under the title with their indices; the footprint to their right, level
    /// with the first weight row, or below them when only there it fits unscaled to a summary.
    func placement(in area: Rect) -> Placement {
        let weights = Plane(kernel: kernel, inputChannel: inputChannel, outputChannel: outputChannel)
        let view = FootprintView(kernelSize: Pair(weights.height, weights.width), rate: rate, selection: selection,
                                 palette: palette)
        let body = area.splitTop(1).1
        let format = weights.format(maxWidth: maxValueWidth, minWidth: 1)
        let weightsGrid = GridLayout(area: body, rows: 0..<weights.height, columns: 0..<weights.width,
                                     cellWidth: format.width + TapLabel.cellOverhead(labelWidth: view.labelWidth),
                                     follow: selection.map { ($0.row..<($0.row + 1), $0.column..<($0.column + 1)) })
        let beside = body.splitLeft(weightsGrid.usedWidth + Self.gap).1.splitTop(1).1
        let below = body.splitTop(1 + weightsGrid.visibleRows.count + 1).1
        if let footprintArea = Self.footprintArea(view, beside: beside, below: below) {
            return Placement(weights: weights, view: view, format: format, weightsGrid: weightsGrid,
                             footprintArea: footprintArea)
        }
        // No room for even the summary: the weights give up rows (and scroll, marked) so the
        // footprint is still said.
        let (rest, bottom) = body.splitBottom(view.summary.wrapped(to: body.width).count)
        let shorter = GridLayout(area: rest, rows: 0..<weights.height, columns: 0..<weights.width,
                                 cellWidth: weightsGrid.cellWidth,
                                 follow: selection.map { ($0.row..<($0.row + 1), $0.column..<($0.column + 1)) })
        return Placement(weights: weights, view: view, format: format, weightsGrid: shorter, footprintArea: bottom)
    }

    /// Where the footprint goes: beside the weights or below them, wherever it is drawn larger
    /// (beside on a tie); when only its summary fits, wherever the summary's lines fit; nil
    /// when not even those fit.
    static func footprintArea(_ view: FootprintView, beside: Rect, below: Rect) -> Rect? {
        let rank = { (place: Rect) in view.scales.firstIndex(of: view.scale(in: place.size)) ?? .max }
        if min(rank(beside), rank(below)) < view.scales.count - 1 { return rank(below) < rank(beside) ? below : beside }
        let fits = { (place: Rect) in
            place.width >= 12 && view.summary.wrapped(to: place.width).count <= place.height
        }
        return [beside, below].first(where: fits)
    }

    /// The rows the panel needs at `width` columns to show every weight and the footprint
    /// whole: beside the weights when it fits there at some scale, else below them.
    func preferredHeight(width: Int) -> Int {
        let area = Rect(x: 0, y: 0, width: width, height: 1000)
        let placement = placement(in: area)
        let weightsRows = 2 + placement.weightsGrid.rows.count
        let footprint = placement.view.scale(in: placement.footprintArea.size)
        let extent = placement.view.extent(footprint)
        let footprintRows = footprint == .summary ? placement.view.summary.wrapped(to: max(1, placement.footprintArea.width)).count
            : extent.height
        let top = placement.footprintArea.y - area.y
        // A scale smaller than the best that fits in width alone is what the height allows.
        return max(weightsRows, top + footprintRows)
    }

    /// The room the panel needs to show every weight and the whole footprint at two
    /// characters a cell: what it asks of the layout.
    func preferredSize() -> Size {
        let weights = Plane(kernel: kernel, inputChannel: inputChannel, outputChannel: outputChannel)
        let view = FootprintView(kernelSize: Pair(weights.height, weights.width), rate: rate, selection: nil,
                                 palette: palette)
        let format = weights.format(maxWidth: maxValueWidth, minWidth: 1)
        let labels = String(weights.height - 1).count + 1
        let weightsWidth = labels + weights.width * (format.width + TapLabel.cellOverhead(labelWidth: view.labelWidth))
        let footprint = view.extent(.full(cellWidth: view.labelWidth + 1))
        return Size(width: weightsWidth + Self.gap + footprint.width,
                    height: 2 + max(weights.height, footprint.height))
    }

    /// `Kernel 3x3 · rate 2 → footprint 5x5`, with the channel pair when there are several;
    /// shorter forms for narrow panels. Channels count from 0, as `y[i,j,c]` does.
    func titles(weights: Plane, footprint: Pair) -> [String] {
        let size = "\(weights.height)x\(weights.width)", spread = "\(footprint.height)x\(footprint.width)"
        var channels = "", shortChannels = ""
        if let shape = try? KernelShape(shape: kernel.shape), shape.inputChannels * shape.outputChannels > 1 {
            channels = " · in ch \(inputChannel) of 0–\(shape.inputChannels - 1) → out ch \(outputChannel) of 0–\(shape.outputChannels - 1)"
            shortChannels = " · ch \(inputChannel)→\(outputChannel)"
        }
        return ["Kernel \(size) · rate \(rate) → footprint \(spread)\(channels)",
                "Kernel \(size) · rate \(rate) → \(spread)\(shortChannels)",
                "Kernel \(size) r\(rate) → \(spread)\(shortChannels)",
                "Kernel \(size) r\(rate) → \(spread)"]
    }

    private func drawWeights(_ weights: Plane, grid: GridLayout, format: ValueFormat, into buffer: inout CellBuffer) {
        grid.drawLabels(into: &buffer, style: palette.index)
        let labelWidth = TapLabel.width(tapCount: weights.height * weights.width)
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column), let value = weights[row, column] else { continue }
                let label = TapLabel.label(row: row, column: column, kernelWidth: weights.width)
                let isSelected = GridPosition(row: row, column: column) == selection
                let x = buffer.write(" " + label.rightPadded(to: labelWidth), x: rect.x, y: rect.y,
                                     style: isSelected ? palette.selected : palette.footprintTap, clip: rect)
                buffer.write(" " + format.string(value), x: x, y: rect.y,
                             style: isSelected ? palette.selected : palette.value, clip: rect)
            }
        }
    }
}
