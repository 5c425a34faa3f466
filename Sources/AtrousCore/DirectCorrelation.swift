import CConvolutionKernels

/// Kernel weights regrouped for the vector loop: output channels in blocks of `lanes` each,
/// every block holding its taps in the order the loop reads them, the last block padded with
/// zero weights.
///
/// The loop reads a block's weights as one stream, tap after tap; read in place from the HWIO
/// kernel instead, each tap's vector would sit `Cout` scalars from the last, and at 256 output
/// channels the loop runs a third slower (measured on the 16x16x256 layer).
struct DirectWeights<Scalar: ConvolutionScalar>: Sendable {
    /// `[block][ky][kx][ci][lane]`.
    let weights: [Scalar]
    /// The bias of each block's output channels, `[block][lane]`, zero past Cout or without bias.
    let biases: [Scalar]
    /// Output channels per block.
    let lanes: Int
    /// Taps per block: `kh · kw · Cin`.
    let tapsPerBlock: Int

    /// Regroups an HWIO kernel: each tap's `lanes` channels of a block are one copy.
    ///
    /// - Complexity: O(kh · kw · Cin · Cout).
    init(kernel: UnsafeBufferPointer<Scalar>, shape: KernelShape, bias: [Scalar]?, lanes: Int) {
        let cout = shape.outputChannels
        let blocks = (cout + lanes - 1) / lanes
        let taps = shape.height * shape.width * shape.inputChannels
        weights = [Scalar](unsafeUninitializedCapacity: blocks * taps * lanes) { packed, initialized in
            initialized = 0
            guard let source = kernel.baseAddress, var to = packed.baseAddress else { return }
            for block in 0..<blocks {
                let width = min(lanes, cout - block * lanes)
                var from = source + block * lanes
                for _ in 0..<taps {
                    to.initialize(from: from, count: width)
                    (to + width).initialize(repeating: 0, count: lanes - width)
                    to += lanes
                    from += cout
                }
            }
            initialized = blocks * taps * lanes
        }
        var biases = [Scalar](repeating: 0, count: blocks * lanes)
        for (channel, value) in (bias ?? []).enumerated() { biases[channel] = value }
        (self.biases, self.lanes, self.tapsPerBlock) = (biases, lanes, taps)
    }
}

/// The direct correlation over packed weights: every tap of every output cell multiplied and
/// added, by the inner loop of the processor's ``VectorKernel``. The threads that share a job
/// each run it on their own work items (rows of one block of output channels).
///
/// The kernel walks a span of output positions a register block at a time; for each tap it
/// loads the block's weights once and adds them, scaled by the input value under the tap, to
/// every position's accumulators. A span runs on from one row into the next, so a register
/// block is idle only at the end of a span, and the kernel shares that out: a span of 16 runs
/// as two blocks of 8. Each output's taps are added in order, in parts of at most
/// ``termsPerPartialSum``, so every kernel adds the same terms in the same order (the baseline
/// without fusing the multiply into the add).
struct DirectCorrelation<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let job: CorrelationJob<Scalar>
    /// ``DirectWeights/weights``, read concurrently and never written.
    let weights: UnsafePointer<Scalar>
    /// ``DirectWeights/biases``.
    let biases: UnsafePointer<Scalar>
    let lanes: Int
    let tapsPerBlock: Int
    let kernel: atrous_direct_span_kernel

    /// Terms each output adds up in one run before its running total takes the part: without
    /// a limit, a float64 sum over thousands of taps (3x3 at 512 channels) rounds about ten
    /// times worse than TensorFlow's blocked sums (measured); parts of 128 bring it level, for
    /// one load and store per 128 multiply-adds. A float32 sum runs in one part, the order
    /// TensorFlow's oneDNN loop adds in, so the two agree to the bit.
    static var termsPerPartialSum: Int { Scalar.self == Double.self ? 128 : Int.max }

    /// Blocks of output channels: the loop's share of `Cout`.
    var blockCount: Int { (job.kernel.outputChannels + lanes - 1) / lanes }

    /// Work items for the threads: each block of output channels with each output row, block
    /// by block, so that a run of items reuses one block's weights (at 256 channels, 295 KB
    /// in float32: they stay in the second-level cache, where all the weights would not) over
    /// many rows.
    var itemCount: Int { blockCount &* job.rowCount }

    /// Fills work items `items` (see ``itemCount``): item `b·rowCount + r` is output row `r`
    /// (see ``CorrelationJob/rowCount``) for block of output channels `b`. The items of one
    /// block run as one span of positions.
    func fill(items: Range<Int>) {
        let (cin, cout) = (job.kernel.inputChannels, job.kernel.outputChannels)
        let outW = job.outputShape.width
        let rowPitch = job.padded.width &* cin
        let rowCount = job.rowCount
        var span = atrous_direct_span()
        span.source = UnsafeRawPointer(job.source)
        span.image_step = job.padded.height &* rowPitch
        span.row_step = job.stride.height &* rowPitch
        span.column_step = job.stride.width &* cin
        span.tap_row_step = job.rate.height &* rowPitch
        span.tap_column_step = job.rate.width &* cin
        (span.output_height, span.output_width) = (job.outputShape.height, outW)
        (span.kernel_height, span.kernel_width, span.input_channels) = (job.kernel.height, job.kernel.width, cin)
        span.weight_step = lanes
        span.output_pitch = cout
        span.terms_per_part = Self.termsPerPartialSum
        var item = items.lowerBound
        while item < items.upperBound {
            let block = item / rowCount
            let end = min(items.upperBound, (block &+ 1) &* rowCount)
            span.first_position = (item &- block &* rowCount) &* outW
            span.position_count = (end &- item) &* outW
            span.output = UnsafeMutableRawPointer(job.output + block &* lanes)
            span.weights = UnsafeRawPointer(weights + block &* tapsPerBlock &* lanes)
            span.bias = UnsafeRawPointer(biases + block &* lanes)
            span.width = min(lanes, cout &- block &* lanes)
            kernel(&span)
            item = end
        }
    }
}
