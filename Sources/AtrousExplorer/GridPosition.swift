import AtrousCore

/// A cell of a 2-D grid, row first: an output position, an input cell or a kernel weight.
public struct GridPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The top-left cell.
    public static let origin = GridPosition(row: 0, column: 0)

    /// `(row, column)`, as the messages and the computation line write positions.
    public var description: String { "(\(row), \(column))" }

    /// Row-major order: the order the explorer steps through output cells.
    public static func < (a: GridPosition, b: GridPosition) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }

    /// The position moved into `0..<size` on both axes.
    public func clamped(to size: Pair) -> GridPosition {
        GridPosition(row: min(max(row, 0), max(size.height - 1, 0)),
                     column: min(max(column, 0), max(size.width - 1, 0)))
    }

    /// Whether the position lies inside a grid of `size`.
    public func isInside(_ size: Pair) -> Bool {
        (0..<size.height).contains(row) && (0..<size.width).contains(column)
    }

    /// The row-major index in a grid of `size`.
    func flatIndex(in size: Pair) -> Int { row * size.width + column }

    /// The position of row-major index `index` in a grid of `size`.
    init(flatIndex index: Int, in size: Pair) {
        self.init(row: index / max(size.width, 1), column: index % max(size.width, 1))
    }
}

/// Which way a cycle or a step goes.
public enum CycleDirection: Sendable, Hashable {
    case forward, backward

    /// `+1` forward, `−1` backward.
    public var step: Int { self == .forward ? 1 : -1 }
}

extension Array {
    /// The element `direction` steps from `index`, wrapping at both ends.
    func cycled(from index: Int, _ direction: CycleDirection) -> Element {
        let next = (index + direction.step) % count
        return self[next < 0 ? next + count : next]
    }
}

extension Pair {
    /// The pair with each side raised to at least 1, so a generated tensor is never empty.
    public var atLeastOne: Pair { Pair(Swift.max(height, 1), Swift.max(width, 1)) }

    /// The pair with each side clamped into `range`.
    func clamped(to range: ClosedRange<Int>) -> Pair {
        Pair(Swift.min(Swift.max(height, range.lowerBound), range.upperBound),
             Swift.min(Swift.max(width, range.lowerBound), range.upperBound))
    }
}
