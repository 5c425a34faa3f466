import AtrousCore

/// What the explorer computes from: input, kernel and layer. A session saves these, and
/// undo restores them.
///
/// The input is always NHWC (rank 4) and the kernel HWIO (rank 4), both with no empty axis,
/// and ``spec``'s kernel size always equals the kernel's height and width.
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
    public private(set) var spec: LayerSpec

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
        kernelSource = .edited(kernelSource.preset)
    }

    /// The layer as AtrousCore computes it.
    /// - Throws: ``ConvolutionError`` for a rate or stride below 1.
    public func convolution() throws -> Convolution<Double> {
        try Convolution(kernel: kernel, rate: spec.rate, stride: spec.stride, padding: spec.padding, fill: spec.fill)
    }
}
