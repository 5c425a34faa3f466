/// Screens in time: what `atrous render --format cast` and `--format svg --animate` write, and
/// what the explorer's `:record` captures.
///
/// Each frame is a whole screen and the time from the start when it appears; it shows until
/// the next frame's time, the last one until ``duration``. Every frame has the recording's size.
/// Rows are kept once however many frames show them, so a long recording of a screen that
/// changes a few rows at a time stays small, and the encoders work on each distinct row once.
public struct Recording: Sendable, Equatable {
    /// One screen, as the rows it shows, and the moment it appears.
    public struct Frame: Sendable, Equatable {
        /// Milliseconds from the start of the recording.
        public var milliseconds: Int
        /// Each row of the screen, top first, as an index into ``Recording/rows``.
        public var rows: [Int]
    }

    /// The terminal's columns and rows.
    public let size: Size
    /// The frames in time order; their times never decrease.
    public private(set) var frames: [Frame] = []
    /// When the recording ends, in milliseconds: at least the last frame's time.
    public private(set) var duration = 0
    /// Every distinct row the frames show, in order of first appearance.
    public private(set) var rows: [[Cell]] = []
    private var rowNumbers: [[Cell]: Int] = [:]

    /// An empty recording of a terminal of `size`.
    public init(size: Size) {
        self.size = size
    }

    /// The screen `frame` shows.
    public func screen(_ frame: Frame) -> CellBuffer {
        CellBuffer(size: size, cells: frame.rows.flatMap { rows[$0] })
    }

    /// The screen of the last frame, or nil before the first.
    public var lastScreen: CellBuffer? { frames.last.map(screen) }

    /// Adds `screen` at `milliseconds`; a time before the last frame's counts as that frame's
    /// time, so the timeline never runs backwards.
    /// - Precondition: `screen` has the recording's size.
    /// - Complexity: O(cells of the screen).
    public mutating func append(_ screen: CellBuffer, at milliseconds: Int) {
        precondition(screen.size == size, "A recorded screen must have the recording's size.")
        let time = max(milliseconds, frames.last?.milliseconds ?? 0, 0)
        let numbers = (0..<size.height).map { y in
            number(of: Array(screen.cells[(y * size.width)..<((y + 1) * size.width)]))
        }
        frames.append(Frame(milliseconds: time, rows: numbers))
        duration = max(duration, time)
    }

    /// Ends the recording at `milliseconds` (or at the last frame, if that is later).
    public mutating func end(at milliseconds: Int) {
        duration = max(milliseconds, frames.last?.milliseconds ?? 0)
    }

    /// Drops the last frame, keeping the end time where the dropped frame appeared.
    public mutating func dropLast() {
        guard let last = frames.popLast() else { return }
        duration = last.milliseconds
    }

    /// The number of `row` in ``rows``, added if it is new.
    private mutating func number(of row: [Cell]) -> Int {
        if let number = rowNumbers[row] { return number }
        rowNumbers[row] = rows.count
        rows.append(row)
        return rows.count - 1
    }
}

extension CellBuffer {
    /// A buffer of `size` holding `cells` in row-major order.
    /// - Precondition: there are exactly `size.width × size.height` cells.
    init(size: Size, cells: [Cell]) {
        precondition(cells.count == size.width * size.height, "The cells must fill the buffer.")
        self.init(size: size)
        for (index, cell) in cells.enumerated() { self[index % size.width, index / size.width] = cell }
    }

    /// A buffer one row high holding `cells`.
    public init(row cells: [Cell]) {
        self.init(size: Size(width: cells.count, height: 1), cells: cells)
    }
}
