/// One layer of a ``ConvolutionStack``: a convolution and the activation after it.
public struct StackLayer<Scalar: ConvolutionScalar>: Sendable {
    public let convolution: Convolution<Scalar>
    public let activation: Activation

    public init(_ convolution: Convolution<Scalar>, activation: Activation = .none) {
        self.convolution = convolution
        self.activation = activation
    }

    /// Channels the layer reads.
    public var inputChannels: Int { convolution.kernelShape.inputChannels }
    /// Channels the layer writes.
    public var outputChannels: Int { convolution.kernelShape.outputChannels }

    /// The layer applied to `input`: the convolution (bias included), then the activation.
    public func callAsFunction(_ input: Tensor<Scalar>, workers: Int = Workers.active) throws -> Tensor<Scalar> {
        try self(input, reusing: nil, workers: workers)
    }

    /// The layer applied to `input`, written into `spare`'s storage when it is the sole owner
    /// of storage of the output's size (see ``Convolution/callAsFunction(_:reusing:workers:algorithm:)``).
    public func callAsFunction(_ input: Tensor<Scalar>, reusing spare: consuming Tensor<Scalar>?,
                               workers: Int = Workers.active) throws -> Tensor<Scalar> {
        var output = try convolution(input, reusing: consume spare, workers: workers)
        activation.apply(to: &output.scalars)
        return output
    }
}
