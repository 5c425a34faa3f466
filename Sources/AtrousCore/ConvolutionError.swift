/// An impossible convolution configuration. Each message is one sentence naming the numbers.
public enum ConvolutionError: Error, Equatable, Sendable, CustomStringConvertible {
    case inputSizeBelowOne(axis: Axis, size: Int)
    case kernelSizeBelowOne(axis: Axis, size: Int)
    case rateBelowOne(axis: Axis, rate: Int)
    case strideBelowOne(axis: Axis, stride: Int)
    case negativePadding(axis: Axis, before: Int, after: Int)
    case causalNeedsFlatKernel(kernelHeight: Int)
    case emptyOutput(axis: Axis, inputSize: Int, padBefore: Int, padAfter: Int, kernelSize: Int, rate: Int)
    case reflectPaddingTooLarge(axis: Axis, pad: Int, inputSize: Int)
    case channelMismatch(inputChannels: Int, kernelInputChannels: Int)
    case biasLength(length: Int, outputChannels: Int)
    case inputRank(shape: [Int])
    case kernelRank(shape: [Int])
    case biasRank(shape: [Int])
    case emptyTensor(role: String, shape: [Int])
    case positionOutOfRange(row: Int, column: Int, outputSize: Pair)

    public var description: String {
        switch self {
        case let .inputSizeBelowOne(axis, size):
            "The input \(axis.rawValue) must be at least 1, got \(size)."
        case let .kernelSizeBelowOne(axis, size):
            "The kernel \(axis.rawValue) must be at least 1, got \(size)."
        case let .rateBelowOne(axis, rate):
            "The dilation rate must be at least 1, got \(rate) for the \(axis.rawValue)."
        case let .strideBelowOne(axis, stride):
            "The stride must be at least 1, got \(stride) for the \(axis.rawValue)."
        case let .negativePadding(axis, before, after):
            "Explicit padding must not be negative, got \(before) before and \(after) after on the \(axis.rawValue)."
        case let .causalNeedsFlatKernel(kernelHeight):
            "Causal padding is 1-D and needs a kernel height of 1, got \(kernelHeight)."
        case let .emptyOutput(axis, inputSize, before, after, kernelSize, rate):
            "The output \(axis.rawValue) would be below 1: the input \(axis.rawValue) \(inputSize) plus padding "
                + "\(before)+\(after) is smaller than the effective kernel \(effectiveKernelSize(kernelSize, rate: rate)) "
                + "(kernel \(kernelSize) at rate \(rate))."
        case let .reflectPaddingTooLarge(axis, pad, inputSize):
            "Reflect padding must be smaller than the input: \(counted(pad, "cell")) of padding on the \(axis.rawValue) "
                + "against an input \(axis.rawValue) of \(inputSize)."
        case let .channelMismatch(inputChannels, kernelInputChannels):
            "The input has \(counted(inputChannels, "channel")) but the kernel expects \(kernelInputChannels)."
        case let .biasLength(length, outputChannels):
            "The bias has \(counted(length, "value")) but the kernel has \(counted(outputChannels, "output channel"))."
        case let .inputRank(shape):
            "The input must be (H,W), (H,W,C) or (N,H,W,C), got shape \(shapeText(shape))."
        case let .kernelRank(shape):
            "The kernel must be (kh,kw) or (kh,kw,Cin,Cout), got shape \(shapeText(shape))."
        case let .biasRank(shape):
            "The bias must be a vector of shape (Cout,), got shape \(shapeText(shape))."
        case let .emptyTensor(role, shape):
            "The \(role) has no elements (shape \(shapeText(shape)))."
        case let .positionOutOfRange(row, column, outputSize):
            "The output position (\(row), \(column)) lies outside the \(outputSize.height)x\(outputSize.width) output."
        }
    }
}

/// A shape as NumPy prints it: `(3, 4)`, `(5,)`.
public func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
