import AtrousCore
import AtrousExplorer

/// The dilated footprint of a kernel, always whole: every row and column of the
/// `k_eff × k_eff` window, scaled down rather than cut.
///
/// In full, taps are named and holes are `·`, two characters a cell when that fits, else
/// one. When the full window does not fit, each run of `rate − 1` hole rows or columns is
/// drawn as one (`holes shown 1 for 3` in the first line says by how much); when not even
/// that fits, a summary says what the footprint is.
struct FootprintView {
    /// How the footprint is drawn in the room it got.
    enum Scale: Equatable {
        /// Every cell, `cellWidth` characters each.
        case full(cellWidth: Int)
        /// Every tap row and column, each run of holes between two taps drawn as one.
        case collapsed(cellWidth: Int)
        /// A few lines of text.
        case summary
    }

    let kernelSize: Pair
    let rate: Pair
    let selection: GridPosition?
    let palette: Palette

    var footprint: Pair {
        Pair(effectiveKernelSize(kernelSize.height, rate: rate.height),
             effectiveKernelSize(kernelSize.width, rate: rate.width))
    }

    var labelWidth: Int { TapLabel.width(tapCount: kernelSize.height * kernelSize.width) }

    /// Rows and columns drawn at `scale`, in screen cells.
    func extent(_ scale: Scale) -> Size {
        switch scale {
        case let .full(cellWidth):
            return Size(width: footprint.width * cellWidth, height: footprint.height)
        case let .collapsed(cellWidth):
            let (rows, columns) = (collapsedCount(kernelSize.height, rate.height),
                                   collapsedCount(kernelSize.width, rate.width))
            return Size(width: max(columns * cellWidth, collapsedNote.count), height: rows + 1)
        case .summary:
            return Size(width: summary.count, height: 1)
        }
    }

    /// What the first line of a collapsed footprint says: how many holes each `·` stands for.
    var collapsedNote: String { "each · = \(rate.height - 1)x\(rate.width - 1) holes" }

    /// The scales from the largest, the summary last.
    var scales: [Scale] {
        [.full(cellWidth: labelWidth + 1), .full(cellWidth: 1), .collapsed(cellWidth: labelWidth + 1),
         .collapsed(cellWidth: 1), .summary]
    }

    /// The largest scale that fits in `room`.
    func scale(in room: Size) -> Scale {
        return scales.first { scale in
            let size = extent(scale)
            return size.width <= room.width && size.height <= room.height
        } ?? .summary
    }

    /// Taps plus one hole between each two along an axis (taps alone at rate 1).
    private func collapsedCount(_ taps: Int, _ rate: Int) -> Int {
        rate > 1 ? 2 * taps - 1 : taps
    }

    /// What the summary says, wrapped to the room it gets.
    var summary: String {
        "\(footprint.height)x\(footprint.width) window: \(kernelSize.height)x\(kernelSize.width) taps, "
            + "\(rate.height - 1)x\(rate.width - 1) holes between"
    }

    // MARK: - Drawing

    func render(into buffer: inout CellBuffer, area: Rect) {
        let scale = scale(in: area.size)
        switch scale {
        case .summary:
            for (i, line) in summary.wrapped(to: area.width).enumerated() where i < area.height {
                buffer.write(line, x: area.x, y: area.y + i, style: palette.index, clip: area)
            }
        case let .full(cellWidth):
            drawCells(rows: fullAxis(footprint.height, rate.height), columns: fullAxis(footprint.width, rate.width),
                      cellWidth: cellWidth, origin: (area.x, area.y), clip: area, into: &buffer)
        case let .collapsed(cellWidth):
            buffer.write(collapsedNote, x: area.x, y: area.y, style: palette.index, clip: area)
            drawCells(rows: collapsedAxis(kernelSize.height, rate.height),
                      columns: collapsedAxis(kernelSize.width, rate.width), cellWidth: cellWidth,
                      origin: (area.x, area.y + 1), clip: area, into: &buffer)
        }
    }

    /// Along one axis, what each drawn cell is: the kernel index of a tap, or nil for a hole.
    private func fullAxis(_ length: Int, _ rate: Int) -> [Int?] {
        (0..<length).map { $0 % rate == 0 ? $0 / rate : nil }
    }

    private func collapsedAxis(_ taps: Int, _ rate: Int) -> [Int?] {
        guard rate > 1 else { return (0..<taps).map { $0 } }
        return (0..<(2 * taps - 1)).map { $0 % 2 == 0 ? $0 / 2 : nil }
    }

    private func drawCells(rows: [Int?], columns: [Int?], cellWidth: Int, origin: (x: Int, y: Int), clip: Rect,
                           into buffer: inout CellBuffer) {
        for (i, row) in rows.enumerated() {
            for (j, column) in columns.enumerated() {
                let (x, y) = (origin.x + j * cellWidth, origin.y + i)
                guard let row, let column else {
                    buffer.write("·", x: x, y: y, style: palette.footprintHole, clip: clip)
                    continue
                }
                let tap = GridPosition(row: row, column: column)
                // A name wider than its cell would run into the next: a plain mark instead.
                let label = TapLabel.label(row: row, column: column, kernelWidth: kernelSize.width)
                let text = label.count < cellWidth || label.count == 1 && cellWidth == 1 ? label : "●"
                buffer.write(text, x: x, y: y, style: tap == selection ? palette.selected : palette.footprintTap,
                             clip: clip)
            }
        }
    }

    /// The weight drawn at offset (`dx`, `dy`) from the footprint's top left in `room`.
    func weight(dx: Int, dy: Int, room: Size) -> GridPosition? {
        let scale = scale(in: room)
        let rows: [Int?], columns: [Int?], cellWidth: Int, top: Int
        switch scale {
        case .summary: return nil
        case let .full(width):
            (rows, columns, cellWidth, top) = (fullAxis(footprint.height, rate.height),
                                               fullAxis(footprint.width, rate.width), width, 0)
        case let .collapsed(width):
            (rows, columns, cellWidth, top) = (collapsedAxis(kernelSize.height, rate.height),
                                               collapsedAxis(kernelSize.width, rate.width), width, 1)
        }
        let (i, j) = (dy - top, dx / cellWidth)
        guard dx >= 0, rows.indices.contains(i), columns.indices.contains(j), let row = rows[i],
              let column = columns[j] else { return nil }
        return GridPosition(row: row, column: column)
    }
}
