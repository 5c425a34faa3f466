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
    /// - Parameters:
    ///   - input: the feature maps, `(H,W)`, `(H,W,C)` or `(N,H,W,C)`.
    ///   - workers: threads that share the output rows, by default every active processor
    ///     (``Workers/active``); problems too small to gain from threads run on the caller's.
    /// - Complexity: O(N · H_out · W_out · kh · kw · Cin · Cout), after one pass that
    ///   materialises the padded input so the inner loops never branch on borders.
    /// - Throws: ``ConvolutionError`` for an impossible configuration.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func callAsFunction(_ input: Tensor<Scalar>, workers: Int = Workers.active) throws -> Tensor<Scalar> {
        let inputShape = try FeatureMapShape(shape: input.shape)
        let geometry = try geometry(for: inputShape)
        let out = FeatureMapShape(batch: inputShape.batch, height: geometry.rows.outputSize,
                                  width: geometry.columns.outputSize, channels: kernelShape.outputChannels)
        let padded = PaddedInput(input.scalars, shape: inputShape, geometry: geometry)
        let result = [Scalar](unsafeUninitializedCapacity: out.count) { output, initialized in
            padded.scalars.withUnsafeBufferPointer { source in
                kernel.scalars.withUnsafeBufferPointer { weights in
                    Self.correlate(source: source, padded: padded.shape, weights: weights,
                                   kernel: kernelShape, bias: bias, geometry: geometry,
                                   output: output, outputShape: out, workers: workers)
                }
            }
            initialized = out.count
        }
        return Tensor(shape: out.dimensions(matchingRank: input.rank), scalars: result)
    }

    /// Multiply-adds below which a correlation runs on one thread: starting and joining a
    /// second thread costs more than it saves on an explorer-sized map.
    static var multiplyAddsPerWorker: Int { 1 << 17 }

    /// The valid correlation of an already padded input: every read is in bounds, and every
    /// element of `output` is written.
    ///
    /// Weights are regrouped once into vectors of output channels (``PackedWeights``), then
    /// the output rows are split between `workers` threads, each running the vector loop
    /// (``VectorCorrelation``) on its own rows.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func correlate(source: UnsafeBufferPointer<Scalar>, padded: FeatureMapShape,
                          weights: UnsafeBufferPointer<Scalar>, kernel: KernelShape, bias: [Scalar]?,
                          geometry: ConvolutionGeometry,
                          output: UnsafeMutableBufferPointer<Scalar>, outputShape: FeatureMapShape,
                          workers: Int) {
        guard let src = source.baseAddress, let dst = output.baseAddress else { return }
        let job = CorrelationJob(source: src, padded: padded, output: dst, outputShape: outputShape,
                                 kernel: kernel, rate: Pair(geometry.rows.rate, geometry.columns.rate),
                                 stride: Pair(geometry.rows.stride, geometry.columns.stride))
        let workers = min(workers, max(1, job.multiplyAdds / multiplyAddsPerWorker))
        // Each vector fills two registers: two AVX registers (or four NEON ones) where the
        // package enables vector FMA, two SSE registers on baseline x86-64. The six-column
        // loop then keeps its twelve accumulators in registers.
        #if ATROUS_FMA_VECTORS
        typealias FloatVector = SIMD16<Scalar>
        typealias DoubleVector = SIMD8<Scalar>
        #else
        typealias FloatVector = SIMD8<Scalar>
        typealias DoubleVector = SIMD4<Scalar>
        #endif
        if Scalar.self == Float.self {
            correlate(job, weights: PackedWeights<FloatVector>(kernel: weights, shape: kernel, bias: bias),
                      workers: workers)
        } else {
            correlate(job, weights: PackedWeights<DoubleVector>(kernel: weights, shape: kernel, bias: bias),
                      workers: workers)
        }
    }

    /// Runs the vector loop over the job's rows, split between `workers` threads.
    @inline(__always)
    static func correlate<Vector: SIMD & SendableMetatype>(_ job: CorrelationJob<Scalar>, weights packed: PackedWeights<Vector>,
                                        workers: Int) where Vector.Scalar == Scalar {
        packed.weights.withUnsafeBufferPointer { weights in
            packed.biases.withUnsafeBufferPointer { biases in
                guard let weights = weights.baseAddress, let biases = biases.baseAddress else { return }
                let loop = VectorCorrelation(job: job, weights: weights, biases: biases,
                                             tapsPerBlock: packed.tapsPerBlock)
                Workers.forEachChunk(of: job.rowCount, workers: workers) { rows in loop.fill(rows: rows) }
            }
        }
    }
}
