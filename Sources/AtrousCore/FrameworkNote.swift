/// A rule of TensorFlow, Keras or PyTorch that matters for a configuration, told to the user
/// at the moment it applies.
public enum FrameworkNote: Sendable, Hashable, CustomStringConvertible {
    /// Keras Conv layers refuse strides > 1 together with dilation_rate > 1.
    case kerasRefusesStrideWithDilation
    /// PyTorch's `padding='same'` refuses stride > 1.
    case pytorchSameRefusesStride
    /// `tf.nn.atrous_conv2d` takes one rate for both axes and no stride.
    case atrousConv2dHasNoStride
    case atrousConv2dHasOneRate
    /// SAME padding is uneven here; TensorFlow puts the odd cell after (bottom/right).
    case sameIsAsymmetric(top: Int, bottom: Int, left: Int, right: Int)
    /// PyTorch's reflect padding must be smaller than the input.
    case pytorchReflectLimit(largestPad: Int, smallestInput: Int)
    /// Only Keras Conv1D names causal padding.
    case causalIsKerasConv1D(left: Int)
    /// No framework names "full"; it is explicit padding of k_eff − 1 per side.
    case fullIsExplicit(height: Int, width: Int)

    public var description: String {
        switch self {
        case .kerasRefusesStrideWithDilation:
            "Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it."
        case .pytorchSameRefusesStride:
            "PyTorch padding='same' refuses stride > 1; pass the explicit pads instead."
        case .atrousConv2dHasNoStride:
            "tf.nn.atrous_conv2d has no stride; use tf.nn.conv2d with strides= and dilations=."
        case .atrousConv2dHasOneRate:
            "tf.nn.atrous_conv2d takes one rate for both axes; use tf.nn.conv2d with dilations= for different rates."
        case let .sameIsAsymmetric(t, b, l, r):
            "SAME pads unevenly here (top \(t), bottom \(b), left \(l), right \(r)): TensorFlow puts the odd cell "
                + "at the bottom/right, so PyTorch needs F.pad with these pads."
        case let .pytorchReflectLimit(pad, input):
            "PyTorch reflect padding must be smaller than the input; here the largest pad is \(pad) "
                + "and the smallest input side \(input)."
        case let .causalIsKerasConv1D(left):
            "Causal padding is Keras Conv1D(padding='causal'): \(counted(left, "cell")) on the left only; "
                + "elsewhere pad the left by hand."
        case let .fullIsExplicit(h, w):
            "No framework names 'full' padding: pass explicit padding of \(counted(h, "row")) and \(counted(w, "column")) on each side."
        }
    }

    /// The notes that apply to a resolved geometry, in a stable order.
    public static func notes(for geometry: ConvolutionGeometry) -> [FrameworkNote] {
        let spec = geometry.spec
        let strided = spec.stride.height > 1 || spec.stride.width > 1
        let dilated = spec.rate.height > 1 || spec.rate.width > 1
        var notes: [FrameworkNote] = []
        if strided && dilated { notes.append(.kerasRefusesStrideWithDilation) }
        if strided && spec.padding == .same { notes.append(.pytorchSameRefusesStride) }
        if dilated && strided { notes.append(.atrousConv2dHasNoStride) }
        if dilated && !spec.rate.isSquare { notes.append(.atrousConv2dHasOneRate) }
        let (t, b, l, r) = geometry.pads
        if spec.padding == .same && (t != b || l != r) {
            notes.append(.sameIsAsymmetric(top: t, bottom: b, left: l, right: r))
        }
        if spec.fill == .reflect {
            notes.append(.pytorchReflectLimit(largestPad: max(t, b, l, r),
                                              smallestInput: min(geometry.rows.inputSize, geometry.columns.inputSize)))
        }
        if spec.padding == .causal { notes.append(.causalIsKerasConv1D(left: l)) }
        if spec.padding == .full { notes.append(.fullIsExplicit(height: t, width: l)) }
        return notes
    }
}
