/// The visible window of a longer line of cells (rows or columns of a grid), scrolled so a
/// target range stays in view.
///
/// Offsets count cells from the start of the content; the window never starts before 0 nor
/// ends past the content when the content is longer than the window.
public struct Viewport: Sendable, Hashable {
    /// How many cells the content has.
    public let contentLength: Int
    /// How many cells fit on screen.
    public let length: Int
    /// The first visible cell.
    public let offset: Int

    public init(contentLength: Int, length: Int, offset: Int = 0) {
        self.contentLength = max(0, contentLength)
        self.length = max(0, length)
        self.offset = max(0, min(offset, self.contentLength - self.length))
    }

    /// The visible cells of the content.
    public var range: Range<Int> { offset..<min(offset + length, contentLength) }

    /// Whether cells are hidden before or after the window.
    public var hidesBefore: Bool { offset > 0 }
    public var hidesAfter: Bool { offset + length < contentLength }

    /// The window moved as little as possible so `target` (plus up to `margin` cells of context
    /// on each side, as room allows) is visible. A target longer than the window shows its start.
    public func showing(_ target: Range<Int>, margin: Int = 0) -> Viewport {
        guard !target.isEmpty else { return self }
        let context = max(0, min(margin, (length - target.count) / 2))
        var start = offset
        if target.upperBound + context > start + length { start = target.upperBound + context - length }
        if target.lowerBound - context < start { start = target.lowerBound - context }
        return Viewport(contentLength: contentLength, length: length, offset: start)
    }

    /// The window with `target` in its middle (as far as the content allows): what a panel
    /// shows when it keeps no scroll position of its own.
    public static func centered(on target: Range<Int>, contentLength: Int, length: Int) -> Viewport {
        let start = target.isEmpty ? 0 : target.lowerBound - (length - target.count) / 2
        let window = Viewport(contentLength: contentLength, length: length, offset: start)
        return window.showing(target)
    }
}
