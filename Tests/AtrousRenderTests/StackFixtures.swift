import AtrousCore
import AtrousExplorer
@testable import AtrousRender

/// Stacks written the way a user types them, analysed by AtrousCore, for the receptive-field
/// panel's tests.
enum StackFixtures {
    /// The analysis of `notations` on an input of `input` at output cell `cell`.
    static func analysis(_ input: Pair, _ notations: [String], at cell: Pair) throws -> ReceptiveFieldAnalysis {
        let stack = try LayerStack(inputSize: input, specs: notations.map { try LayerSpec(notation: $0) })
        return try ReceptiveFieldAnalysis(stack: stack, position: cell)
    }

    /// The explorer's state after `actions`, the way the program reaches it.
    static func state(_ actions: [ExplorerAction]) -> ExplorerState {
        var state = ExplorerState()
        for action in actions { update(&state, action) }
        return state
    }

    /// The explorer with the stack `notations` on a `size` impulse, at output cell `cell`.
    static func state(input size: Pair, _ notations: [String], at cell: GridPosition) throws -> ExplorerState {
        state([.setInputPattern(.impulse, size: size), .setLayers(try notations.map { try LayerSpec(notation: $0) }),
               .selectOutputCell(row: cell.row, column: cell.column)])
    }
}
