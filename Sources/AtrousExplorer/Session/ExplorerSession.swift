import AtrousCore

/// What a session file holds: the parameters and the view of an ``ExplorerState``, without the
/// values derived from them, the message or the undo history.
///
/// A session reopens exactly: ``state(path:)`` rebuilds the state through its own initialiser,
/// so every derived value is recomputed, then puts the view back. Playback always reopens
/// paused. The README's "Session files" section documents the file.
public struct ExplorerSession: Sendable, Equatable {
    /// The input, NHWC, in its float type, and where it came from.
    public var input: AnyTensor
    public var inputSource: InputSource
    /// The kernel, HWIO, and the preset it started from.
    public var kernel: Tensor<Double>
    public var kernelSource: KernelSource
    /// The layer; its kernel size is the kernel's.
    public var spec: LayerSpec
    /// The current output cell.
    public var position: GridPosition
    public var inputChannel: Int
    public var outputChannel: Int
    /// The kernel weight selected for `:weight`.
    public var selectedWeight: GridPosition
    /// The input cell picked to show which outputs it feeds, or nil.
    public var pickedInput: GridPosition?
    /// Whether the key help is open.
    public var showsHelp: Bool
    /// Whether the receptive-field view of the stack is shown.
    public var showsStack: Bool
    /// The playback speed, one of ``Playback/speeds``.
    public var stepsPerSecond: Int
    /// The layer stack of the receptive-field view when it holds more than the one layer.
    public var stack: [LayerSpec]?
    /// Which layer of ``stack`` is the explorer's current layer; nil means the first equal to ``spec``.
    public var selectedLayer: Int?
    /// Every layer's fill, activation, bias and kernel, parallel to ``stack``; nil in a session
    /// written before the layers kept their own kernels, whose layers then share the session's
    /// fill and take kernels from the current kernel's preset.
    public var stackLayers: [SessionStackLayer]?

    /// The session of `state`, its layer stack included when there is more than one layer.
    public init(state: ExplorerState) {
        input = state.input
        inputSource = state.inputSource
        kernel = state.kernel
        kernelSource = state.kernelSource
        spec = state.spec
        position = state.position
        inputChannel = state.inputChannel
        outputChannel = state.outputChannel
        selectedWeight = state.selectedWeight
        pickedInput = state.inputReach?.input
        showsHelp = state.mode == .help && state.helpPage == .keys
        showsStack = state.stack.isShown
        stepsPerSecond = state.playback.stepsPerSecond
        // A stack, or one layer with a bias or an activation, keeps every layer's own data.
        if !state.parameters.isPlainLayer {
            stack = state.layers
            selectedLayer = state.selectedLayer
            stackLayers = zip(state.layers, state.parameters.weights).map { SessionStackLayer(fill: $0.fill, weights: $1) }
        }
    }

    init(input: AnyTensor, inputSource: InputSource, kernel: Tensor<Double>, kernelSource: KernelSource,
         spec: LayerSpec, position: GridPosition, inputChannel: Int, outputChannel: Int,
         selectedWeight: GridPosition, pickedInput: GridPosition?, showsHelp: Bool, showsStack: Bool,
         stepsPerSecond: Int,
         stack: [LayerSpec]?, selectedLayer: Int?, stackLayers: [SessionStackLayer]? = nil) {
        self.input = input
        self.inputSource = inputSource
        self.kernel = kernel
        self.kernelSource = kernelSource
        self.spec = spec
        self.position = position
        self.inputChannel = inputChannel
        self.outputChannel = outputChannel
        self.selectedWeight = selectedWeight
        self.pickedInput = pickedInput
        self.showsHelp = showsHelp
        self.showsStack = showsStack
        self.stepsPerSecond = stepsPerSecond
        self.stack = stack
        self.selectedLayer = selectedLayer
        self.stackLayers = stackLayers
    }

    /// The explorer state this session describes, its derived values computed afresh.
    ///
    /// - Parameter path: the session file, for messages.
    /// - Returns: the state, paused, with the message the parameters call for (an error, a
    ///   framework rule) or else `Opened <path>.`
    /// - Throws: ``SessionError/inconsistent(path:reason:)`` when the parts do not fit: shapes
    ///   of the wrong rank, a kernel whose size or channels differ from the layer's and the
    ///   input's, or a view outside the shapes.
    public func state(path: String) throws(SessionError) -> ExplorerState {
        func inconsistent(_ reason: String) -> SessionError { .inconsistent(path: path, reason: reason) }
        var parameters: ExplorerParameters
        do {
            parameters = try ExplorerParameters(input: input, inputSource: inputSource, kernel: kernel,
                                                kernelSource: kernelSource, rate: spec.rate, stride: spec.stride,
                                                padding: spec.padding, fill: spec.fill)
            if let stack {
                // The stack's notation carries no fill: each layer's own, or in an older session
                // the session's fill for every layer.
                guard stackLayers == nil || stackLayers?.count == stack.count else {
                    throw inconsistent("\"stack_layers\" has \(stackLayers?.count ?? 0) layers but \"stack\" has \(stack.count)")
                }
                let fills = stackLayers?.map(\.fill) ?? Array(repeating: spec.fill, count: stack.count)
                let layers = zip(stack, fills).map { layer, fill in var layer = layer; layer.fill = fill; return layer }
                let current = selectedLayer ?? layers.firstIndex(of: parameters.spec) ?? -1
                try parameters.restoreStack(layers, weights: stackLayers?.map(\.weights), selectedLayer: current)
                guard parameters.kernel == kernel else {
                    throw inconsistent("\"kernel\" differs from the kernel of the selected layer \(current + 1)")
                }
            }
        } catch {
            throw inconsistent(lowercased("\(error)"))
        }
        // The selected layer reads the input's channels, or the layer before's output channels.
        let (inputChannels, kernelShape) = (parameters.inputChannels(ofLayer: parameters.selectedLayer), parameters.kernelShape)
        guard kernelShape.size == spec.kernelSize else {
            throw inconsistent("the layer's kernel size \(sizeText(spec.kernelSize)) differs from the kernel's "
                + sizeText(kernelShape.size))
        }
        guard kernelShape.inputChannels == inputChannels else {
            throw inconsistent("the kernel takes \(plural(kernelShape.inputChannels, "input channel")) but the input "
                + "has \(plural(inputChannels, "channel"))")
        }
        guard (0..<inputChannels).contains(inputChannel) else {
            throw inconsistent("the input channel \(inputChannel) is not one of the input's \(inputChannels)")
        }
        guard (0..<kernelShape.outputChannels).contains(outputChannel) else {
            throw inconsistent("the output channel \(outputChannel) is not one of the kernel's "
                + "\(kernelShape.outputChannels)")
        }
        guard selectedWeight.isInside(kernelShape.size) else {
            throw inconsistent("the selected weight \(selectedWeight) lies outside the "
                + "\(sizeText(kernelShape.size)) kernel")
        }
        guard let speedIndex = Playback.speeds.firstIndex(of: stepsPerSecond) else {
            throw inconsistent("the speed \(stepsPerSecond) is not one of " + listed(Playback.speeds.map(String.init)))
        }

        var state = ExplorerState(parameters: parameters)
        if let geometry = state.geometry {
            guard position.isInside(geometry.outputSize) else {
                throw inconsistent("the position \(position) lies outside the \(sizeText(geometry.outputSize)) output")
            }
            if let pickedInput, !state.isInsidePaddedInput(pickedInput, geometry) {
                throw inconsistent("the picked input cell \(pickedInput) lies outside the input and its padding")
            }
            state.inputReach = pickedInput.map { InputReach(input: $0, geometry: geometry) }
        }
        state.position = position
        state.inputChannel = inputChannel
        state.outputChannel = outputChannel
        state.selectedWeight = selectedWeight
        state.playback = Playback(isPlaying: false, speedIndex: speedIndex)
        state.mode = showsHelp ? .help : .normal
        state.stack.isShown = showsStack
        state.recomputeDerived()
        state.message = state.problem.map { .error($0) }
            ?? state.notes.first.map { .note($0.description) } ?? .info("Opened \(shown(path)).")
        return state
    }
}

/// `3x3`: a size as sessions and their messages write it.
func sizeText(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }

/// The sentence with its first letter in lower case and no final full stop, to go inside another.
func lowercased(_ sentence: String) -> String {
    var text = Substring(sentence)
    if text.last == "." { text.removeLast() }
    guard let first = text.first else { return String(text) }
    return first.lowercased() + text.dropFirst()
}

/// One layer of a saved stack beyond its notation: the fill, and the kernel and activation.
public struct SessionStackLayer: Sendable, Equatable {
    public var fill: Fill
    public var weights: LayerWeights

    public init(fill: Fill, weights: LayerWeights) {
        self.fill = fill
        self.weights = weights
    }
}
