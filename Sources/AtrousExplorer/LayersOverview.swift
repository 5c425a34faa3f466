import AtrousCore

/// The layers overview: every layer's output side by side as small heat maps, with the cone of
/// the stack's chosen output cell (the receptive-field view's cell) marked in each.
///
/// The cone is the path counts of all-ones kernels: stage 0 over the input, stage `l` over
/// layer `l`'s output, the last stage the chosen cell alone. A cell with a count is one the
/// chosen value depends on; between them lie the holes that make gridding.
public struct LayersOverview: Sendable, Equatable {
    /// How the maps share their colours.
    public enum Scale: String, Sendable, Hashable {
        /// One scale over every map, so layers compare by colour.
        case shared
        /// Each map on its own scale, so a faint layer still shows its pattern.
        case each
    }

    /// The scale while shown; nil while hidden.
    public internal(set) var scale: Scale?
    /// The cone by stage, input first; nil while hidden or when the stack cannot be analysed.
    public internal(set) var cone: [PathCountMap]?

    public init() {}

    /// Whether the overview is on screen.
    public var isShown: Bool { scale != nil }
}

extension ExplorerState {
    /// Recomputes the cone from the receptive-field view's analysis; clears it while hidden.
    ///
    /// - Complexity: O(Σ stage cells) for the maps, one outer product per stage.
    mutating func recomputeCone() {
        guard overview.isShown, let analysis = stack.analysis else {
            overview.cone = nil
            return
        }
        let cell = stack.cell
        overview.cone = try? zip(analysis.stack.pathCountsByLayer(along: .height, toOutput: cell.row),
                                 analysis.stack.pathCountsByLayer(along: .width, toOutput: cell.column))
            .map { rows, columns in try PathCountMap(rows: rows, columns: columns) }
    }
}
