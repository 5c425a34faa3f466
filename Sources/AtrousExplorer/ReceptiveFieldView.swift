import AtrousCore

/// The receptive-field view of the explorer's layer stack: whether it is shown, the output
/// cell of the last layer it analyses, and what AtrousCore says about that cell.
///
/// The layers themselves are parameters (``ExplorerParameters/layers``): undo restores them
/// and a session saves them. This value is the view on them, and the values derived from them.
///
/// The chosen cell follows the explorer's current cell whenever the stack's output has the
/// size of the selected layer's own output on the input (always for a single layer, and for
/// any stack of SAME layers at stride 1), so moving, stepping and playing walk the field
/// across the input. Otherwise the cell is the view's own, moved by its own keys.
public struct ReceptiveFieldView: Sendable, Equatable {
    /// Whether the view is on screen.
    public internal(set) var isShown = false
    /// The output cell of the last layer analysed; inside the stack's output when there is one.
    public internal(set) var cell: GridPosition = .origin
    /// Whether ``cell`` is the explorer's current cell.
    public internal(set) var followsPosition = true

    // MARK: - Derived values, while shown

    /// The stack resolved on the input, the cell's region, path counts, coverage and the
    /// Hybrid Dilated Convolution rule; nil while hidden or when the stack is impossible.
    public internal(set) var analysis: ReceptiveFieldAnalysis?
    /// For a one-row input, the path counts along the row from every stage of the stack to the
    /// chosen cell: element 0 over the input, element `l` over the output of layer `l`, the last
    /// the one-hot chosen cell. Nil for a taller input, while hidden, or when impossible.
    public internal(set) var layerPathCounts: [[UInt64]]?
    /// Why the stack cannot be analysed (a layer empties its output, a count overflows), as
    /// one sentence; nil when it can or while hidden.
    public internal(set) var problem: String?

    public init() {}
}

extension ExplorerState {
    /// Resolves the stack on the input and analyses the chosen cell; while hidden, clears the
    /// derived values instead, so a hidden view costs nothing at each key press.
    ///
    /// - Complexity: O(H·W) for the path-count map plus O(layers · size) per axis.
    mutating func recomputeStack() {
        guard stack.isShown else {
            stack.analysis = nil
            stack.layerPathCounts = nil
            stack.problem = nil
            overview.cone = nil
            return
        }
        do {
            let resolved = try LayerStack(inputSize: inputShape.spatial, specs: parameters.layers)
            let outputSize = resolved.outputSize
            stack.followsPosition = geometry?.outputSize == outputSize
            if stack.followsPosition { stack.cell = position }
            stack.cell = stack.cell.clamped(to: outputSize)
            let analysis = try ReceptiveFieldAnalysis(stack: resolved, position: Pair(stack.cell.row, stack.cell.column))
            stack.layerPathCounts = resolved.inputSize.height == 1
                ? try resolved.pathCountsByLayer(along: .width, toOutput: stack.cell.column) : nil
            stack.analysis = analysis
            stack.problem = nil
            recomputeCone()
        } catch {
            stack.analysis = nil
            stack.layerPathCounts = nil
            stack.followsPosition = false
            stack.problem = String(describing: error)
            recomputeCone()
        }
    }
}
