/// The geometry of a convolution along one axis: padding per side and output size.
public struct AxisGeometry: Sendable, Hashable, Codable {
    public let axis: Axis
    public let inputSize: Int
    public let kernelSize: Int
    public let rate: Int
    public let stride: Int
    /// Cells of padding before the input (top or left).
    public let padBefore: Int
    /// Cells of padding after the input (bottom or right).
    public let padAfter: Int
    public let outputSize: Int

    /// `rate·(kernelSize−1)+1`.
    public var effectiveKernel: Int { effectiveKernelSize(kernelSize, rate: rate) }
    /// The input extent including both padding bands.
    public var paddedSize: Int { padBefore + inputSize + padAfter }

    /// Resolves the geometry of one axis.
    ///
    /// - Throws: ``ConvolutionError`` when a size, rate or stride is below 1, an explicit
    ///   pad is negative, causal padding meets a kernel taller than 1, or the output is empty.
    public init(axis: Axis, inputSize: Int, kernelSize: Int, rate: Int, stride: Int,
                padding: Padding) throws {
        guard inputSize >= 1 else { throw ConvolutionError.inputSizeBelowOne(axis: axis, size: inputSize) }
        guard kernelSize >= 1 else { throw ConvolutionError.kernelSizeBelowOne(axis: axis, size: kernelSize) }
        guard rate >= 1 else { throw ConvolutionError.rateBelowOne(axis: axis, rate: rate) }
        guard stride >= 1 else { throw ConvolutionError.strideBelowOne(axis: axis, stride: stride) }
        let kEff = effectiveKernelSize(kernelSize, rate: rate)
        let before: Int, after: Int
        switch padding {
        case .valid:
            (before, after) = (0, 0)
        case .same:
            // TensorFlow's rule: the output is ceil(in/s); any odd cell goes after.
            let out = (inputSize + stride - 1) / stride
            let total = max((out - 1) * stride + kEff - inputSize, 0)
            (before, after) = (total / 2, total - total / 2)
        case .full:
            (before, after) = (kEff - 1, kEff - 1)
        case .causal:
            if axis == .height {
                guard kernelSize == 1 else { throw ConvolutionError.causalNeedsFlatKernel(kernelHeight: kernelSize) }
                (before, after) = (0, 0)
            } else {
                (before, after) = (kEff - 1, 0)
            }
        case let .explicit(top, bottom, left, right):
            (before, after) = axis == .height ? (top, bottom) : (left, right)
            guard before >= 0, after >= 0 else {
                throw ConvolutionError.negativePadding(axis: axis, before: before, after: after)
            }
        }
        let padded = before + inputSize + after
        guard padded >= kEff else {
            throw ConvolutionError.emptyOutput(axis: axis, inputSize: inputSize, padBefore: before,
                                               padAfter: after, kernelSize: kernelSize, rate: rate)
        }
        self.axis = axis
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.rate = rate
        self.stride = stride
        self.padBefore = before
        self.padAfter = after
        self.outputSize = (padded - kEff) / stride + 1
    }

    /// The input index (negative or past the end inside the padding) that tap `tap` of
    /// output `output` reads: `output·stride − padBefore + rate·tap`.
    @inlinable
    public func inputIndex(output: Int, tap: Int) -> Int {
        output * stride - padBefore + rate * tap
    }

    /// The output indices whose window includes input index `input` through some tap.
    public func outputs(reading input: Int) -> [Int] {
        (0..<outputSize).filter { o in
            (0..<kernelSize).contains { inputIndex(output: o, tap: $0) == input }
        }
    }
}
