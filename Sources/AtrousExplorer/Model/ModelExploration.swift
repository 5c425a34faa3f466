import AtrousCore

/// The explorer on a model read from a file (`atrous explore --model`): the graph resolved on
/// its input, the node analysed, the chosen output cell's analysis, and the row of the layer
/// table the user has scrolled to.
///
/// The model is read by the program before the explorer starts; this value only holds what was
/// read, so the state stays pure. The model's layers are fixed: only the cell and the table's
/// row change.
public struct ModelExploration: Sendable {
    /// The file the model came from, as the user named it.
    public let file: String
    /// The node analysed, an index into the model's graph.
    public let node: Int
    /// The chosen cell's field, region, path counts and coverage, as `atrous rf --model --at` gives them.
    public private(set) var analysis: ModelFieldAnalysis
    /// The layer table's rows: the nodes on a path to ``node``, in the model's order.
    public private(set) var rows: [ModelFieldReport.Row]
    /// The block each row belongs to, by the nodes' names.
    public private(set) var blocks: [ModelBlocks.Entry]
    /// The highlighted row of the layer table, which `{` and `}` move; the table scrolls to keep it shown.
    public internal(set) var selectedRow: Int

    /// Analyses the centre cell of `node` (default: the last node with a spatial map).
    /// - Throws: ``ModelGraphError`` as `atrous rf --model` does for the same model and node.
    public init(file: String, model: ResolvedModel, node: Int? = nil) throws {
        let analysis = try ModelFieldAnalysis(model: model, node: node)
        self.file = file
        self.node = analysis.node
        self.analysis = analysis
        rows = ModelFieldReport(analysis: analysis).rows
        blocks = ModelBlocks.entries(names: rows.map(\.name))
        selectedRow = max(rows.count - 1, 0)
    }

    /// The model resolved on its input.
    public var model: ResolvedModel { analysis.model }
    /// The chosen output cell of ``node``.
    public var cell: Pair { analysis.position }
    /// The size of ``node``'s output, where the cell moves.
    public var outputSize: Pair { analysis.outputSize }
    /// The analysed node's name.
    public var nodeName: String { model.graph.nodes[node].name }

    /// Makes `cell` (clamped to the node's output) the chosen cell and analyses it again.
    /// Returns whether the cell changed.
    mutating func choose(_ cell: GridPosition) -> Bool {
        let clamped = cell.clamped(to: outputSize)
        let position = Pair(clamped.row, clamped.column)
        guard position != self.cell,
              let moved = try? ModelFieldAnalysis(model: model, node: node, position: position) else { return false }
        analysis = moved
        rows = ModelFieldReport(analysis: moved).rows
        blocks = ModelBlocks.entries(names: rows.map(\.name))
        selectedRow = min(selectedRow, max(rows.count - 1, 0))
        return true
    }
}

extension ModelExploration: Equatable {
    /// Two explorations are equal when they show the same model, node, cell and row; the
    /// analysis follows from those.
    public static func == (a: ModelExploration, b: ModelExploration) -> Bool {
        a.file == b.file && a.node == b.node && a.cell == b.cell && a.selectedRow == b.selectedRow
            && a.model.inputSize == b.model.inputSize && a.model.graph == b.model.graph
    }
}
