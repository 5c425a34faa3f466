import AtrousScreen

/// A horizontal run of cells to write, starting at column `x` of row `y`.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// What a terminal must write to turn one frame into the next.
public enum FrameDiff {
    /// The runs of cells of `next` that differ from `previous`, clipped to `screen`.
    ///
    /// Without a previous frame of the same size (the first frame, or after a resize) every
    /// row of `next` is one run: a full redraw. Unchanged cells split runs, so each run is a
    /// maximal stretch of changed cells on one row.
    ///
    /// - Complexity: O(cells of `next` inside `screen`).
    public static func runs(from previous: CellBuffer?, to next: CellBuffer, screen: Size) -> [CellRun] {
        let width = min(next.size.width, screen.width), height = min(next.size.height, screen.height)
        guard width > 0, height > 0 else { return [] }
        let cells = next.cells, rowLength = next.size.width
        guard let previous, previous.size == next.size else {
            return (0..<height).map { y in
                CellRun(x: 0, y: y, cells: Array(cells[(y * rowLength)..<(y * rowLength + width)]))
            }
        }
        let old = previous.cells
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let start = y * rowLength + x
                guard old[start] != cells[start] else { x += 1; continue }
                var end = start + 1
                while end < y * rowLength + width, old[end] != cells[end] { end += 1 }
                runs.append(CellRun(x: x, y: y, cells: Array(cells[start..<end])))
                x += end - start
            }
        }
        return runs
    }
}

extension CellBuffer {
    /// This buffer with `runs` written over it, clipped: what a terminal shows after drawing
    /// the runs onto this frame.
    public func applying(_ runs: [CellRun]) -> CellBuffer {
        var result = self
        for run in runs {
            for (offset, cell) in run.cells.enumerated() { result[run.x + offset, run.y] = cell }
        }
        return result
    }
}
