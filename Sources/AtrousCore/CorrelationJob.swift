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

/// The two ways the core computes a correlation.
enum CorrelationAlgorithm: Sendable, CaseIterable {
    /// Every tap of every output cell (``DirectCorrelation``): any kernel, rate and stride.
    case direct
    /// Winograd's F(4x4, 3x3) (``WinogradCorrelation``): 3x3 kernels at stride 1, any rate,
    /// with 36 multiplications per 4x4 outputs instead of 144.
    case winograd

    /// Whether `job` can run with Winograd's algorithm.
    static func winogradApplies<Scalar>(to job: CorrelationJob<Scalar>) -> Bool {
        job.kernel.size == Pair(square: 3) && job.stride == Pair(square: 1)
    }

    /// Input channels up to which Winograd's algorithm runs in Float: its transforms
    /// magnify rounding, and with thousands of channels the error would approach the
    /// 1e-4 relative agreement the results promise (measured: 3e-5 at 1024).
    static var winogradFloatChannelLimit: Int { 1024 }

    /// The faster algorithm for `job`: Winograd where it applies and there are enough input
    /// channels that its transforms cost less than the multiplications it saves (measured:
    /// even at 8, 2.5 times faster at 32 and more).
    static func fastest<Scalar>(for job: CorrelationJob<Scalar>) -> CorrelationAlgorithm {
        guard winogradApplies(to: job), job.kernel.inputChannels >= 8,
              Scalar.self == Double.self || job.kernel.inputChannels <= winogradFloatChannelLimit
        else { return .direct }
        return .winograd
    }
}

extension SIMD where Scalar: ConvolutionScalar {
    /// `count` vectors, zero except where `fill` writes them through a flat view of their
    /// lanes: lane `l` of vector `v` is element `v·scalarCount + l`.
    static func array(count: Int, filling fill: (UnsafeMutableBufferPointer<Scalar>) -> Void) -> [Self] {
        var vectors = [Self](repeating: Self(), count: count)
        vectors.withUnsafeMutableBufferPointer { vectors in
            vectors.withMemoryRebound(to: Scalar.self) { fill($0) }
        }
        return vectors
    }

    /// `values` cut into vectors of `scalarCount` lanes, the last padded with zeros; zero
    /// vectors for nil. One vector per block of output channels: `ceil(channels / scalarCount)`.
    static func blocks(of values: [Scalar]?, channels: Int) -> [Self] {
        array(count: (channels + scalarCount - 1) / scalarCount) { lanes in
            for (channel, value) in (values ?? []).enumerated() { lanes[channel] = value }
        }
    }
}
