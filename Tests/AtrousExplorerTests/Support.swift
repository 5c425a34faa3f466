import AtrousCore
@testable import AtrousExplorer

/// The state after applying `actions` in order to the default state (or to `start`).
func stateAfter(_ actions: [ExplorerAction], from start: ExplorerState = ExplorerState()) -> ExplorerState {
    var state = start
    for action in actions { update(&state, action) }
    return state
}

/// The state after typing `line` into the command line and pressing Enter.
func stateAfterCommand(_ line: String, from start: ExplorerState = ExplorerState()) -> ExplorerState {
    stateAfter([.openCommandLine] + line.map { .editCommandLine(.insert($0)) } + [.submitCommandLine], from: start)
}

/// The output value of cell `cell` in the shown output channel of image 0.
func outputValue(_ state: ExplorerState, at cell: GridPosition) -> Double? {
    state.output.map { $0[0, cell.row, cell.column, state.outputChannel] }
}

/// Every output cell of a size, row-major.
func allCells(_ size: Pair) -> [GridPosition] {
    (0..<size.height * size.width).map { GridPosition(row: $0 / size.width, column: $0 % size.width) }
}

/// Whether two sums agree to a relative tolerance (the taps and the convolution add in the
/// same order, but the optimiser may fuse multiply-adds differently).
func isClose(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
}

/// The geometry AtrousCore computes for the state's input and spec, independently of the state.
func coreGeometry(_ state: ExplorerState) -> ConvolutionGeometry? {
    try? ConvolutionGeometry(inputSize: state.layerInputShape.spatial, spec: state.spec)
}
