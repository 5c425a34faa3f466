import AtrousCore

/// The output cells that read one input cell: the answer to "what does this input cell feed?".
public struct InputReach: Sendable, Hashable {
    /// The chosen input cell, relative to the unpadded input (negative or past the end inside
    /// the padding).
    public let input: GridPosition
    /// Output rows whose window reads `input.row` through some tap.
    public let outputRows: [Int]
    /// Output columns whose window reads `input.column` through some tap.
    public let outputColumns: [Int]

    /// Resolves the reach per axis with ``AxisGeometry/outputs(reading:)``.
    public init(input: GridPosition, geometry: ConvolutionGeometry) {
        self.input = input
        outputRows = geometry.rows.outputs(reading: input.row)
        outputColumns = geometry.columns.outputs(reading: input.column)
    }

    /// Every output cell reached: the product of the rows and columns.
    public var cells: Set<GridPosition> {
        Set(outputRows.flatMap { row in outputColumns.map { GridPosition(row: row, column: $0) } })
    }

    /// Whether output cell `cell` reads the chosen input cell.
    public func reaches(_ cell: GridPosition) -> Bool {
        outputRows.contains(cell.row) && outputColumns.contains(cell.column)
    }
}
