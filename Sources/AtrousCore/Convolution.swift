/// A dilated 2-D cross-correlation as the deep-learning frameworks compute it:
/// `y[o] = bias + Σ_j K[j] · X[o·s − pad_before + r·j]` per axis, NHWC input, HWIO kernel.
public struct Convolution<Scalar: ConvolutionScalar>: Sendable {
    /// The kernel in HWIO layout, rank 4.
    public let kernel: Tensor<Scalar>
    public let kernelShape: KernelShape
    /// One value per output channel, or nil for none.
    public let bias: [Scalar]?
    public let spec: LayerSpec
    /// The weights as the direct loop reads them, packed on first use and shared by copies.
    let packedWeights = PackedWeightsCache<Scalar>()

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
    /// Every output is a plain sum of its own taps (``DirectCorrelation``, or ``RowCorrelation``
    /// for one output channel) unless `algorithm` asks for Winograd's transform, which is less
    /// accurate (see ``ConvolutionAlgorithm``).
    ///
    /// - Parameters:
    ///   - input: the feature maps, `(H,W)`, `(H,W,C)` or `(N,H,W,C)`.
    ///   - workers: threads that share the output rows, by default every active processor
    ///     (``Workers/active``); problems too small to gain from threads run on the caller's.
    ///   - algorithm: the computation, direct unless the caller trades accuracy for speed.
    /// - Complexity: O(N · H_out · W_out · kh · kw · Cin · Cout), after one pass that
    ///   materialises the padded input so the inner loops never branch on borders.
    /// - Throws: ``ConvolutionError`` for an impossible configuration.
    public func callAsFunction(_ input: Tensor<Scalar>, workers: Int = Workers.active,
                               algorithm: ConvolutionAlgorithm = .direct) throws -> Tensor<Scalar> {
        try apply(input, workers: workers, algorithm: algorithm == .winograd ? .winograd : nil)
    }

    /// ``callAsFunction(_:workers:algorithm:)`` writing into `spare`'s storage when it holds as
    /// many elements as the output, instead of into fresh memory; the values are the same.
    ///
    /// An 8192x8192 output is 256 MB in float32 whose fresh pages the kernel must zero on first
    /// touch; an explorer that recomputes a map of the same shape hands in the previous one.
    /// The storage is reused only when `spare` is its sole owner: shared storage is copied
    /// first, as any Swift array is before a write, so pass the last reference.
    public func callAsFunction(_ input: Tensor<Scalar>, reusing spare: consuming Tensor<Scalar>?,
                               workers: Int = Workers.active,
                               algorithm: ConvolutionAlgorithm = .direct) throws -> Tensor<Scalar> {
        try apply(input, workers: workers, algorithm: algorithm == .winograd ? .winograd : nil,
                  reusing: (consume spare)?.scalars)
    }

    /// ``callAsFunction(_:workers:algorithm:)`` with the loop chosen by the caller (tests
    /// compare them); nil chooses the direct sum's loop, and a loop that does not apply runs direct.
    /// `vectorKernel` is the instruction set of the direct loop, one of ``VectorKernel/available``.
    ///
    /// `bandRows` pads and correlates that many output rows at a time (see ``PaddedBands``);
    /// nil pads the whole input at once when it is small and in bands when it is large.
    /// Winograd's transform always reads the whole padded input: its tiles, and so its
    /// rounding, would change at the bands' edges.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func apply(_ input: Tensor<Scalar>, workers: Int, algorithm: CorrelationAlgorithm?,
               vectorKernel: VectorKernel = .selected, bandRows: Int? = nil,
               reusing spare: consuming [Scalar]? = nil) throws -> Tensor<Scalar> {
        let inputShape = try FeatureMapShape(shape: input.shape)
        let geometry = try geometry(for: inputShape)
        let out = FeatureMapShape(batch: inputShape.batch, height: geometry.rows.outputSize,
                                  width: geometry.columns.outputSize, channels: kernelShape.outputChannels)
        if algorithm != .winograd, let bands = PaddedBands<Scalar>(shape: inputShape, kernel: kernelShape, geometry: geometry, output: out,
                                           rowsPerBand: bandRows) {
            let result = Self.outputScalars(count: out.count, reusing: consume spare) { output in
                input.scalars.withUnsafeBufferPointer { source in
                    kernel.scalars.withUnsafeBufferPointer { weights in
                        guard let source = source.baseAddress else { return }
                        bands.correlate(source: source, output: output, weights: weights, bias: bias,
                                        algorithm: algorithm, vectorKernel: vectorKernel, workers: workers)
                    }
                }
            }
            return Tensor(shape: out.dimensions(matchingRank: input.rank), scalars: result)
        }
        let padded = PaddedInput(input.scalars, shape: inputShape, geometry: geometry, workers: workers)
        let result = Self.outputScalars(count: out.count, reusing: consume spare) { output in
            padded.scalars.withUnsafeBufferPointer { source in
                kernel.scalars.withUnsafeBufferPointer { weights in
                    guard let source = source.baseAddress else { return }
                    let job = CorrelationJob(source: source, padded: padded.shape, output: output, outputShape: out,
                                             kernel: kernelShape, rate: spec.rate, stride: spec.stride)
                    Self.correlate(job, weights: weights, bias: bias, workers: workers, algorithm: algorithm,
                                   vectorKernel: vectorKernel, packed: packedWeights)
                }
            }
        }
        return Tensor(shape: out.dimensions(matchingRank: input.rank), scalars: result)
    }

    /// `count` elements, every one written by `fill`: in `spare`'s storage when it has that
    /// count (copied first only if shared), else in fresh, uninitialised memory.
    private static func outputScalars(count: Int, reusing spare: consuming [Scalar]?,
                                      fill: (UnsafeMutablePointer<Scalar>) -> Void) -> [Scalar] {
        if var storage = consume spare, storage.count == count, count > 0 {
            storage.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { fill(base) }
            }
            return storage
        }
        return [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { fill(base) }
            initialized = count
        }
    }

    /// Multiply-adds below which a correlation runs on one thread: starting and joining a
    /// second thread costs more than it saves on an explorer-sized map.
    static var multiplyAddsPerWorker: Int { 1 << 17 }

    /// Fills the job's output: the valid correlation of its padded input, every read in
    /// bounds, every output element written once.
    ///
    /// The weights are regrouped into vectors of output channels (once per layer when `packed`
    /// keeps them), then the output is split between `workers` threads in chunks of rows (the
    /// direct loop: of rows and blocks of output channels).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func correlate(_ job: CorrelationJob<Scalar>, weights: UnsafeBufferPointer<Scalar>, bias: [Scalar]?,
                          workers: Int, algorithm: CorrelationAlgorithm?, vectorKernel: VectorKernel = .selected,
                          packed cache: PackedWeightsCache<Scalar>? = nil) {
        let workers = min(workers, max(1, job.multiplyAdds / multiplyAddsPerWorker))
        var algorithm = algorithm ?? CorrelationAlgorithm.loop(for: job, algorithm: .direct)
        if algorithm == .winograd && !CorrelationAlgorithm.winogradApplies(to: job) { algorithm = .direct }
        if algorithm == .rows, job.kernel.outputChannels == 1, let weights = weights.baseAddress {
            let loop = RowCorrelation(job: job, weights: weights, bias: bias?.first ?? 0,
                                      kernel: vectorKernel.oneChannelRowKernel(for: Scalar.self))
            Workers.forEachChunk(of: job.rowCount, workers: workers) { rows in loop.fill(rows: rows) }
            return
        }
        switch algorithm {
        case .direct, .rows:  // the rows with several output channels: the vector loop serves better
            let block = vectorKernel.spanKernel(for: Scalar.self, outputChannels: job.kernel.outputChannels)
            guard let run = block.run else { return }
            let pack = { DirectWeights(kernel: weights, shape: job.kernel, bias: bias, lanes: block.lanes) }
            let packed = cache?.weights(lanes: block.lanes, pack: pack) ?? pack()
            withPointers(packed.weights, packed.biases) { weights, biases in
                let loop = DirectCorrelation(job: job, weights: weights, biases: biases, lanes: block.lanes,
                                             tapsPerBlock: packed.tapsPerBlock, kernel: run)
                Workers.forEachChunk(of: loop.itemCount, workers: workers) { items in loop.fill(items: items) }
            }
        case .winograd:
            // The products run in the kernel's blocks; the transforms, a small part, in vectors
            // of four, which divide every kernel's block.
            typealias Vector = SIMD4<Scalar>
            let block = vectorKernel.wideSpanKernel(for: Scalar.self)
            guard let run = block.run else { return }
            let packed = WinogradWeights<Vector>(kernel: weights, shape: job.kernel, bias: bias, lanes: block.lanes)
            withPointers(packed.weights, packed.biases) { weights, biases in
                let loop = WinogradCorrelation(job: job, weights: weights, biases: biases, lanes: block.lanes, kernel: run)
                Workers.forEachChunk(of: loop.groupCount, workers: workers) { groups in loop.fill(groups: groups) }
            }
        }
    }

    /// Calls `body` with the base addresses of two non-empty arrays.
    @inline(__always)
    private static func withPointers<First, Second>(_ first: [First], _ second: [Second],
                                                    _ body: (UnsafePointer<First>, UnsafePointer<Second>) -> Void) {
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                guard let first = first.baseAddress, let second = second.baseAddress else { return }
                body(first, second)
            }
        }
    }
}
