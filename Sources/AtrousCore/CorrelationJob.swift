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
