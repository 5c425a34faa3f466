import AtrousScreen

/// The in-memory twin of `NcursesScreen`, for running the whole program loop in tests.
///
/// It replays scripted input (events, and stop signals as `StopSignal`) and records every
/// frame, plus what a real terminal would have written for it and shows afterwards, so a test
/// can check the diff drawing as well as the picture. A scripted `.resize` changes `size` and
/// forces a full redraw, as the real terminal does.
public final class MemoryScreen: TerminalScreen {
    /// One step of scripted input.
    public enum Input: Hashable, Sendable {
        case event(InputEvent)
        /// A stop signal arriving, such as `SIGTERM`.
        case stop(StopSignal)
    }

    public private(set) var size: Size
    /// Every buffer drawn, in order.
    public private(set) var frames: [CellBuffer] = []
    /// The runs of cells the last `draw` wrote.
    public private(set) var lastChanges: [CellRun] = []
    /// What the terminal shows: its contents after applying every write, clipped to `size`.
    public private(set) var display: CellBuffer
    /// The timeout of every `nextEvent` call, in order.
    public private(set) var requestedTimeouts: [Int?] = []

    private var pending: [Input]
    private var previous: CellBuffer?

    /// A screen of `size` that will deliver `events` in order, then report the end of input.
    public init(size: Size, events: [InputEvent] = []) {
        self.size = size
        display = CellBuffer(size: size)
        pending = events.map(Input.event)
    }

    /// Queues more input after what is already scripted.
    public func send(_ inputs: Input...) {
        pending += inputs
    }

    /// Queues events after what is already scripted.
    public func send(_ events: InputEvent...) {
        pending += events.map(Input.event)
    }

    /// The last frame drawn, if any.
    public var lastFrame: CellBuffer? { frames.last }

    public func draw(_ buffer: CellBuffer) {
        let fullRedraw = previous?.size != buffer.size
        if fullRedraw { display = CellBuffer(size: size) }
        lastChanges = FrameDiff.runs(from: fullRedraw ? nil : previous, to: buffer, screen: size)
        display = display.applying(lastChanges)
        frames.append(buffer)
        previous = buffer
    }

    public func nextEvent(timeoutMilliseconds: Int?) throws -> InputEvent? {
        requestedTimeouts.append(timeoutMilliseconds)
        guard !pending.isEmpty else { return nil }
        switch pending.removeFirst() {
        case let .stop(signal):
            throw signal
        case let .event(event):
            if case let .resize(width, height) = event {
                size = Size(width: width, height: height)
                previous = nil
            }
            return event
        }
    }
}
