/// The ways the core computes a correlation.
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

    /// Input channels up to which Winograd's algorithm runs in Float: its transforms
    /// magnify rounding, and with thousands of channels the error would approach the
    /// 1e-4 relative agreement the results promise (measured: 3e-5 at 1024).
    static var winogradFloatChannelLimit: Int { 1024 }

    /// The faster algorithm for `job`: Winograd where it applies and there are enough input
    /// channels that its transforms cost less than the multiplications it saves (measured on
    /// the seed's map size: level with the direct loop at 8 input channels, 1.6 to 2.6 times
    /// faster from 16, whatever the output channels).
    /// Otherwise, with one output channel, the rows: the direct loop vectorises over output
    /// channels and would leave most lanes idle.
    static func fastest<Scalar>(for job: CorrelationJob<Scalar>) -> CorrelationAlgorithm {
        guard winogradApplies(to: job), job.kernel.inputChannels >= 8,
              Scalar.self == Double.self || job.kernel.inputChannels <= winogradFloatChannelLimit
        else { return job.kernel.outputChannels == 1 ? .rows : .direct }
        return .winograd
    }
}
