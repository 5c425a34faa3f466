import AtrousCore
import AtrousExplorer
import AtrousRender

/// Everything an export may read: the state, and what the program holds beside it.
public struct ExportSubject: Sendable {
    /// The explorer's state after the action that asked for the export.
    public var state: ExplorerState
    /// The screen as `render` draws ``state`` (after the action, so an export menu that the
    /// choice closed is not in the picture), or nil when there is none.
    public var screen: CellBuffer?
    /// The path counts the receptive-field view shows, or nil when it shows none.
    public var pathCounts: PathCountMap?

    public init(state: ExplorerState, screen: CellBuffer? = nil, pathCounts: PathCountMap? = nil) {
        self.state = state
        self.screen = screen
        self.pathCounts = pathCounts
    }
}
