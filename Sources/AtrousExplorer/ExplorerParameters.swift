import AtrousCore

/// What the explorer computes from: input, kernel, layer and the layer stack of the
/// receptive-field view. A session saves these, and undo restores them.
///
/// The input is always NHWC (rank 4) and the kernel HWIO (rank 4), both with no empty axis,
/// and ``spec``'s kernel size always equals the kernel's height and width.
///
/// The stack and the single layer are one model: ``spec`` is the stack's selected layer,
/// `layers[selectedLayer]`, and ``kernel`` its kernel, `weights[selectedLayer]`, so the keys that
/// change the rate, kernel size, stride, padding, fill or weights edit that layer. Every layer
/// keeps its own kernel; layer i reads layer i−1's output, so selecting another layer makes the
/// panels show it on its own input. A fresh explorer's stack is its one layer.
public struct ExplorerParameters: Sendable, Equatable {
    /// The input feature maps, shape `(N, H, W, C)`, in the float type they came in: every
    /// layer computes in that type (float32 as the frameworks compute a float32 input).
    public private(set) var input: AnyTensor
    /// The input's shape read as feature maps.
    public private(set) var inputShape: FeatureMapShape
    /// Where the input came from.
    public var inputSource: InputSource
    /// Kernel size, rate, stride, padding and fill; the kernel size follows ``kernel``.
    /// Always the stack's selected layer.
    public private(set) var spec: LayerSpec {
        didSet { layers[selectedLayer] = spec }
    }
    /// The receptive-field view's stack, first layer first; never empty.
    public private(set) var layers: [LayerSpec]
    /// Every layer's kernel and activation, parallel to ``layers``.
    public private(set) var weights: [LayerWeights]
    /// The index of ``spec`` in ``layers``.
    public private(set) var selectedLayer: Int

    /// The selected layer's kernel weights, shape `(kh, kw, Cin, Cout)`.
    public var kernel: Tensor<Double> { weights[selectedLayer].kernel }
    /// The selected layer's kernel shape read as HWIO.
    public var kernelShape: KernelShape { weights[selectedLayer].kernelShape }
    /// Where the selected layer's kernel came from.
    public var kernelSource: KernelSource {
        get { weights[selectedLayer].source }
        set { weights[selectedLayer].source = newValue }
    }
    /// The selected layer's bias, one value per output channel, or nil.
    public var bias: [Double]? { weights[selectedLayer].bias }
    /// Whether the stack is one layer with no bias or activation: what a one-layer snippet
    /// reproduces. Anything more exports as a stack.
    public var isPlainLayer: Bool { layers.count == 1 && weights[0].bias == nil && weights[0].activation == .none }
    /// What the selected layer applies to its output.
    public var activation: Activation {
        get { weights[selectedLayer].activation }
        set { weights[selectedLayer].activation = newValue }
    }

    /// Combines an input and a kernel of rank 2, 3 or 4 (read as ``FeatureMapShape`` and
    /// ``KernelShape`` read them) with the layer's other parameters.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis.
    public init(input: AnyTensor, inputSource: InputSource, kernel: Tensor<Double>,
                kernelSource: KernelSource, rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1),
                padding: Padding = .valid, fill: Fill = .zeros) throws {
        let inputShape = try FeatureMapShape(shape: input.shape)
        let layerWeights = try LayerWeights(kernel: kernel, source: kernelSource)
        self.input = input.reshaped(inputShape.dimensions)
        self.inputShape = inputShape
        self.inputSource = inputSource
        weights = [layerWeights]
        spec = LayerSpec(kernelSize: layerWeights.kernelShape.size, rate: rate, stride: stride, padding: padding, fill: fill)
        layers = [spec]
        selectedLayer = 0
    }

    /// A built-in pattern under a preset kernel, both single-channel.
    ///
    /// A size below 1 is raised to 1 (see ``Pair/atLeastOne``).
    public init(pattern: InputPattern, size: Pair, preset: KernelPreset, kernelSize: Pair,
                rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1), padding: Padding = .valid,
                fill: Fill = .zeros) {
        let (size, kernelSize) = (size.atLeastOne, kernelSize.atLeastOne)
        input = .double(pattern.tensor(size: size))
        inputShape = FeatureMapShape(batch: 1, height: size.height, width: size.width, channels: 1)
        inputSource = .pattern(pattern, size: size)
        weights = [LayerWeights(preset: preset, size: kernelSize, channels: 1)]
        spec = LayerSpec(kernelSize: kernelSize, rate: rate, stride: stride, padding: padding, fill: fill)
        layers = [spec]
        selectedLayer = 0
    }

    public var rate: Pair {
        get { spec.rate }
        set { spec.rate = newValue }
    }

    public var stride: Pair {
        get { spec.stride }
        set { spec.stride = newValue }
    }

    public var padding: Padding {
        get { spec.padding }
        set { spec.padding = newValue }
    }

    public var fill: Fill {
        get { spec.fill }
        set { spec.fill = newValue }
    }

    /// Replaces the input, reading ranks 2 to 4 as feature maps.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis;
    ///   the parameters are then unchanged.
    public mutating func setInput(_ tensor: AnyTensor, source: InputSource) throws {
        let shape = try FeatureMapShape(shape: tensor.shape)
        input = tensor.reshaped(shape.dimensions)
        inputShape = shape
        inputSource = source
    }

    /// Replaces the kernel (rank 2 or 4) and with it the spec's kernel size.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis;
    ///   the parameters are then unchanged.
    public mutating func setKernel(_ tensor: Tensor<Double>, source: KernelSource) throws {
        // The bias stays while the output channels do.
        let keptBias = (try? KernelShape(shape: tensor.shape))?.outputChannels == kernelShape.outputChannels ? bias : nil
        let layerWeights = try LayerWeights(kernel: tensor, source: source, activation: activation, bias: keptBias)
        weights[selectedLayer] = layerWeights
        spec.kernelSize = layerWeights.kernelShape.size
    }

    /// Sets the selected layer's bias.
    /// - Throws: ``ConvolutionError/biasLength(length:outputChannels:)``; the parameters are then unchanged.
    mutating func setBias(_ bias: [Double]?) throws {
        try weights[selectedLayer].setBias(bias)
    }

    /// Sets the weight at kernel cell `cell` joining input channel `inputChannel` to output
    /// channel `outputChannel`; the caller has checked the indices.
    mutating func setWeight(_ value: Double, at cell: GridPosition, inputChannel: Int, outputChannel: Int) {
        weights[selectedLayer].setWeight(value, at: cell, inputChannel: inputChannel, outputChannel: outputChannel)
    }

    /// Replaces the stack with `layers` whose layer `selectedLayer` is the current layer, as a
    /// saved session restores it. `weights` are every layer's own; nil (a session written before
    /// layers kept their kernels) rebuilds the other layers' kernels from the current kernel's
    /// preset at their sizes.
    /// - Throws: ``StackRestoreError`` when the index lies outside the layers, that layer is not
    ///   ``spec``, or the weights do not fit the layers; the parameters are then unchanged.
    public mutating func restoreStack(_ layers: [LayerSpec], weights: [LayerWeights]? = nil,
                                      selectedLayer: Int) throws {
        guard layers.indices.contains(selectedLayer) else {
            throw StackRestoreError.selectionOutside(index: selectedLayer, count: layers.count)
        }
        guard layers[selectedLayer] == spec else {
            throw StackRestoreError.selectionIsNotTheLayer(selected: layers[selectedLayer], layer: spec)
        }
        let current = self.weights[self.selectedLayer]
        let weights = weights ?? layers.indices.map { index in
            index == selectedLayer ? current
                : LayerWeights(preset: current.source.preset, size: layers[index].kernelSize,
                               channels: current.kernelShape.inputChannels)
        }
        guard weights.count == layers.count else {
            throw StackRestoreError.weightCount(weights: weights.count, layers: layers.count)
        }
        if let index = layers.indices.first(where: { layers[$0].kernelSize != weights[$0].kernelShape.size }) {
            throw StackRestoreError.kernelSizeDiffers(index: index, layer: layers[index],
                                                      kernel: weights[index].kernelShape.size)
        }
        self.layers = layers
        self.weights = weights
        self.selectedLayer = selectedLayer
    }

    /// Replaces the stack and selects layer `index`; each layer's kernel height and width must
    /// be its spec's kernel size (the caller builds them).
    mutating func setStack(_ layers: [LayerSpec], weights: [LayerWeights], selecting index: Int) {
        precondition(layers.count == weights.count && layers.indices.contains(index), "a stack without its weights")
        self.layers = layers
        self.weights = weights
        selectedLayer = index
        spec = layers[index]
    }

    /// Makes layer `index` the one the panels show; the caller has checked the index.
    mutating func selectLayer(_ index: Int) {
        selectedLayer = index
        spec = layers[index]
    }

    /// Rebuilds every layer's kernel from its preset for `channels` channels in and out, after
    /// the input's channel count changed.
    mutating func rebuildKernels(channels: Int) {
        weights = zip(layers, weights).map { layer, weights in
            LayerWeights(preset: weights.source.preset, size: layer.kernelSize, channels: channels,
                         activation: weights.activation)
        }
    }

    /// The channels layer `index` reads: the input's for the first, else the previous kernel's output channels.
    func inputChannels(ofLayer index: Int) -> Int {
        index == 0 ? inputShape.channels : weights[index - 1].kernelShape.outputChannels
    }

    /// Every layer as AtrousCore computes it, first layer first, in `scalar`: the input's float
    /// type, to which the kernels and biases are rounded as a framework casts them.
    /// - Throws: ``ConvolutionError`` for a rate or stride below 1.
    public func stackLayers<S: ConvolutionScalar>(in scalar: S.Type = Double.self) throws -> [StackLayer<S>] {
        try zip(layers, weights).map { spec, weights in
            StackLayer(try Self.convolution(spec, weights, in: scalar), activation: weights.activation)
        }
    }

    /// The selected layer as AtrousCore computes it, in `scalar` (see ``stackLayers(in:)``).
    /// - Throws: ``ConvolutionError`` for a rate or stride below 1.
    public func convolution<S: ConvolutionScalar>(in scalar: S.Type = Double.self) throws -> Convolution<S> {
        try Self.convolution(spec, weights[selectedLayer], in: scalar)
    }

    private static func convolution<S: ConvolutionScalar>(_ spec: LayerSpec, _ weights: LayerWeights,
                                                          in _: S.Type) throws -> Convolution<S> {
        try Convolution(kernel: weights.kernel.converted(to: S.self), bias: weights.bias?.map { S($0) }, rate: spec.rate,
                        stride: spec.stride, padding: spec.padding, fill: spec.fill)
    }

    /// The selected layer's taps of output cell (`row`, `column`) in `channel` of image 0 of
    /// `input`, computed in the input's float type and widened for display.
    /// - Throws: ``ConvolutionError`` for an impossible configuration or cell.
    public func taps(of input: AnyTensor, row: Int, column: Int, channel: Int) throws -> TapBreakdown<Double> {
        switch input {
        case let .float(floats):
            try convolution(in: Float.self).taps(of: floats, row: row, column: column, channel: channel).widened
        case let .double(doubles):
            try convolution().taps(of: doubles, row: row, column: column, channel: channel)
        }
    }
}

/// Why a saved stack cannot be restored. Each message is one sentence naming the layers.
public enum StackRestoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case selectionOutside(index: Int, count: Int)
    case selectionIsNotTheLayer(selected: LayerSpec, layer: LayerSpec)
    case weightCount(weights: Int, layers: Int)
    case kernelSizeDiffers(index: Int, layer: LayerSpec, kernel: Pair)

    public var description: String {
        switch self {
        case let .selectionOutside(index, count):
            "The stack's selected layer \(index + 1) does not exist: the stack has \(counted(count, "layer"))."
        case let .selectionIsNotTheLayer(selected, layer):
            "The stack's selected layer (\(selected.notation), fill \(selected.fill)) is not the current layer "
                + "(\(layer.notation), fill \(layer.fill))."
        case let .weightCount(weights, layers):
            "The stack has \(layers) layers but \(weights) kernels."
        case let .kernelSizeDiffers(index, layer, kernel):
            "Layer \(index + 1) (\(layer.notation)) has a \(kernel.height)x\(kernel.width) kernel."
        }
    }
}
