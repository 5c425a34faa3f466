/// Screens in time: what `atrous render --format cast` and `--format svg --animate` write, and
/// what the explorer's `:record` captures.
///
/// Each frame is a whole screen and the time from the start when it appears; it shows until
/// the next frame's time, the last one until ``duration``. Every frame has the recording's size.
public struct Recording: Sendable, Equatable {
    /// One screen and the moment it appears.
    public struct Frame: Sendable, Equatable {
        /// Milliseconds from the start of the recording.
        public var milliseconds: Int
        public var screen: CellBuffer

        public init(milliseconds: Int, screen: CellBuffer) {
            self.milliseconds = milliseconds
            self.screen = screen
        }
    }

    /// The terminal's columns and rows.
    public let size: Size
    /// The frames in time order; their times never decrease.
    public private(set) var frames: [Frame] = []
    /// When the recording ends, in milliseconds: at least the last frame's time.
    public private(set) var duration = 0

    /// An empty recording of a terminal of `size`.
    public init(size: Size) {
        self.size = size
    }

    /// Adds `screen` at `milliseconds`; a time before the last frame's counts as that frame's
    /// time, so the timeline never runs backwards.
    /// - Precondition: `screen` has the recording's size.
    public mutating func append(_ screen: CellBuffer, at milliseconds: Int) {
        precondition(screen.size == size, "A recorded screen must have the recording's size.")
        let time = max(milliseconds, frames.last?.milliseconds ?? 0, 0)
        frames.append(Frame(milliseconds: time, screen: screen))
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
}
