/// A cell of a grid by row and column, counted from 0 at the top left of the unpadded map.
public struct GridPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Row-major order: the order in which the explorer steps through cells.
    public static func < (a: GridPosition, b: GridPosition) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }

    /// `row,column`, as the computation line writes an index.
    public var description: String { "\(row),\(column)" }
}
