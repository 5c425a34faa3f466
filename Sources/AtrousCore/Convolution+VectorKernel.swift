/// One correlation as raw pointers and sizes, shared read-only by the threads that fill
/// disjoint output rows.
struct CorrelationJob<Scalar: ConvolutionScalar>: @unchecked Sendable {
    /// The padded input, NHWC (see ``PaddedInput``).
    let source: UnsafePointer<Scalar>
    let padded: FeatureMapShape
    /// The output, NHWC; every element is written exactly once.
    let output: UnsafeMutablePointer<Scalar>
    let outputShape: FeatureMapShape
    let kernel: KernelShape
    let rate: Pair
    let stride: Pair

    /// Output rows of all images together: row `n·H_out + y` is row `y` of image `n`.
    var rowCount: Int { outputShape.batch * outputShape.height }

    /// Multiply-adds the whole correlation performs.
    var multiplyAdds: Int {
        outputShape.count * kernel.height * kernel.width * kernel.inputChannels
    }
}

/// Kernel weights regrouped for the vector loop: output channels in blocks of one vector
/// each, every block holding its taps in the order the loop reads them, the last block
/// padded with zero weights.
struct PackedWeights<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
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
        var weights = [Vector](repeating: Vector(), count: blocks * taps)
        var biases = [Vector](repeating: Vector(), count: blocks)
        for block in 0..<blocks {
            let channels = block * lanes ..< min(cout, (block + 1) * lanes)
            for tap in 0..<taps {
                for channel in channels {
                    weights[block * taps + tap][channel - channels.lowerBound] = kernel[tap * cout + channel]
                }
            }
            if let bias {
                for channel in channels { biases[block][channel - channels.lowerBound] = bias[channel] }
            }
        }
        self.weights = weights
        self.biases = biases
        self.tapsPerBlock = taps
    }
}

/// The vector loop of one correlation over packed weights; the threads that share a job each
/// run it on their own output rows.
struct VectorCorrelation<Vector: SIMD>: @unchecked Sendable where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    let job: CorrelationJob<Scalar>
    /// ``PackedWeights/weights``, read concurrently and never written.
    let weights: UnsafePointer<Vector>
    /// ``PackedWeights/biases``.
    let biases: UnsafePointer<Vector>
    let tapsPerBlock: Int

    /// Output columns computed together: each weight vector loaded once serves all of them.
    /// Six columns of two-register accumulators, a weight vector and a broadcast fill the
    /// sixteen vector registers of x86-64 without spilling (see ``Convolution/correlate(source:padded:weights:kernel:bias:geometry:output:outputShape:workers:)``
    /// for the vector widths).
    static var columnsPerStep: Int { 6 }

    /// Fills output rows `rows` of the job (see ``CorrelationJob/rowCount``).
    ///
    /// For each row and block of output channels, the loop walks the output columns six at a
    /// time; for each tap it loads one weight vector and adds it, scaled by the input value
    /// under the tap, to six accumulators. Columns past the row's end repeat the last column,
    /// so the loop has one shape; their results are not stored.
    func fill(rows: Range<Int>) {
        let lanes = Vector.scalarCount
        let (kh, kw, cin, cout) = (job.kernel.height, job.kernel.width, job.kernel.inputChannels,
                                   job.kernel.outputChannels)
        let (outH, outW) = (job.outputShape.height, job.outputShape.width)
        let rowPitch = job.padded.width &* cin
        let imagePitch = job.padded.height &* rowPitch
        let columnStep = job.stride.width &* cin
        let tapRowStep = job.rate.height &* rowPitch
        let tapColumnStep = job.rate.width &* cin
        let blocks = (cout + lanes - 1) / lanes
        for row in rows {
            let image = row / outH
            let top = job.source + image &* imagePitch + (row &- image &* outH) &* job.stride.height &* rowPitch
            let outputRow = job.output + row &* outW &* cout
            for block in 0..<blocks {
                let blockWeights = weights + block &* tapsPerBlock
                let bias = biases[block]
                let width = min(lanes, cout &- block &* lanes)
                var ox = 0
                while ox < outW {
                    let count = min(Self.columnsPerStep, outW &- ox)
                    let last = ox &+ count &- 1
                    let x0 = top + ox &* columnStep
                    let x1 = top + min(ox &+ 1, last) &* columnStep
                    let x2 = top + min(ox &+ 2, last) &* columnStep
                    let x3 = top + min(ox &+ 3, last) &* columnStep
                    let x4 = top + min(ox &+ 4, last) &* columnStep
                    let x5 = top + min(ox &+ 5, last) &* columnStep
                    var (a0, a1, a2, a3, a4, a5) = (bias, bias, bias, bias, bias, bias)
                    var w = blockWeights
                    for ky in 0..<kh {
                        var offset = ky &* tapRowStep
                        for _ in 0..<kw {
                            for ci in offset..<(offset &+ cin) {
                                let weight = w.pointee
                                accumulate(&a0, weight, x0[ci])
                                accumulate(&a1, weight, x1[ci])
                                accumulate(&a2, weight, x2[ci])
                                accumulate(&a3, weight, x3[ci])
                                accumulate(&a4, weight, x4[ci])
                                accumulate(&a5, weight, x5[ci])
                                w += 1
                            }
                            offset &+= tapColumnStep
                        }
                    }
                    let o = outputRow + (ox &* cout &+ block &* lanes)
                    store(a0, to: o, width: width)
                    if count > 1 { store(a1, to: o + cout, width: width) }
                    if count > 2 { store(a2, to: o + 2 &* cout, width: width) }
                    if count > 3 { store(a3, to: o + 3 &* cout, width: width) }
                    if count > 4 { store(a4, to: o + 4 &* cout, width: width) }
                    if count > 5 { store(a5, to: o + 5 &* cout, width: width) }
                    ox &+= count
                }
            }
        }
    }

    /// `sum += weight · value`, fused into one rounding where the target has vector FMA
    /// (where it has not, a fused multiply-add would be a library call per lane).
    @inline(__always)
    private func accumulate(_ sum: inout Vector, _ weight: Vector, _ value: Scalar) {
        #if ATROUS_FMA_VECTORS
        sum = sum.addingProduct(weight, value)
        #else
        sum += weight * value
        #endif
    }

    /// Writes the first `width` lanes of `vector` to `destination`.
    @inline(__always)
    private func store(_ vector: Vector, to destination: UnsafeMutablePointer<Scalar>, width: Int) {
        if width == Vector.scalarCount {
            UnsafeMutableRawPointer(destination).storeBytes(of: vector, as: Vector.self)
        } else {
            for lane in 0..<width { destination[lane] = vector[lane] }
        }
    }
}
