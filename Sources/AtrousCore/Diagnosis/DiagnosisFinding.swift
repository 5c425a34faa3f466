/// One configuration that a diagnosis computed with ``Convolution`` and compared with the
/// user's output: which conventions it uses and how far its result lies from that output.
public struct DiagnosisFinding: Sendable {
    public let rate: Pair
    public let stride: Pair
    /// Cells of padding per side: top, bottom, left, right.
    public let pads: [Int]
    public let fill: Fill
    public let kernel: KernelReading
    public let inputLayout: InputLayout
    /// Whether the kernel was applied twice: first at rate 1 with TensorFlow's SAME, then here.
    public let twice: Bool
    public let bias: BiasUse
    /// The largest `|actual − computed|`.
    public let maxAbsError: Double
    /// The conformance tolerance: `1e-4 · max(1, max |actual|)`.
    public let tolerance: Double
    /// Per output position (rows x columns), the largest difference over batch and channels.
    public let differenceMap: Tensor<Double>
    /// The kernel size (as read) and the size of the map it slid over, which name the padding.
    let kernelSize: Pair
    let inputSize: Pair

    /// Whether the computed output reproduces the user's within the tolerance.
    public var matches: Bool { maxAbsError <= tolerance }

    /// The padding as the frameworks name it.
    public var padding: PaddingConvention {
        PaddingConvention(pads: pads, inputSize: inputSize, kernelSize: kernelSize, rate: rate, stride: stride)
    }

    /// How many conventions differ from TensorFlow's standard call; ties rank the plainer first.
    var deviations: Int {
        [inputLayout != .nhwc, kernel != .asIs, twice, bias == .missing, fill != .zeros,
         padding == .explicit].filter { $0 }.count
    }

    /// Orders equally close findings: fewer deviations, then smaller rates, strides and pads.
    var plainness: [Int] {
        [deviations, rate.height + rate.width, stride.height + stride.width, pads.reduce(0, +)]
    }

    /// Whether this is TensorFlow's standard call: NHWC, the kernel as given, once, zeros, SAME or VALID.
    public var isTensorFlowStandard: Bool {
        deviations == 0 && (padding == .same || padding == .valid)
    }
}

/// The name of a set of pads, checked against the rule that makes each.
public enum PaddingConvention: String, Sendable, Hashable {
    case valid, same, full, causal, symmetric, explicit

    init(pads: [Int], inputSize: Pair, kernelSize: Pair, rate: Pair, stride: Pair) {
        let spec = { (padding: Padding) in
            LayerSpec(kernelSize: kernelSize, rate: rate, stride: stride, padding: padding)
        }
        func resolves(_ padding: Padding) -> Bool {
            guard let geometry = try? ConvolutionGeometry(inputSize: inputSize, spec: spec(padding)) else { return false }
            let (t, b, l, r) = geometry.pads
            return [t, b, l, r] == pads
        }
        if pads.allSatisfy({ $0 == 0 }) { self = .valid }
        else if resolves(.same) { self = .same }
        else if resolves(.full) { self = .full }
        else if kernelSize.height == 1, resolves(.causal) { self = .causal }
        else if pads[0] == pads[1], pads[2] == pads[3] { self = .symmetric }
        else { self = .explicit }
    }
}
