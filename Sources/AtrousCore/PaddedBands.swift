/// A large input padded a band of rows at a time, each band just before it is correlated,
/// instead of a padded copy of the whole input.
///
/// An 8192x8192 float32 input padded whole is another 256 MB, written once and read once,
/// most of it in fresh pages the kernel must zero first. A band of a few hundred kilobytes is
/// padded into a buffer that each thread keeps, so it is still in the cache when the
/// correlation reads it, and the memory is the input and the output alone. Every output is
/// computed by the same loop as from a whole padded input, so the results are identical.
struct PaddedBands<Scalar: ConvolutionScalar>: Sendable {
    let shape: FeatureMapShape
    let kernel: KernelShape
    let geometry: ConvolutionGeometry
    let output: FeatureMapShape
    /// Output rows of one band (the last band of an image may have fewer).
    let rowsPerBand: Int

    /// Padded scalars from which an input is padded in bands: below it a whole padded copy
    /// costs too little to matter.
    static var bandedFrom: Int { 1 << 22 }
    /// The padded scalars a band aims at: small enough to stay in the cache.
    static var scalarsPerBand: Int { 1 << 16 }

    /// The bands for an input of `shape` under `geometry`, or nil when it is better padded
    /// whole (small) or not at all (no padding). `rowsPerBand` forces banding with that many
    /// output rows a band (tests compare it with the whole copy).
    init?(shape: FeatureMapShape, kernel: KernelShape, geometry: ConvolutionGeometry, output: FeatureMapShape,
          rowsPerBand: Int? = nil) {
        let padded = PaddedInput<Scalar>.shape(of: shape, geometry: geometry)
        guard PaddedInput<Scalar>.pads(geometry), output.count > 0,
              rowsPerBand != nil || padded.count >= Self.bandedFrom
        else { return nil }
        self.shape = shape
        self.kernel = kernel
        self.geometry = geometry
        self.output = output
        let rowScalars = padded.width * shape.channels * geometry.spec.stride.height
        self.rowsPerBand = max(1, min(output.height, rowsPerBand ?? Self.scalarsPerBand / max(1, rowScalars)))
    }

    /// Bands of one image.
    private var bandsPerImage: Int { (output.height + rowsPerBand - 1) / rowsPerBand }

    /// Padded rows a band of `rows` output rows reads: its rows at the stride, then the
    /// dilated kernel's reach below the last.
    private func paddedRows(for rows: Int) -> Int {
        (rows - 1) * geometry.spec.stride.height + geometry.rows.effectiveKernel
    }

    /// Fills `output` (NHWC, `output` shape) from `source` (the unpadded input): each band is
    /// padded, then correlated on one thread by ``Convolution/correlate(_:weights:bias:workers:algorithm:vectorKernel:)``
    /// with the other arguments; `workers` threads share the bands.
    func correlate(source: UnsafePointer<Scalar>, output destination: UnsafeMutablePointer<Scalar>,
                   weights: UnsafeBufferPointer<Scalar>, bias: [Scalar]?, algorithm: CorrelationAlgorithm?,
                   vectorKernel: VectorKernel, workers: Int) {
        let copy = PaddingCopy(source: source, shape: shape, geometry: geometry)
        let padded = copy.padded
        let rowScalars = padded.width * shape.channels
        let outputRowScalars = output.width * output.channels
        let bands = shape.batch * bandsPerImage
        let (rate, stride) = (geometry.spec.rate, geometry.spec.stride)
        let band = BandPointers(destination: destination, weights: weights)
        Workers.forEachChunk(of: bands, workers: workers) { chunk in
            let scratch = UnsafeMutablePointer<Scalar>.allocate(capacity: paddedRows(for: rowsPerBand) * rowScalars)
            defer { scratch.deallocate() }
            for index in chunk {
                let (image, first) = (index / bandsPerImage, (index % bandsPerImage) * rowsPerBand)
                let rows = min(rowsPerBand, output.height - first)
                let top = image * padded.height + first * stride.height
                copy.fill(rows: top..<(top + paddedRows(for: rows)), into: scratch)
                let job = CorrelationJob(
                    source: scratch,
                    padded: FeatureMapShape(batch: 1, height: paddedRows(for: rows), width: padded.width,
                                            channels: shape.channels),
                    output: band.destination + (image * output.height + first) * outputRowScalars,
                    outputShape: FeatureMapShape(batch: 1, height: rows, width: output.width, channels: output.channels),
                    kernel: kernel, rate: rate, stride: stride)
                Convolution<Scalar>.correlate(job, weights: band.weights, bias: bias, workers: 1, algorithm: algorithm,
                                              vectorKernel: vectorKernel)
            }
        }
    }
}

/// The output, which the threads write in disjoint bands, and the weights they all read.
private struct BandPointers<Scalar>: @unchecked Sendable {
    let destination: UnsafeMutablePointer<Scalar>
    let weights: UnsafeBufferPointer<Scalar>
}
