import AtrousCore

/// A stack layer's data beside its ``LayerSpec``: its own kernel, where that kernel came from,
/// and the activation after it.
public struct LayerWeights: Sendable, Equatable {
    /// The kernel weights, shape `(kh, kw, Cin, Cout)`.
    public private(set) var kernel: Tensor<Double>
    /// The kernel's shape read as HWIO.
    public private(set) var kernelShape: KernelShape
    /// Where the kernel came from.
    public var source: KernelSource
    /// What the layer applies to its output.
    public var activation: Activation

    /// Reads a kernel of rank 2 or 4 as ``KernelShape`` reads it.
    /// - Throws: ``ConvolutionError`` for a tensor of the wrong rank or with an empty axis.
    public init(kernel: Tensor<Double>, source: KernelSource, activation: Activation = .none) throws {
        let shape = try KernelShape(shape: kernel.shape)
        self.kernel = kernel.reshaped(shape.dimensions)
        kernelShape = shape
        self.source = source
        self.activation = activation
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
        source = .edited(source.preset)
    }
}
