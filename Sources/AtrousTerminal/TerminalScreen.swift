import AtrousScreen

/// A terminal the explorer draws on and reads events from.
///
/// The program loop is the same for every implementation: read an event, update the state,
/// render a fresh buffer, draw it. `NcursesScreen` is the real terminal; `MemoryScreen` is its
/// in-memory twin for tests.
public protocol TerminalScreen: AnyObject {
    /// The terminal's size in cells, updated when a `.resize` event is delivered.
    var size: Size { get }

    /// Shows `buffer`, writing only the cells that changed since the previous frame.
    ///
    /// Cells outside the terminal are clipped; nothing is written past the right edge.
    func draw(_ buffer: CellBuffer)

    /// Waits for the next event.
    ///
    /// - Parameter timeoutMilliseconds: how long to wait before reporting `.tick`; nil waits
    ///   until an event arrives.
    /// - Returns: the event, `.tick` when the time ran out, or nil when the input has ended.
    /// - Throws: `StopSignal` when a signal that ends the program arrived.
    func nextEvent(timeoutMilliseconds: Int?) throws -> InputEvent?
}
