/// The computations a caller may ask for.
public enum ConvolutionAlgorithm: String, Sendable, CaseIterable {
    /// Every output a plain sum of its own taps: no input cell reaches an output that does not
    /// read it, and the rounding is that of one sum of products. The default everywhere.
    case direct
    /// Winograd's F(4x4, 3x3) for 3x3 kernels at stride 1 (others run direct): fewer
    /// multiplications, but its transforms add and cancel large numbers, so its error is many
    /// times the direct sum's and a large input value leaks into outputs that do not read it.
    /// Only on request.
    case winograd
}

/// The loops the core computes a correlation with.
enum CorrelationAlgorithm: Sendable, CaseIterable {
    /// Every tap of every output cell (``DirectCorrelation``): any kernel, rate and stride.
    case direct
    /// Winograd's F(4x4, 3x3) (``WinogradCorrelation``): 3x3 kernels at stride 1, any rate,
    /// with 36 multiplications per 4x4 outputs instead of 144.
    case winograd
    /// Along the rows (``RowCorrelation``): one output channel, any kernel, rate and stride.
    case rows

    /// Whether `job` can run with Winograd's algorithm.
    static func winogradApplies<Scalar>(to job: CorrelationJob<Scalar>) -> Bool {
        job.kernel.size == Pair(square: 3) && job.stride == Pair(square: 1)
    }

    /// The loop for `job` when the caller asked for `algorithm`.
    ///
    /// A direct sum runs along the rows for one output channel (the vector loop vectorises over
    /// output channels and would leave most lanes idle), else the vector loop. Winograd runs
    /// only where it applies; elsewhere the request falls back to the direct sum.
    static func loop<Scalar>(for job: CorrelationJob<Scalar>, algorithm: ConvolutionAlgorithm) -> CorrelationAlgorithm {
        if algorithm == .winograd && winogradApplies(to: job) { return .winograd }
        return job.kernel.outputChannels == 1 ? .rows : .direct
    }
}
