/// How a kernel may have been read differently from atrous's HWIO cross-correlation.
public enum KernelReading: String, Sendable, Hashable, CaseIterable {
    /// As given: HWIO, cross-correlation, as every framework computes.
    case asIs = "as-is"
    /// Turned by 180 degrees: a true convolution (as `scipy.signal.convolve2d`).
    case flipped
    /// Height and width exchanged: `(kh,kw)` read as `(kw,kh)`.
    case swappedAxes = "swapped-axes"
    /// Input and output channels exchanged: HWOI read as HWIO.
    case swappedChannels = "swapped-channels"

    /// The kernel, HWIO and rank 4, as this reading uses it.
    func apply(to kernel: Tensor<Double>) -> Tensor<Double> {
        switch self {
        case .asIs: kernel
        case .flipped: kernel.flippedSpatially()
        case .swappedAxes: kernel.permuted([1, 0, 2, 3])
        case .swappedChannels: kernel.permuted([0, 1, 3, 2])
        }
    }
}

/// How the input and output arrays lay out their axes.
public enum InputLayout: String, Sendable, Hashable, CaseIterable {
    /// Channels last, as TensorFlow and atrous.
    case nhwc
    /// Channels first, as PyTorch: `(C,H,W)` or `(N,C,H,W)`, for both the input and the output.
    case nchw
}

/// Whether the bias took part.
public enum BiasUse: String, Sendable, Hashable {
    /// The given bias was added to every output channel.
    case used
    /// A bias was given but the output does not include it.
    case missing
    /// No bias was given.
    case none
}
