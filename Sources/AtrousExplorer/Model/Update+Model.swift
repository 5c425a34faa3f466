import AtrousCore

/// The keys on a model (`atrous explore --model`): the chosen cell moves and the layer table
/// scrolls; help, the command line, recording and quitting work as anywhere. What edits the
/// hand-typed convolution cannot apply to the model's fixed layers, and says so.
extension ExplorerState {
    /// The state showing `model`, its receptive-field view open on the analysed node's centre cell.
    public init(model: ModelExploration) {
        self.init()
        self.model = model
        message = nil
    }

    /// The one sentence for a key that has nothing to act on in a model.
    static let fixedModelMessage = "The model's layers are fixed; H J K L move the cell, { } the layers."

    /// Applies `action` to the model shown, or returns nil when it acts as on any state.
    mutating func applyToModel(_ action: ExplorerAction) -> [ExplorerEffect]? {
        guard var model else { return nil }
        switch action {
        case let .moveStackCell(direction), let .move(direction):
            let offset = direction.offset
            let target = GridPosition(row: model.cell.height + offset.rows, column: model.cell.width + offset.columns)
            if model.choose(target) {
                message = nil
            } else {
                message = .info("Output cell (\(model.cell.height), \(model.cell.width)) is at the edge of "
                    + "'\(model.nodeName)''s \(model.outputSize.height)x\(model.outputSize.width) output.")
            }
        case let .stepLayer(direction):
            model.selectedRow = min(max(model.selectedRow + direction.step, 0), max(model.rows.count - 1, 0))
            message = nil
        case let .selectLayer(index):
            guard model.rows.indices.contains(index) else {
                message = .error("Row \(index + 1) does not exist: the table has \(model.rows.count) rows, counted from 1.")
                return []
            }
            model.selectedRow = index
            message = nil
        case .toggleStackView:
            message = .info("The receptive-field view is the model's screen; q quits.")
        case .tick, .toggleHelp, .showPage, .scrollHelp, .openCommandLine, .editCommandLine, .submitCommandLine,
             .cancelCommandLine, .dismiss, .failed, .quit, .startRecording, .stopRecording, .recordingStarted,
             .recordingWritten:
            return nil
        default:
            message = .error(Self.fixedModelMessage)
        }
        self.model = model
        return []
    }
}
