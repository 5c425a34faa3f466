import AtrousCore

/// Applies one action to the state and returns the side effects the program must perform.
///
/// Pure: the same state and action always give the same new state and effects; nothing is
/// read from or written to the outside. After a parameter change the position is clamped
/// into the new output and every derived value is recomputed; the message line then shows
/// the configuration error, else a framework rule that newly applies, else what changed.
///
/// - Parameters:
///   - state: the explorer's state, changed in place.
///   - action: what happened.
/// - Returns: effects for the program loop, in order; usually none.
@discardableResult
public func update(_ state: inout ExplorerState, _ action: ExplorerAction) -> [ExplorerEffect] {
    let before = state.message
    if let effects = state.applyToModel(action) { return effects }
    let effects = apply(action, to: &state)
    // An error about an earlier action is stale once a later one went through without its own
    // error: `:goto 99,0` then `:goto 5,5` or `n` clears it. An impossible configuration
    // stays said while it lasts.
    if let before, before.kind == .error, state.message == before, action.clearsStaleError,
       state.configurationError?.description != before.text {
        state.message = nil
    }
    return effects
}

extension ExplorerAction {
    /// Whether the action is something the user did (not a clock beat, nor typing, scrolling
    /// or opening an overlay), after which an old error no longer describes the screen.
    var clearsStaleError: Bool {
        switch self {
        case .tick, .openCommandLine, .editCommandLine, .cancelCommandLine, .toggleHelp, .showPage, .scrollHelp,
             .toggleExportMenu, .failed, .revealAnswer, .turnNarration:
            false
        default:
            true
        }
    }
}

private func apply(_ action: ExplorerAction, to state: inout ExplorerState) -> [ExplorerEffect] {
    switch action {
    case let .move(direction): state.move(direction)
    case let .step(direction): state.step(direction)
    case .first: state.jump(toFlatIndex: 0)
    case .last: state.jump(toFlatIndex: state.positionCount - 1)
    case let .selectOutputCell(row, column): state.selectOutputCell(GridPosition(row: row, column: column))
    case let .selectInputCell(row, column): state.selectInputCell(GridPosition(row: row, column: column))
    case .dismiss: state.dismiss()

    case let .adjustRate(delta, axis): state.adjustRate(by: delta, axis: axis)
    case let .adjustKernelSize(delta, axis): state.adjustKernelSize(by: delta, axis: axis)
    case let .adjustStride(delta, axis): state.adjustStride(by: delta, axis: axis)
    case let .setRate(rate): state.setRate(rate)
    case let .setKernelSize(size): state.setKernelSize(size)
    case let .setStride(stride): state.setStride(stride)
    case let .setPadding(padding): state.setPadding(padding)
    case let .setFill(fill): state.setFill(fill)
    case let .cyclePadding(direction): state.cyclePadding(direction)
    case let .cycleFill(direction): state.setFill(Fill.allCases.cycled(from: Fill.allCases.firstIndex(of: state.spec.fill) ?? 0, direction))

    case let .cycleKernelPreset(direction):
        state.setKernelPreset(KernelPreset.cycle.cycled(from: state.kernelSource.preset.cycleIndex, direction))
    case let .setKernelPreset(preset): state.setKernelPreset(preset)
    case let .setWeight(row, column, value): state.setWeight(value, at: GridPosition(row: row, column: column))
    case let .setSelectedWeight(value): state.setWeight(value, at: state.selectedWeight)
    case let .selectWeight(row, column): state.selectWeight(GridPosition(row: row, column: column))
    case let .stepWeight(direction): state.stepWeight(direction)

    case let .cycleInputPattern(direction): state.cycleInputPattern(direction)
    case let .setInputPattern(pattern, size): state.setInputPattern(pattern, size: size)
    case .reseed: state.reseed()
    case let .loadInput(path):
        state.message = .info("Loading \(path)…")
        return [.loadInput(path: path)]
    case let .inputLoaded(tensor, path): state.inputLoaded(tensor, path: path)
    case let .loadKernel(path):
        state.message = .info("Loading \(path)…")
        return [.loadKernel(path: path)]
    case let .kernelLoaded(tensor, path): state.kernelLoaded(tensor, path: path)
    case let .loadFailed(message): state.message = .error(message)
    case let .loadActual(path):
        state.message = .info("Loading \(path)…")
        return [.loadActual(path: path)]
    case let .actualLoaded(tensor, path): state.actualLoaded(tensor, path: path)
    case .applyDiagnosis: state.applyDiagnosis()
    case .clearActual: state.clearActual()
    case .pin: state.pin()
    case .unpin: state.unpin()

    case .toggleStackView: state.toggleStackView()
    case let .addLayer(layer): state.addLayer(layer)
    case .removeLayer: state.removeLayer()
    case let .stepLayer(direction): state.stepLayer(direction)
    case let .selectLayer(index): state.selectLayer(index)
    case let .setLayers(layers): state.setLayers(layers)
    case let .loadStackPreset(preset): state.loadStackPreset(preset)
    case let .moveStackCell(direction): state.moveStackCell(direction)
    case .cycleLayersOverview: state.cycleLayersOverview()
    case let .setActivation(activation): state.setActivation(activation)
    case let .setBias(bias): state.setBias(bias)
    case .followTap: state.followTap()

    case let .stepChannel(direction): state.stepChannel(direction)
    case let .selectChannel(index): state.selectChannel(index)

    case .togglePlay: state.togglePlay()
    case .tick: state.tick()
    case let .changeSpeed(direction): state.changeSpeed(direction)

    case .toggleHelp:
        state.mode = state.mode == .help ? .normal : .help
        state.helpPage = .keys
        state.helpScroll = 0
    case let .showPage(page): state.showPage(page)
    case let .scrollHelp(lines): state.scrollHelp(by: lines)
    case .openCommandLine: state.mode = .commandLine(CommandLineText())
    case let .editCommandLine(edit): state.editCommandLine(edit)
    case .submitCommandLine: return state.submitCommandLine()
    case .cancelCommandLine: if state.mode.commandLine != nil { state.mode = .normal }

    case let .openSession(path): return state.openSession(path: path)
    case let .export(kind, path): return state.export(kind, path: path)
    case .toggleExportMenu: state.toggleExportMenu()
    case let .answerOverwrite(yes): return state.answerOverwrite(yes)
    case let .sessionOpened(opened, path): state.sessionOpened(opened, path: path)
    case let .exported(kind, paths): state.exported(kind, paths: paths)
    case let .fileExists(path, retry): state.fileExists(path: path, retry: retry)
    case let .failed(message): state.message = .error(message)

    case let .startRecording(path, format): return state.startRecording(path: path, format: format)
    case .stopRecording: return state.stopRecording()
    case let .recordingStarted(target): state.recordingStarted(target)
    case let .recordingWritten(path, frames, milliseconds):
        state.recordingWritten(path: path, frames: frames, milliseconds: milliseconds)
    case let .stepLesson(direction): state.stepLesson(direction)
    case let .goToStep(index): state.goToStep(index)
    case .revealAnswer: state.revealAnswer()
    case let .turnNarration(pages): state.turnNarration(by: pages)

    case .undo: state.undo()
    case .redo: state.redo()
    case .quit:
        // A recording under way is written before the program ends rather than lost.
        guard let target = state.recording else { return [.quit] }
        state.recording = nil
        return [.finishRecording(target), .quit]
    }
    return []
}
