import CConvolutionKernels

/// The correlation for a kernel with one output channel, the explorer's everyday case: each
/// tap scales a whole row of the padded input into the output row.
///
/// The direct loop vectorises over output channels, so with one channel it would use one
/// lane in eight or sixteen; walking along the row instead keeps every lane busy. The row
/// loop is C, one version per instruction set (`row_kernels.h`), chosen with the direct
/// loop's ``VectorKernel``. The taps are added in the order
/// ``Convolution/taps(of:row:column:channel:batch:)`` adds them, bias first, each product
/// rounded before it is added, so a cell's sum and its computation line agree to the last bit
/// and every version gives the same bits.
struct RowCorrelation<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let job: CorrelationJob<Scalar>
    /// The HWIO weights of the single output channel: `[ky][kx][ci]`.
    let weights: UnsafePointer<Scalar>
    let bias: Scalar
    let kernel: atrous_one_channel_row_kernel

    /// Fills output rows `rows` of the job (see ``CorrelationJob/rowCount``).
    func fill(rows: Range<Int>) {
        assert(job.kernel.outputChannels == 1, "RowCorrelation needs a single output channel")
        let cin = job.kernel.inputChannels
        let (outH, outW) = (job.outputShape.height, job.outputShape.width)
        let rowPitch = job.padded.width &* cin
        let imagePitch = job.padded.height &* rowPitch
        var row = atrous_one_channel_row()
        row.column_step = job.stride.width &* cin
        row.tap_row_step = job.rate.height &* rowPitch
        row.tap_column_step = job.rate.width &* cin
        (row.kernel_height, row.kernel_width, row.input_channels) = (job.kernel.height, job.kernel.width, cin)
        row.output_width = outW
        row.weights = UnsafeRawPointer(weights)
        withUnsafePointer(to: bias) { bias in
            row.bias = UnsafeRawPointer(bias)
            for outputRow in rows {
                let image = outputRow / outH
                row.top = UnsafeRawPointer(job.source + image &* imagePitch
                    + (outputRow &- image &* outH) &* job.stride.height &* rowPitch)
                row.output = UnsafeMutableRawPointer(job.output + outputRow &* outW)
                kernel(&row)
            }
        }
    }
}
