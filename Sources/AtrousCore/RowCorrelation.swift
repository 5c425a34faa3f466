/// The correlation for a kernel with one output channel, the explorer's everyday case: each
/// tap scales a whole row of the padded input into the output row.
///
/// The direct loop vectorises over output channels, so with one channel it would use one
/// lane in eight or sixteen; walking along the row instead keeps every lane busy (the
/// compiler vectorises the contiguous inner loop). The taps are added in the order
/// ``Convolution/taps(of:row:column:channel:batch:)`` adds them, bias first, so a cell's sum
/// and its computation line agree to the last bit.
struct RowCorrelation<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let job: CorrelationJob<Scalar>
    /// The HWIO weights of the single output channel: `[ky][kx][ci]`.
    let weights: UnsafePointer<Scalar>
    let bias: Scalar

    /// Fills output rows `rows` of the job (see ``CorrelationJob/rowCount``).
    func fill(rows: Range<Int>) {
        assert(job.kernel.outputChannels == 1, "RowCorrelation needs a single output channel")
        let (kh, kw, cin) = (job.kernel.height, job.kernel.width, job.kernel.inputChannels)
        let (outH, outW) = (job.outputShape.height, job.outputShape.width)
        let rowPitch = job.padded.width &* cin
        let imagePitch = job.padded.height &* rowPitch
        let columnStep = job.stride.width &* cin
        for row in rows {
            let image = row / outH
            let top = job.source + image &* imagePitch + (row &- image &* outH) &* job.stride.height &* rowPitch
            let output = job.output + row &* outW
            output.update(repeating: bias, count: outW)
            var tap = 0
            for ky in 0..<kh {
                for kx in 0..<kw {
                    let window = top + ky &* job.rate.height &* rowPitch + kx &* job.rate.width &* cin
                    for ci in 0..<cin {
                        let weight = weights[tap]
                        tap &+= 1
                        let source = window + ci
                        if columnStep == 1 {
                            for ox in 0..<outW { output[ox] += weight * source[ox] }
                        } else {
                            for ox in 0..<outW { output[ox] += weight * source[ox &* columnStep] }
                        }
                    }
                }
            }
        }
    }
}
