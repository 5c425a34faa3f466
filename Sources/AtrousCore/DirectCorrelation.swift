/// Kernel weights regrouped for the vector loop: output channels in blocks of one vector
/// each, every block holding its taps in the order the loop reads them, the last block
/// padded with zero weights.
struct DirectWeights<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
    /// `[block][ky][kx][ci]`, one vector of output channels each.
    let weights: [Vector]
    /// The bias of each block's output channels, zero past Cout or without bias.
    let biases: [Vector]
    /// Vectors per block: `kh · kw · Cin`.
    let tapsPerBlock: Int

    /// Regroups an HWIO kernel.
    ///
    /// - Complexity: O(kh · kw · Cin · Cout), once per call, a small fraction of the correlation.
    init(kernel: UnsafeBufferPointer<Vector.Scalar>, shape: KernelShape, bias: [Vector.Scalar]?) {
        let lanes = Vector.scalarCount
        let cout = shape.outputChannels
        let blocks = (cout + lanes - 1) / lanes
        let taps = shape.height * shape.width * shape.inputChannels
        weights = Vector.array(count: blocks * taps) { flat in
            for tap in 0..<taps {
                for channel in 0..<cout {
                    // Lane `channel % lanes` of the tap's vector in block `channel / lanes`.
                    flat[((channel / lanes) &* taps &+ tap) &* lanes &+ channel % lanes] = kernel[tap &* cout &+ channel]
                }
            }
        }
        self.biases = Vector.blocks(of: bias, channels: cout)
        self.tapsPerBlock = taps
    }
}

/// The direct correlation's vector loop over packed weights: every tap of every output cell
/// multiplied and added. The threads that share a job each run it on their own work items
/// (rows of one block of output channels).
struct DirectCorrelation<Vector: SIMD>: @unchecked Sendable where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    let job: CorrelationJob<Scalar>
    /// ``DirectWeights/weights``, read concurrently and never written.
    let weights: UnsafePointer<Vector>
    /// ``DirectWeights/biases``.
    let biases: UnsafePointer<Vector>
    let tapsPerBlock: Int

    typealias Accumulators = SixAccumulators<Vector>

    /// Terms each output adds up in one run before its running total takes the part: without
    /// a limit, a float64 sum over thousands of taps (3x3 at 512 channels) rounds about ten
    /// times worse than TensorFlow's blocked sums (measured); parts of 128 bring it level, for
    /// one load and store per 128 multiply-adds. A float32 sum runs in one part, the order
    /// TensorFlow's oneDNN loop adds in, so the two agree to the bit.
    static var termsPerPartialSum: Int { Scalar.self == Double.self ? 128 : Int.max }

    /// Blocks of output channels: the vector loop's share of `Cout`.
    var blockCount: Int { (job.kernel.outputChannels + Vector.scalarCount - 1) / Vector.scalarCount }

    /// Work items for the threads: each block of output channels with each output row, block
    /// by block, so that a run of items reuses one block's weights (at 256 channels, 147 KB:
    /// they stay in the second-level cache, where all the weights would not) over many rows.
    var itemCount: Int { blockCount &* job.rowCount }

    /// Fills work items `items` (see ``itemCount``): item `b·rowCount + r` is output row `r`
    /// (see ``CorrelationJob/rowCount``) for block of output channels `b`.
    ///
    /// For each row and block of output channels, the loop walks the output columns six at a
    /// time; for each tap it loads one weight vector and adds it, scaled by the input value
    /// under the tap, to six accumulators. Columns past the row's end repeat the last column,
    /// so the loop has one shape; their results are not stored. Each output's taps are added in
    /// order, in parts of at most ``termsPerPartialSum``.
    func fill(items: Range<Int>) {
        let lanes = Vector.scalarCount
        let (kh, kw, cin, cout) = (job.kernel.height, job.kernel.width, job.kernel.inputChannels,
                                   job.kernel.outputChannels)
        let (outH, outW) = (job.outputShape.height, job.outputShape.width)
        let rowPitch = job.padded.width &* cin
        let imagePitch = job.padded.height &* rowPitch
        let columnStep = job.stride.width &* cin
        let tapRowStep = job.rate.height &* rowPitch
        let tapColumnStep = job.rate.width &* cin
        let rowCount = job.rowCount
        for item in items {
            let (block, row) = (item / rowCount, item % rowCount)
            let image = row / outH
            let top = job.source + image &* imagePitch + (row &- image &* outH) &* job.stride.height &* rowPitch
            let outputRow = job.output + row &* outW &* cout
            let blockWeights = weights + block &* tapsPerBlock
            let bias = biases[block]
            let width = min(lanes, cout &- block &* lanes)
            var ox = 0
            while ox < outW {
                let count = min(Accumulators.count, outW &- ox)
                let inputs = SixInputs(base: top, step: columnStep, first: ox, count: count)
                let destination = outputRow + (ox &* cout &+ block &* lanes)
                var sums = Accumulators(bias)
                var w = blockWeights
                var termsLeft = Self.termsPerPartialSum
                var firstPart = true
                for ky in 0..<kh {
                    var offset = ky &* tapRowStep
                    for _ in 0..<kw {
                        var channel = 0
                        while channel < cin {
                            let terms = min(cin &- channel, termsLeft)
                            sums.add(inputs, indices: (offset &+ channel)..<(offset &+ channel &+ terms), weights: &w)
                            channel &+= terms
                            termsLeft &-= terms
                            if termsLeft == 0 {
                                // A part is done: add it to the parts before it, held in the output.
                                if !firstPart { sums.add(storedAt: destination, pitch: cout, count: count, width: width) }
                                sums.store(to: destination, pitch: cout, count: count, width: width)
                                (sums, termsLeft, firstPart) = (Accumulators(Vector()), Self.termsPerPartialSum, false)
                            }
                        }
                        offset &+= tapColumnStep
                    }
                }
                if termsLeft < Self.termsPerPartialSum {
                    if !firstPart { sums.add(storedAt: destination, pitch: cout, count: count, width: width) }
                    sums.store(to: destination, pitch: cout, count: count, width: width)
                }
                ox &+= count
            }
        }
    }
}
