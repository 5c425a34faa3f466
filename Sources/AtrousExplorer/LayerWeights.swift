import AtrousCore

/// A stack layer's data beside its ``LayerSpec``: its own kernel, where that kernel came from,
/// its bias, and the activation after it.
public struct LayerWeights: Sendable, Equatable {
    /// The kernel weights, shape `(kh, kw, Cin, Cout)`.
    public private(set) var kernel: Tensor<Double>
    /// The kernel's shape read as HWIO.
    public private(set) var kernelShape: KernelShape
    /// Where the kernel came from.
    public var source: KernelSource
    /// What the layer applies to its output.
    public var activation: Activation
    /// One value per output channel added to the sum, or nil for none.
    public private(set) var bias: [Double]?

    /// Reads a kernel of rank 2 or 4 as ``KernelShape`` reads it.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis, or a
    ///   bias whose length is not the kernel's output channels.
    public init(kernel: Tensor<Double>, source: KernelSource, activation: Activation = .none,
                bias: [Double]? = nil) throws {
        let shape = try KernelShape(shape: kernel.shape)
        self.kernel = kernel.reshaped(shape.dimensions)
        kernelShape = shape
        self.source = source
        self.activation = activation
        try setBias(bias)
    }

    /// Sets the bias, one value per output channel, or none.
    /// - Throws: ``ConvolutionError/biasLength(length:outputChannels:)``; the bias is then unchanged.
    public mutating func setBias(_ bias: [Double]?) throws {
        if let bias, bias.count != kernelShape.outputChannels {
            throw ConvolutionError.biasLength(length: bias.count, outputChannels: kernelShape.outputChannels)
        }
        self.bias = bias
    }

    /// A preset's kernel of `size` for `channels` channels in and out; never throws, as a
    /// preset always makes a kernel.
    init(preset: KernelPreset, size: Pair, channels: Int, activation: Activation = .none) {
        let kernel = preset.tensor(size: size, channels: channels)
        self.kernel = kernel
        kernelShape = KernelShape(height: kernel.shape[0], width: kernel.shape[1], inputChannels: kernel.shape[2],
                                  outputChannels: kernel.shape[3])
        source = .preset(preset)
        self.activation = activation
    }

    /// Sets one weight; the caller has checked the indices.
    mutating func setWeight(_ value: Double, at cell: GridPosition, inputChannel: Int, outputChannel: Int) {
        kernel[cell.row, cell.column, inputChannel, outputChannel] = value
        source = source.edited
    }
}
