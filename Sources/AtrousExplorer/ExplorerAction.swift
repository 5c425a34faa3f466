import AtrousCore

/// Everything that can happen to the explorer, from a key, a mouse click, a command, a
/// tick of the clock or the result of an effect. ``update(_:_:)`` applies one.
public enum ExplorerAction: Sendable, Equatable {
    // MARK: Current cell

    /// Moves the current output cell one step, stopping at the output's edge.
    case move(MoveDirection)
    /// Steps to the next or previous output cell in row-major order, wrapping from the end
    /// of a row to the next row and from the last cell to the first.
    case step(CycleDirection)
    /// Jumps to the first output cell.
    case first
    /// Jumps to the last output cell.
    case last
    /// Makes output cell (`row`, `column`) current (a click on the output, or `:goto`).
    case selectOutputCell(row: Int, column: Int)
    /// Picks input cell (`row`, `column`), relative to the unpadded input (negative or past
    /// the end inside the padding), and shows which output cells read it.
    case selectInputCell(row: Int, column: Int)
    /// Closes the help, forgets the picked input cell and clears the message (Escape).
    case dismiss

    // MARK: Layer

    /// Changes the dilation rate by `delta` on `axis`, or on both axes when nil.
    case adjustRate(by: Int, axis: Axis?)
    /// Changes the kernel size by `delta` on `axis`, or on both axes when nil; the kernel is
    /// regenerated from its preset (edited weights keep their places, new ones are 0).
    case adjustKernelSize(by: Int, axis: Axis?)
    /// Changes the stride by `delta` on `axis`, or on both axes when nil.
    case adjustStride(by: Int, axis: Axis?)
    /// Sets the dilation rate (each axis within ``ExplorerLimits/rate``).
    case setRate(Pair)
    /// Sets the kernel size (within ``ExplorerLimits/kernelSize``), regenerating the kernel
    /// as ``adjustKernelSize(by:axis:)`` does.
    case setKernelSize(Pair)
    /// Sets the stride (each axis within ``ExplorerLimits/stride``).
    case setStride(Pair)
    /// Sets the padding; causal padding with a kernel taller than 1 is accepted and shown as
    /// the core's error until the kernel is flat or the padding changes.
    case setPadding(Padding)
    /// Sets what the padded cells hold.
    case setFill(Fill)
    /// Steps through `valid → same → full → causal → valid` (explicit padding continues at `valid`).
    case cyclePadding(CycleDirection)
    /// Steps through the fills `zeros → reflect → replicate → circular`.
    case cycleFill(CycleDirection)

    // MARK: Kernel

    /// Steps through ``KernelPreset/cycle``, keeping the kernel size.
    case cycleKernelPreset(CycleDirection)
    /// Regenerates the kernel from `preset` at the current size.
    case setKernelPreset(KernelPreset)
    /// Sets the weight at kernel cell (`row`, `column`) for the shown input and output
    /// channels, and selects it.
    case setWeight(row: Int, column: Int, value: Double)
    /// Sets the selected weight (`:weight VALUE`).
    case setSelectedWeight(Double)
    /// Selects kernel cell (`row`, `column`) (a click on the kernel panel).
    case selectWeight(row: Int, column: Int)
    /// Selects the next or previous weight in row-major order, wrapping.
    case stepWeight(CycleDirection)

    // MARK: Input

    /// Steps through ``InputPattern/cycle``, keeping the input size (a file's size is kept too).
    case cycleInputPattern(CycleDirection)
    /// Replaces the input with `pattern` at `size`, or at the current size when nil.
    case setInputPattern(InputPattern, size: Pair?)
    /// Draws new values for a random input and a random kernel, with the next seed (hand
    /// edits of a random kernel are replaced), as one undoable change.
    case reseed
    /// Asks the program to read `path`: ``update(_:_:)`` returns ``ExplorerEffect/loadInput(path:)``.
    case loadInput(path: String)
    /// Asks the program to read `path` as the kernel: ``update(_:_:)`` returns
    /// ``ExplorerEffect/loadKernel(path:)``.
    case loadKernel(path: String)
    /// The kernel the program read from `path`.
    case kernelLoaded(Tensor<Double>, path: String)
    /// The program read `path` into `tensor` (rank 2, 3 or 4), kept in its float type.
    case inputLoaded(AnyTensor, path: String)
    /// The program could not read a file; `message` is its one-sentence error.
    case loadFailed(message: String)
    /// Asks the program to read a user's output at `path`: ``ExplorerEffect/loadActual(path:)``.
    case loadActual(path: String)
    /// The program read the user's output at `path` (see ``ActualComparison``).
    case actualLoaded(Tensor<Double>, path: String)
    /// Sets the rate, stride, padding and fill of the diagnosis's first finding.
    case applyDiagnosis
    /// Drops the loaded output.
    case clearActual
    /// Keeps the current configuration as A (see ``PinnedConfiguration``).
    case pin
    /// Ends the comparison with A.
    case unpin

    // MARK: Layer stack

    /// Shows or hides the receptive-field view of the layer stack.
    case toggleStackView
    /// Inserts `layer` after the selected layer and selects it; nil inserts a copy of the
    /// selected layer. Every stack action shows the view, so no change goes unseen.
    case addLayer(LayerSpec?)
    /// Removes the selected layer and selects the one before it; the last layer stays.
    case removeLayer
    /// Selects the next or previous layer, wrapping; the panels then show it on the input.
    case stepLayer(CycleDirection)
    /// Selects layer `index`, counted from 0 (`:layer N` counts from 1).
    case selectLayer(Int)
    /// Replaces the stack with `layers` (at least one) and selects the first.
    case setLayers([LayerSpec])
    /// Loads a preset's stack, keeping a loaded file it fits (else redrawing the current pattern,
    /// or an impulse, at the preset's size), and its default output cell. Parallel branches (ASPP) are refused with a message.
    case loadStackPreset(StackPreset)
    /// Moves the view's chosen cell one step; while it follows the current cell, moves that.
    case moveStackCell(MoveDirection)
    /// Steps the layers overview: hidden, then each map on its own scale, then every map on one
    /// shared scale, then hidden again.
    case cycleLayersOverview
    /// Sets the selected layer's activation.
    case setActivation(Activation)
    /// Sets the selected layer's bias: one value per output channel, or nil for none.
    case setBias([Double]?)
    /// Follows the selected weight's tap into the layer before: selects that layer and makes
    /// the cell the tap reads its current cell.
    case followTap

    // MARK: Channels

    /// Shows the next or previous channel (input and output together), wrapping.
    case stepChannel(CycleDirection)
    /// Shows channel `index` (0-based) of the output and, where it exists, of the input.
    case selectChannel(Int)

    // MARK: Playback

    /// Starts or pauses stepping; starting on the last cell starts again from the first.
    case togglePlay
    /// One beat of the clock: advances one cell while playing and pauses after the last.
    case tick
    /// Moves along the ``Playback/speeds`` ladder: forward is faster.
    case changeSpeed(CycleDirection)

    // MARK: Modes

    /// Shows or hides the key help.
    case toggleHelp
    /// Opens a page of the help overlay (the sum table, the notes), or closes it when open.
    case showPage(HelpPage)
    /// Scrolls the open help by `lines` (negative is up), staying within the help.
    case scrollHelp(by: Int)
    /// Opens the `:` command line, empty.
    case openCommandLine
    /// Edits the open command line.
    case editCommandLine(CommandLineEdit)
    /// Runs the command line's text (see ``ExplorerCommand``) and closes it.
    case submitCommandLine
    /// Closes the command line without running it.
    case cancelCommandLine

    // MARK: Sessions and export

    /// Asks the program to open the session at `path`: ``update(_:_:)`` returns
    /// ``ExplorerEffect/openSession(path:)``.
    case openSession(path: String)
    /// Asks the program to write `kind` to `path`, or to the kind's default name in the
    /// current directory when nil: ``update(_:_:)`` returns ``ExplorerEffect/export(_:path:overwrite:)``.
    case export(ExportKind, path: String?)
    /// Opens or closes the export menu, whose single keys each export one kind.
    case toggleExportMenu
    /// The answer to "overwrite?": yes writes over the file, no keeps it.
    case answerOverwrite(Bool)
    /// The program read a session: the state replaces the current one (undo returns to it).
    case sessionOpened(ExplorerState, path: String)
    /// The program wrote `kind`; `paths` are the files written, the main one first.
    case exported(ExportKind, paths: [String])
    /// The program did not write because `path` exists; `retry` is the effect to perform
    /// again with overwriting allowed once the user agrees.
    case fileExists(path: String, retry: ExplorerEffect)
    /// The program could not perform an effect; `message` is its one-sentence error.
    case failed(message: String)

    // MARK: Recording

    /// Starts recording the session to `path` (`:record FILE`), as an asciicast or an
    /// animated SVG by the extension: ``update(_:_:)`` returns ``ExplorerEffect/startRecording(_:)``.
    case startRecording(path: String, format: RecordingFormat)
    /// Ends the recording and writes it (`:record stop`): ``update(_:_:)`` returns
    /// ``ExplorerEffect/finishRecording(_:)``.
    case stopRecording
    /// The program checked the file and now captures every frame drawn.
    case recordingStarted(RecordingTarget)
    /// The program wrote the recording: `frames` screens over `milliseconds`.
    case recordingWritten(path: String, frames: Int, milliseconds: Int)

    // MARK: Lessons

    /// Opens the lesson's next or previous step, restored as its script sets it up.
    case stepLesson(CycleDirection)
    /// Opens step `index` of the lesson (from 0).
    case goToStep(Int)
    /// Shows the next hidden answer of the step's questions.
    case revealAnswer
    /// Turns the narration by `pages` (negative is back), from the last page to the first.
    case turnNarration(by: Int)

    // MARK: History and program

    /// Restores the parameters before the last change.
    case undo
    /// Reapplies the last undone change.
    case redo
    /// Ends the program: ``update(_:_:)`` returns ``ExplorerEffect/quit``.
    case quit
}

/// A direction on the screen.
public enum MoveDirection: Sendable, Hashable, CaseIterable {
    case up, down, left, right

    /// The change of (row, column) one step makes.
    var offset: (rows: Int, columns: Int) {
        switch self {
        case .up: (-1, 0)
        case .down: (1, 0)
        case .left: (0, -1)
        case .right: (0, 1)
        }
    }
}
