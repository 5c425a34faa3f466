import AtrousCore
import AtrousExplorer
import AtrousRender

/// The state after applying `actions` in order to the default state (or to `start`).
func stateAfter(_ actions: [ExplorerAction], from start: ExplorerState = ExplorerState()) -> ExplorerState {
    var state = start
    for action in actions { update(&state, action) }
    return state
}

/// A whole screen of `state` drawn by the render module's panels, for the screen captures;
/// nil when the parameters are impossible.
func screen(of state: ExplorerState, size: Size = Size(width: 100, height: 30), colors: Bool = true,
            showsMessage: Bool = true) -> CellBuffer? {
    guard state.output != nil else { return nil }
    var buffer = render(state, size: size, colors: colors)
    if !showsMessage, case let .explorer(layout) = ScreenLayout(size: size, showsExtras: state.stack.isShown) {
        buffer.fill(layout.message)
    }
    return buffer
}

/// A two-channel state with a non-trivial output: a ramp through a random kernel at rate 2.
let twoChannelState = stateAfter([
    .inputLoaded(.double(Tensor(shape: [1, 6, 7, 2]) { Double($0[1] * 7 + $0[2]) - 3.5 * Double($0[3]) }), path: "ramp2.npy"),
    .setKernelPreset(.random(seed: 5)), .setPadding(.same), .setFill(.reflect), .move(.right),
])
