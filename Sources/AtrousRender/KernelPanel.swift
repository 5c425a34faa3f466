import AtrousCore
import AtrousExplorer

/// The kernel's weights beside their dilated footprint: the k×k values lettered as the input
/// panel letters its taps, and the k_eff×k_eff footprint with taps as letters and holes as `·`.
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
        buffer.write(titles(weights: placement.weights, footprint: placement.footprint).firstFitting(width: area.width),
                     x: area.x, y: area.y, style: palette.header, clip: area.splitTop(1).0)
        drawWeights(placement.weights, grid: placement.weightsGrid, format: placement.format, into: &buffer)
        drawFootprint(weights: placement.weights, grid: placement.footprintGrid, into: &buffer)
    }

    /// The weight (kernel row and column) drawn at screen point (`x`, `y`), in the weights or
    /// as a tap of the footprint, when the panel fills `area`; nil elsewhere, holes included.
    public func position(x: Int, y: Int, in area: Rect) -> GridPosition? {
        let placement = placement(in: area)
        if let weight = placement.weightsGrid.position(x: x, y: y) { return weight }
        guard let spot = placement.footprintGrid.position(x: x, y: y),
              spot.row % rate.height == 0, spot.column % rate.width == 0 else { return nil }
        return GridPosition(row: spot.row / rate.height, column: spot.column / rate.width)
    }

    /// What the panel draws where: computed once for drawing and for clicks.
    struct Placement {
        let weights: Plane
        let footprint: Pair
        let format: ValueFormat
        let weightsGrid: GridLayout
        let footprintGrid: GridLayout
    }

    /// The weights under the title with their indices; the footprint to their right, level
    /// with the first weight row, two columns per cell when it fits (square-looking), else one.
    func placement(in area: Rect) -> Placement {
        let weights = Plane(kernel: kernel, inputChannel: inputChannel, outputChannel: outputChannel)
        let footprint = Pair(effectiveKernelSize(weights.height, rate: rate.height),
                             effectiveKernelSize(weights.width, rate: rate.width))
        let body = area.splitTop(1).1
        let format = ValueFormat.fitting(weights.values, range: weights.range, maxWidth: maxValueWidth)
        let weightsGrid = GridLayout(area: body, rows: 0..<weights.height, columns: 0..<weights.width,
                                     cellWidth: format.width + 1,
                                     follow: selection.map { ($0.row..<($0.row + 1), $0.column..<($0.column + 1)) })
        let rest = body.splitLeft(weightsGrid.usedWidth + Self.gap).1.splitTop(1).1
        let footprintGrid = GridLayout(area: rest, rows: 0..<footprint.height, columns: 0..<footprint.width,
                                       cellWidth: rest.width >= 2 * footprint.width ? 2 : 1, showsLabels: false,
                                       follow: selection.map { s in
                                           let (r, c) = (s.row * rate.height, s.column * rate.width)
                                           return (r..<(r + 1), c..<(c + 1))
                                       })
        return Placement(weights: weights, footprint: footprint, format: format, weightsGrid: weightsGrid,
                         footprintGrid: footprintGrid)
    }

    /// `Kernel 3x3 · rate 2 → footprint 5x5`, with the channel pair when there are several;
    /// shorter forms for narrow panels.
    func titles(weights: Plane, footprint: Pair) -> [String] {
        let size = "\(weights.height)x\(weights.width)", spread = "\(footprint.height)x\(footprint.width)"
        var channels = "", shortChannels = ""
        if let shape = try? KernelShape(shape: kernel.shape), shape.inputChannels * shape.outputChannels > 1 {
            channels = " · in \(inputChannel + 1)/\(shape.inputChannels) → out \(outputChannel + 1)/\(shape.outputChannels)"
            shortChannels = " · \(inputChannel + 1)/\(shape.inputChannels)→\(outputChannel + 1)/\(shape.outputChannels)"
        }
        return ["Kernel \(size) · rate \(rate) → footprint \(spread)\(channels)",
                "Kernel \(size) · rate \(rate) → \(spread)\(shortChannels)",
                "Kernel \(size) r\(rate) → \(spread)"]
    }

    private func drawWeights(_ weights: Plane, grid: GridLayout, format: ValueFormat, into buffer: inout CellBuffer) {
        grid.drawLabels(into: &buffer, style: palette.index)
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column), let value = weights[row, column] else { continue }
                let label = TapLabel.character(row: row, column: column, kernelWidth: weights.width)
                let isSelected = GridPosition(row: row, column: column) == selection
                buffer.write(String(label), x: rect.x, y: rect.y, style: isSelected ? palette.selected : palette.footprintTap)
                buffer.write(format.string(value), x: rect.x + 1, y: rect.y,
                             style: isSelected ? palette.selected : palette.value, clip: rect)
            }
        }
    }

    /// Taps as their letters, holes as `·`.
    private func drawFootprint(weights: Plane, grid: GridLayout, into buffer: inout CellBuffer) {
        for row in grid.visibleRows {
            for column in grid.visibleColumns {
                guard let rect = grid.rect(row: row, column: column) else { continue }
                guard row % rate.height == 0 && column % rate.width == 0 else {
                    buffer.write("·", x: rect.x, y: rect.y, style: palette.footprintHole)
                    continue
                }
                let tap = GridPosition(row: row / rate.height, column: column / rate.width)
                let label = TapLabel.character(row: tap.row, column: tap.column, kernelWidth: weights.width)
                buffer.write(String(label), x: rect.x, y: rect.y,
                             style: tap == selection ? palette.selected : palette.footprintTap)
            }
        }
    }
}
