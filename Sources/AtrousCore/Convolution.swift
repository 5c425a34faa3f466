/// A dilated 2-D cross-correlation as the deep-learning frameworks compute it:
/// `y[o] = bias + Σ_j K[j] · X[o·s − pad_before + r·j]` per axis, NHWC input, HWIO kernel.
public struct Convolution<Scalar: ConvolutionScalar>: Sendable {
    /// The kernel in HWIO layout, rank 4.
    public let kernel: Tensor<Scalar>
    public let kernelShape: KernelShape
    /// One value per output channel, or nil for none.
    public let bias: [Scalar]?
    public let spec: LayerSpec

    /// Builds a layer; the kernel size comes from the kernel's shape.
    /// - Throws: ``ConvolutionError`` for a kernel of the wrong rank, a bias whose length is not
    ///   Cout, or a rate or stride below 1.
    public init(kernel: Tensor<Scalar>, bias: [Scalar]? = nil, rate: Pair = Pair(square: 1),
                stride: Pair = Pair(square: 1), padding: Padding = .valid, fill: Fill = .zeros) throws {
        let shape = try KernelShape(shape: kernel.shape)
        if let bias, bias.count != shape.outputChannels {
            throw ConvolutionError.biasLength(length: bias.count, outputChannels: shape.outputChannels)
        }
        for axis in Axis.allCases {
            guard rate[axis] >= 1 else { throw ConvolutionError.rateBelowOne(axis: axis, rate: rate[axis]) }
            guard stride[axis] >= 1 else { throw ConvolutionError.strideBelowOne(axis: axis, stride: stride[axis]) }
        }
        self.kernel = kernel.reshaped(shape.dimensions)
        self.kernelShape = shape
        self.bias = bias
        self.spec = LayerSpec(kernelSize: shape.size, rate: rate, stride: stride, padding: padding, fill: fill)
    }

    /// The geometry for an input of `inputShape`, checking its channels against the kernel.
    public func geometry(for inputShape: FeatureMapShape) throws -> ConvolutionGeometry {
        guard inputShape.channels == kernelShape.inputChannels else {
            throw ConvolutionError.channelMismatch(inputChannels: inputShape.channels,
                                                   kernelInputChannels: kernelShape.inputChannels)
        }
        return try ConvolutionGeometry(inputSize: inputShape.spatial, spec: spec)
    }

    /// Convolves `input`; the result has the input's rank (see ``FeatureMapShape``).
    ///
    /// - Complexity: O(N · H_out · W_out · kh · kw · Cin · Cout), after one pass that
    ///   materialises the padded input so the inner loops never branch on borders.
    /// - Throws: ``ConvolutionError`` for an impossible configuration.
    public func callAsFunction(_ input: Tensor<Scalar>) throws -> Tensor<Scalar> {
        let inputShape = try FeatureMapShape(shape: input.shape)
        let geometry = try geometry(for: inputShape)
        let out = FeatureMapShape(batch: inputShape.batch, height: geometry.rows.outputSize,
                                  width: geometry.columns.outputSize, channels: kernelShape.outputChannels)
        let padded = PaddedInput(input.scalars, shape: inputShape, geometry: geometry)
        var result = [Scalar](repeating: 0, count: out.count)
        result.withUnsafeMutableBufferPointer { output in
            padded.scalars.withUnsafeBufferPointer { source in
                kernel.scalars.withUnsafeBufferPointer { weights in
                    Self.correlate(source: source, padded: padded.shape, weights: weights,
                                   kernel: kernelShape, bias: bias, geometry: geometry,
                                   output: output, outputShape: out)
                }
            }
        }
        return Tensor(shape: out.dimensions(matchingRank: input.rank), scalars: result)
    }

    /// The valid correlation of an already padded input: every read is in bounds.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func correlate(source: UnsafeBufferPointer<Scalar>, padded: FeatureMapShape,
                          weights: UnsafeBufferPointer<Scalar>, kernel: KernelShape, bias: [Scalar]?,
                          geometry: ConvolutionGeometry,
                          output: UnsafeMutableBufferPointer<Scalar>, outputShape: FeatureMapShape) {
        let cin = kernel.inputChannels, cout = kernel.outputChannels
        let (sh, sw) = (geometry.rows.stride, geometry.columns.stride)
        let (rh, rw) = (geometry.rows.rate, geometry.columns.rate)
        let rowPitch = padded.width * cin
        let imagePitch = padded.height * rowPitch
        guard let src = source.baseAddress, let k = weights.baseAddress, let dst = output.baseAddress else { return }
        var o = dst
        for n in 0..<outputShape.batch {
            let image = src + n * imagePitch
            for oy in 0..<outputShape.height {
                for ox in 0..<outputShape.width {
                    if let bias {
                        for co in 0..<cout { o[co] = bias[co] }
                    } else {
                        o.update(repeating: 0, count: cout)
                    }
                    var tap = k
                    for ky in 0..<kernel.height {
                        let row = image + (oy * sh + ky * rh) * rowPitch
                        for kx in 0..<kernel.width {
                            let x = row + (ox * sw + kx * rw) * cin
                            for ci in 0..<cin {
                                let value = x[ci]
                                for co in 0..<cout { o[co] += value * tap[co] }
                                tap += cout
                            }
                        }
                    }
                    o += cout
                }
            }
        }
    }
}
