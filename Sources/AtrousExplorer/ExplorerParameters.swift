import AtrousCore

/// What the explorer computes from: input, kernel, layer and the layer stack of the
/// receptive-field view. A session saves these, and undo restores them.
///
/// The input is always NHWC (rank 4) and the kernel HWIO (rank 4), both with no empty axis,
/// and ``spec``'s kernel size always equals the kernel's height and width.
///
/// The stack and the single layer are one model: ``spec`` is the stack's selected layer,
/// `layers[selectedLayer]`, so the keys that change the rate, kernel size, stride, padding or
/// fill edit that layer, and selecting another layer makes it the one the panels show on the
/// input. A fresh explorer's stack is its one layer.
public struct ExplorerParameters: Sendable, Equatable {
    /// The input feature maps, shape `(N, H, W, C)`.
    public private(set) var input: Tensor<Double>
    /// The input's shape read as feature maps.
    public private(set) var inputShape: FeatureMapShape
    /// Where the input came from.
    public var inputSource: InputSource
    /// The kernel weights, shape `(kh, kw, Cin, Cout)`.
    public private(set) var kernel: Tensor<Double>
    /// The kernel's shape read as HWIO.
    public private(set) var kernelShape: KernelShape
    /// Where the kernel came from.
    public var kernelSource: KernelSource
    /// Kernel size, rate, stride, padding and fill; the kernel size follows ``kernel``.
    /// Always the stack's selected layer.
    public private(set) var spec: LayerSpec {
        didSet { layers[selectedLayer] = spec }
    }
    /// The receptive-field view's stack, first layer first; never empty.
    public private(set) var layers: [LayerSpec]
    /// The index of ``spec`` in ``layers``.
    public private(set) var selectedLayer: Int

    /// Combines an input and a kernel of rank 2, 3 or 4 (read as ``FeatureMapShape`` and
    /// ``KernelShape`` read them) with the layer's other parameters.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis.
    public init(input: Tensor<Double>, inputSource: InputSource, kernel: Tensor<Double>,
                kernelSource: KernelSource, rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1),
                padding: Padding = .valid, fill: Fill = .zeros) throws {
        let inputShape = try FeatureMapShape(shape: input.shape)
        let kernelShape = try KernelShape(shape: kernel.shape)
        self.input = input.reshaped(inputShape.dimensions)
        self.inputShape = inputShape
        self.inputSource = inputSource
        self.kernel = kernel.reshaped(kernelShape.dimensions)
        self.kernelShape = kernelShape
        self.kernelSource = kernelSource
        spec = LayerSpec(kernelSize: kernelShape.size, rate: rate, stride: stride, padding: padding, fill: fill)
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
        input = pattern.tensor(size: size)
        inputShape = FeatureMapShape(batch: 1, height: size.height, width: size.width, channels: 1)
        inputSource = .pattern(pattern, size: size)
        kernel = preset.tensor(size: kernelSize, channels: 1)
        kernelShape = KernelShape(height: kernelSize.height, width: kernelSize.width, inputChannels: 1, outputChannels: 1)
        kernelSource = .preset(preset)
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
    public mutating func setInput(_ tensor: Tensor<Double>, source: InputSource) throws {
        let shape = try FeatureMapShape(shape: tensor.shape)
        input = tensor.reshaped(shape.dimensions)
        inputShape = shape
        inputSource = source
    }

    /// Replaces the kernel (rank 2 or 4) and with it the spec's kernel size.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis;
    ///   the parameters are then unchanged.
    public mutating func setKernel(_ tensor: Tensor<Double>, source: KernelSource) throws {
        let shape = try KernelShape(shape: tensor.shape)
        kernel = tensor.reshaped(shape.dimensions)
        kernelShape = shape
        kernelSource = source
        spec.kernelSize = shape.size
    }

    /// Sets the weight at kernel cell `cell` joining input channel `inputChannel` to output
    /// channel `outputChannel`; the caller has checked the indices.
    mutating func setWeight(_ value: Double, at cell: GridPosition, inputChannel: Int, outputChannel: Int) {
        kernel[cell.row, cell.column, inputChannel, outputChannel] = value
        kernelSource = kernelSource.edited
    }

    /// Replaces the stack with `layers` whose layer `selectedLayer` is the current layer, as a
    /// saved session restores it.
    /// - Throws: ``StackRestoreError`` when the index lies outside the layers or that layer is
    ///   not ``spec``; the parameters are then unchanged.
    public mutating func restoreStack(_ layers: [LayerSpec], selectedLayer: Int) throws {
        guard layers.indices.contains(selectedLayer) else {
            throw StackRestoreError.selectionOutside(index: selectedLayer, count: layers.count)
        }
        guard layers[selectedLayer] == spec else {
            throw StackRestoreError.selectionIsNotTheLayer(selected: layers[selectedLayer], layer: spec)
        }
        self.layers = layers
        self.selectedLayer = selectedLayer
    }

    /// Replaces the stack and selects layer `index` with `kernel`, whose height and width must
    /// be that layer's kernel size (the caller builds it).
    /// - Throws: ``ConvolutionError`` for a kernel of the wrong rank or with an empty axis;
    ///   the parameters are then unchanged.
    mutating func setStack(_ layers: [LayerSpec], selecting index: Int, kernel: Tensor<Double>,
                           source: KernelSource) throws {
        let shape = try KernelShape(shape: kernel.shape)
        self.layers = layers
        selectedLayer = index
        self.kernel = kernel.reshaped(shape.dimensions)
        kernelShape = shape
        kernelSource = source
        spec = layers[index]
    }

    /// The layer as AtrousCore computes it.
    /// - Throws: ``ConvolutionError`` for a rate or stride below 1.
    public func convolution() throws -> Convolution<Double> {
        try Convolution(kernel: kernel, rate: spec.rate, stride: spec.stride, padding: spec.padding, fill: spec.fill)
    }
}

/// Why a saved stack cannot be restored. Each message is one sentence naming the layers.
public enum StackRestoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case selectionOutside(index: Int, count: Int)
    case selectionIsNotTheLayer(selected: LayerSpec, layer: LayerSpec)

    public var description: String {
        switch self {
        case let .selectionOutside(index, count):
            "The stack's selected layer \(index + 1) does not exist: the stack has \(count) layers."
        case let .selectionIsNotTheLayer(selected, layer):
            "The stack's selected layer (\(selected.notation), fill \(selected.fill)) is not the current layer "
                + "(\(layer.notation), fill \(layer.fill))."
        }
    }
}
