/// Automatic stepping through the output cells.
public struct Playback: Sendable, Hashable {
    /// The speeds the `+` and `−` keys move between, in steps per second.
    public static let speeds = [1, 2, 4, 8, 16, 32]

    /// Whether ticks advance the current cell.
    public var isPlaying: Bool
    /// Index into ``speeds``.
    public private(set) var speedIndex: Int

    /// Paused at 2 steps per second: slow enough to read each sum.
    public init(isPlaying: Bool = false, speedIndex: Int = 1) {
        self.isPlaying = isPlaying
        self.speedIndex = min(max(speedIndex, 0), Self.speeds.count - 1)
    }

    /// Steps per second; the program loop ticks at this rate while playing.
    public var stepsPerSecond: Int { Self.speeds[speedIndex] }

    /// Moves one rung up or down the ladder, staying on it; returns whether the speed changed.
    mutating func changeSpeed(_ direction: CycleDirection) -> Bool {
        let next = min(max(speedIndex + direction.step, 0), Self.speeds.count - 1)
        defer { speedIndex = next }
        return next != speedIndex
    }
}
