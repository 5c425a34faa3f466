#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CConvolutionKernels

/// The instruction set the correlation's inner loops run in (the direct loop's and the
/// one-output-channel row loop's), chosen once per process
/// from what the processor reports: the widest it runs, unless `ATROUS_KERNEL` names another
/// one it runs (`baseline`, `avx2`, `avx512` or `neon`).
public enum VectorKernel: String, CaseIterable, Sendable {
    case baseline, avx2, avx512, neon

    /// The kernel every convolution uses.
    public static let selected: VectorKernel = {
        let requested = getenv("ATROUS_KERNEL").flatMap { VectorKernel(rawValue: String(cString: $0)) }
        if let requested, available.contains(requested) { return requested }
        return available.last ?? .baseline
    }()

    /// The kernels this build has and this processor runs, narrowest first.
    public static let available: [VectorKernel] = runnable(on: atrous_read_cpu_words())

    /// The kernels this build has that a processor reporting `words` runs, narrowest first.
    static func runnable(on words: atrous_cpu_words) -> [VectorKernel] {
        allCases.filter { atrous_direct_kernel_runs($0.isa, words) != 0 }
    }

    var isa: atrous_kernel_isa {
        switch self {
        case .baseline: ATROUS_KERNEL_BASELINE
        case .avx2: ATROUS_KERNEL_AVX2
        case .avx512: ATROUS_KERNEL_AVX512
        case .neon: ATROUS_KERNEL_NEON
        }
    }

    /// The span kernel for `Scalar` and its block of output channels: the wide block (two
    /// registers of channels), or the narrow one (one register, more positions) when the layer
    /// has no more output channels than that register holds, where the wide one would leave
    /// half its lanes idle. Both add the same terms in the same order, so the result is the
    /// same to the bit.
    func spanKernel<Scalar: ConvolutionScalar>(for _: Scalar.Type, outputChannels: Int) -> atrous_direct_block {
        let kernel = atrous_direct_kernel_for(isa)
        let (wide, narrow) = Scalar.self == Float.self ? (kernel.float_wide, kernel.float_narrow)
                                                       : (kernel.double_wide, kernel.double_narrow)
        let block = outputChannels <= narrow.lanes ? narrow : wide
        guard block.run != nil else { preconditionFailure("no \(rawValue) kernel in this build") }
        return block
    }

    /// The wide block for `Scalar` whatever the layer: two registers of channels (four on NEON,
    /// four scalars elsewhere), a multiple of four on every processor, as Winograd's four-wide
    /// transforms need.
    func wideSpanKernel<Scalar: ConvolutionScalar>(for _: Scalar.Type) -> atrous_direct_block {
        spanKernel(for: Scalar.self, outputChannels: .max)
    }

    /// The one-output-channel row function for `Scalar` (see ``RowCorrelation``).
    func oneChannelRowKernel<Scalar: ConvolutionScalar>(for _: Scalar.Type) -> atrous_one_channel_row_kernel {
        let kernel = atrous_one_channel_kernel_for(isa)
        guard let run = Scalar.self == Float.self ? kernel.float_row : kernel.double_row else {
            preconditionFailure("no \(rawValue) one-channel kernel in this build")
        }
        return run
    }
}
