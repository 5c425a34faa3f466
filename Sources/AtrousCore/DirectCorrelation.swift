import CConvolutionKernels

/// Kernel weights regrouped for the vector loop: output channels in blocks of `lanes` each,
/// every block holding its taps in the order the loop reads them, the last block padded with
/// zero weights.
struct DirectWeights<Scalar: ConvolutionScalar> {
    /// `[block][ky][kx][ci][lane]`.
    let weights: [Scalar]
    /// The bias of each block's output channels, `[block][lane]`, zero past Cout or without bias.
    let biases: [Scalar]
    /// Output channels per block.
    let lanes: Int
    /// Taps per block: `kh · kw · Cin`.
    let tapsPerBlock: Int

    /// Regroups an HWIO kernel.
    ///
    /// - Complexity: O(kh · kw · Cin · Cout), once per call, a small fraction of the correlation.
    init(kernel: UnsafeBufferPointer<Scalar>, shape: KernelShape, bias: [Scalar]?, lanes: Int) {
        let cout = shape.outputChannels
        let blocks = (cout + lanes - 1) / lanes
        let taps = shape.height * shape.width * shape.inputChannels
        var weights = [Scalar](repeating: 0, count: blocks * taps * lanes)
        for tap in 0..<taps {
            for channel in 0..<cout {
                // Lane `channel % lanes` of the tap's vector in block `channel / lanes`.
                weights[((channel / lanes) &* taps &+ tap) &* lanes &+ channel % lanes] = kernel[tap &* cout &+ channel]
            }
        }
        var biases = [Scalar](repeating: 0, count: blocks * lanes)
        for (channel, value) in (bias ?? []).enumerated() { biases[channel] = value }
        (self.weights, self.biases, self.lanes, self.tapsPerBlock) = (weights, biases, lanes, taps)
    }
}

/// The direct correlation over packed weights: every tap of every output cell multiplied and
/// added, by the inner loop of the processor's ``VectorKernel``. The threads that share a job
/// each run it on their own work items (rows of one block of output channels).
///
/// For each row and block, the kernel walks the output columns a register block at a time;
/// for each tap it loads the block's weights once and adds them, scaled by the input value
/// under the tap, to every position's accumulators. Each output's taps are added in order, in
/// parts of at most ``termsPerPartialSum``, so every kernel adds the same terms in the same
/// order (the baseline without fusing the multiply into the add).
struct DirectCorrelation<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let job: CorrelationJob<Scalar>
    /// ``DirectWeights/weights``, read concurrently and never written.
    let weights: UnsafePointer<Scalar>
    /// ``DirectWeights/biases``.
    let biases: UnsafePointer<Scalar>
    let lanes: Int
    let tapsPerBlock: Int
    let kernel: atrous_direct_row_kernel

    /// Terms each output adds up in one run before its running total takes the part: without
    /// a limit, a float64 sum over thousands of taps (3x3 at 512 channels) rounds about ten
    /// times worse than TensorFlow's blocked sums (measured); parts of 128 bring it level, for
    /// one load and store per 128 multiply-adds. A float32 sum runs in one part, the order
    /// TensorFlow's oneDNN loop adds in, so the two agree to the bit.
    static var termsPerPartialSum: Int { Scalar.self == Double.self ? 128 : Int.max }

    /// Blocks of output channels: the loop's share of `Cout`.
    var blockCount: Int { (job.kernel.outputChannels + lanes - 1) / lanes }

    /// Work items for the threads: each block of output channels with each output row, block
    /// by block, so that a run of items reuses one block's weights (at 256 channels, 147 KB:
    /// they stay in the second-level cache, where all the weights would not) over many rows.
    var itemCount: Int { blockCount &* job.rowCount }

    /// Fills work items `items` (see ``itemCount``): item `b·rowCount + r` is output row `r`
    /// (see ``CorrelationJob/rowCount``) for block of output channels `b`.
    func fill(items: Range<Int>) {
        let (cin, cout) = (job.kernel.inputChannels, job.kernel.outputChannels)
        let (outH, outW) = (job.outputShape.height, job.outputShape.width)
        let rowPitch = job.padded.width &* cin
        let imagePitch = job.padded.height &* rowPitch
        let rowCount = job.rowCount
        var row = atrous_direct_row()
        row.column_step = job.stride.width &* cin
        row.tap_row_step = job.rate.height &* rowPitch
        row.tap_column_step = job.rate.width &* cin
        (row.kernel_height, row.kernel_width, row.input_channels) = (job.kernel.height, job.kernel.width, cin)
        (row.output_width, row.output_pitch) = (outW, cout)
        row.terms_per_part = Self.termsPerPartialSum
        for item in items {
            let (block, outputRow) = (item / rowCount, item % rowCount)
            let image = outputRow / outH
            row.top = UnsafeRawPointer(job.source + image &* imagePitch
                + (outputRow &- image &* outH) &* job.stride.height &* rowPitch)
            row.output = UnsafeMutableRawPointer(job.output + outputRow &* outW &* cout + block &* lanes)
            row.weights = UnsafeRawPointer(weights + block &* tapsPerBlock &* lanes)
            row.bias = UnsafeRawPointer(biases + block &* lanes)
            row.width = min(lanes, cout &- block &* lanes)
            kernel(&row)
        }
    }
}
