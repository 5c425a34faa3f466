import AtrousCore

/// Everything the explorer shows, as one value: the parameters, the values derived from
/// them, and the view (current cell, channel, playback, message, mode, undo).
///
/// Only ``update(_:_:)`` changes a state. It recomputes the derived values after every
/// change, so a renderer reads them and never computes anything itself.
public struct ExplorerState: Sendable, Equatable {
    // MARK: - Parameters

    /// Input, kernel and layer; see ``ExplorerParameters``.
    public internal(set) var parameters: ExplorerParameters

    // MARK: - Derived values

    /// The resolved geometry (pads per side, output size), or nil when the parameters are
    /// impossible; ``configurationError`` then says why.
    public internal(set) var geometry: ConvolutionGeometry?
    /// Why the parameters are impossible, or nil when they are fine.
    public internal(set) var configurationError: ConvolutionError?
    /// Every layer's output, layer i computed from layer i−1's; the selected layer's is ``output``.
    public internal(set) var stackOutputs = StackOutputs()
    /// The selected layer's input: the stack's input for the first layer, else the previous
    /// layer's output; nil when that output cannot be computed.
    public internal(set) var layerInput: AnyTensor?
    /// Why a layer before the selected one cannot be computed, naming it; nil when it can.
    public internal(set) var earlierLayerError: ConvolutionStackError?
    /// The selected layer's output after its activation, shape `(N, H_out, W_out, Cout)`, in
    /// the input's float type, or nil when impossible.
    public internal(set) var output: AnyTensor?
    /// Every term of the current cell's sum in ``outputChannel``, image 0, or nil when impossible;
    /// computed in the input's float type and widened exactly.
    public internal(set) var taps: TapBreakdown<Double>?
    /// The framework rules that apply to the current geometry (empty when impossible).
    public internal(set) var notes: [FrameworkNote] = []
    /// The output cells that read the input cell the user picked, or nil when none is picked.
    public internal(set) var inputReach: InputReach?
    /// The range and decimals of the selected layer's input in ``inputChannel`` (image 0), read
    /// once per change of the map or the channel rather than at every frame; nil without one.
    public internal(set) var inputSummary: MapSummary?
    /// The same of ``output`` in ``outputChannel``.
    public internal(set) var outputSummary: MapSummary?

    // MARK: - View

    /// The current output cell; always inside the output when there is one.
    public internal(set) var position: GridPosition = .origin
    /// The output channel shown in the output panel and computed by ``taps``.
    public internal(set) var outputChannel = 0
    /// The input channel shown in the input panel.
    public internal(set) var inputChannel = 0
    /// The kernel weight selected in the kernel panel (row, column of the kernel), which
    /// `:weight VALUE` sets.
    public internal(set) var selectedWeight: GridPosition = .origin
    /// Whether the current cell advances by itself, and how fast.
    public internal(set) var playback = Playback()
    /// The feedback line, or nil for none.
    public internal(set) var message: ExplorerMessage?
    /// Normal keys, the `:` command line, or the help overlay.
    public internal(set) var mode: ExplorerMode = .normal
    /// The first help line shown: the help is longer than a terminal is tall. The renderer
    /// clamps it to the help's last page; opening the help resets it.
    public internal(set) var helpScroll = 0
    /// What the help overlay lists while it is open.
    public internal(set) var helpPage = HelpPage.keys
    /// Undo and redo of parameter changes.
    public internal(set) var history = UndoHistory()
    /// The receptive-field view of the layer stack: shown or not, its chosen cell, its analysis.
    public internal(set) var stack = ReceptiveFieldView()
    /// The layers overview: shown or not, its scale, the chosen cell's cone.
    public internal(set) var overview = LayersOverview()
    /// A user's output loaded with `:actual`, compared with ``output``; nil for none.
    public internal(set) var comparison: ActualComparison?
    /// The configuration `:pin` kept as A, compared with the current one (B); nil for none.
    public internal(set) var pinned: PinnedConfiguration?
    /// Where `:record` is recording to, or nil when it is not; the frames are kept where they
    /// are drawn.
    public internal(set) var recording: RecordingTarget?
    /// The model `atrous explore --model` opened, shown instead of the hand-typed convolution; nil for none.
    public internal(set) var model: ModelExploration?
    /// The lesson being taught, its step and answers; nil when exploring freely.
    public internal(set) var lesson: LessonProgress?

    /// A state showing `parameters` at the first output cell, derived values computed.
    public init(parameters: ExplorerParameters) {
        self.init(parameters: parameters, reusingOutputsOf: nil)
    }

    /// The state ``init(parameters:)`` gives, taking the layer outputs `earlier` computed
    /// from the same input, layers and weights instead of computing them again: a start-up
    /// that applied its flags one by one then starts afresh pays for each convolution once.
    public init(parameters: ExplorerParameters, reusingOutputsOf earlier: ExplorerState?) {
        self.parameters = parameters
        if let earlier { stackOutputs = earlier.stackOutputs }
        recomputeDerived()
        message = problem.map { .error($0) } ?? notes.first.map { .note($0.description) }
    }

    /// The seed's example in miniature: a 9x9 impulse under a 3x3 box kernel at rate 2 with
    /// SAME padding and zero fill, at the first output cell. The output shows the dilated
    /// kernel's footprint with its holes, and the first cell already reads the padding.
    public init() {
        self.init(parameters: ExplorerParameters(pattern: .impulse, size: InputPattern.defaultSize, preset: .box,
                                                 kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same))
    }
}

// MARK: - Reading the parameters

extension ExplorerState {
    /// The stack's input feature maps, shape `(N, H, W, C)`; the selected layer reads ``layerInput``.
    public var input: AnyTensor { parameters.input }
    /// The shape of the selected layer's input.
    public var layerInputShape: FeatureMapShape {
        layerInput.flatMap { try? FeatureMapShape(shape: $0.shape) } ?? inputShape
    }
    /// What the input panel shows: `Input`, or the layer whose output the selected layer reads.
    public var layerInputName: String {
        selectedLayer == 0 || layerInput == nil ? "Input" : "Layer \(selectedLayer) output"
    }
    /// What stops the selected layer, as one sentence: a layer before it, or its own parameters
    /// (naming the layer when the stack has several).
    public var problem: String? {
        if let earlierLayerError { return earlierLayerError.description }
        guard let configurationError else { return nil }
        if layers.count > 1, let error = stackOutputs.error, error.layerIndex == selectedLayer { return error.description }
        return configurationError.description
    }
    /// The input's batch, height, width and channels.
    public var inputShape: FeatureMapShape { parameters.inputShape }
    /// Where the input came from.
    public var inputSource: InputSource { parameters.inputSource }
    /// The kernel weights, shape `(kh, kw, Cin, Cout)`.
    public var kernel: Tensor<Double> { parameters.kernel }
    /// The kernel's height, width and channels.
    public var kernelShape: KernelShape { parameters.kernelShape }
    /// Where the kernel came from.
    public var kernelSource: KernelSource { parameters.kernelSource }
    /// Kernel size, rate, stride, padding and fill: the stack's selected layer.
    public var spec: LayerSpec { parameters.spec }
    /// The layer stack of the receptive-field view, first layer first; never empty.
    public var layers: [LayerSpec] { parameters.layers }
    /// The index in ``layers`` of the layer the panels show, ``spec``.
    public var selectedLayer: Int { parameters.selectedLayer }

    /// The number of output cells, or 0 when the parameters are impossible.
    public var positionCount: Int { geometry.map { $0.outputSize.height * $0.outputSize.width } ?? 0 }
    /// The current cell's 1-based place in row-major order (for "position n/N"), or 0 when impossible.
    public var positionNumber: Int {
        geometry.map { position.flatIndex(in: $0.outputSize) + 1 } ?? 0
    }
    /// The number of channels the `c` key steps through: the larger of the input's and the kernel's output channels.
    public var channelCount: Int { max(layerInputShape.channels, kernelShape.outputChannels) }
    /// The value of the current cell in ``outputChannel``, or nil when impossible.
    public var currentValue: Double? { taps?.sum }
}
