/// A rule of TensorFlow, Keras or PyTorch that matters for a configuration, told to the user
/// at the moment it applies.
///
/// Each note is worded for the exact case, per axis, and holds for TensorFlow 2.21, Keras 3
/// and PyTorch 2.x; the tests check each claim against the frameworks where they are
/// installed. A note has a stable ``id`` (for `:notes`, tests and documents) and names the
/// frameworks it concerns.
public enum FrameworkNote: Sendable, Hashable, CustomStringConvertible {
    /// Keras Conv layers refuse strides > 1 together with dilation_rate > 1.
    case kerasRefusesStrideWithDilation
    /// PyTorch's `padding='same'` refuses stride > 1.
    case pytorchSameRefusesStride
    /// `tf.nn.atrous_conv2d` has no stride argument (it takes a rate per axis, though).
    case atrousConv2dHasNoStride
    /// SAME pads one axis or both unevenly; TensorFlow puts the odd cell after (bottom/right).
    /// `strided` says whether PyTorch's `padding='same'` can take it (only at stride 1).
    case sameIsAsymmetric(top: Int, bottom: Int, left: Int, right: Int, strided: Bool)
    /// Only Keras Conv1D names causal padding.
    case causalIsKerasConv1D(left: Int)
    /// No framework names "full"; it is explicit padding of k_eff − 1 per side.
    case fullIsExplicit(height: Int, width: Int)

    /// A short name that stays the same across releases.
    public var id: String {
        switch self {
        case .kerasRefusesStrideWithDilation: "keras-stride-dilation"
        case .pytorchSameRefusesStride: "pytorch-same-stride"
        case .atrousConv2dHasNoStride: "tf-atrous-no-stride"
        case .sameIsAsymmetric: "same-uneven"
        case .causalIsKerasConv1D: "causal-keras-conv1d"
        case .fullIsExplicit: "full-explicit"
        }
    }

    /// The frameworks the note concerns.
    public var frameworks: [String] {
        switch self {
        case .kerasRefusesStrideWithDilation: ["Keras", "TensorFlow"]
        case .pytorchSameRefusesStride: ["PyTorch"]
        case .atrousConv2dHasNoStride: ["TensorFlow"]
        case .sameIsAsymmetric: ["TensorFlow", "PyTorch"]
        case .causalIsKerasConv1D: ["Keras"]
        case .fullIsExplicit: ["TensorFlow", "Keras", "PyTorch"]
        }
    }

    public var description: String {
        switch self {
        case .kerasRefusesStrideWithDilation:
            "Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it."
        case .pytorchSameRefusesStride:
            "PyTorch padding='same' refuses stride > 1; pass the explicit pads instead."
        case .atrousConv2dHasNoStride:
            "tf.nn.atrous_conv2d has no stride; use tf.nn.conv2d with strides= and dilations=."
        case let .sameIsAsymmetric(t, b, l, r, strided):
            "SAME pads unevenly here (top \(t), bottom \(b), left \(l), right \(r)): TensorFlow puts the odd cell "
                + "at the bottom/right"
                + (strided ? "; PyTorch's padding='same' refuses stride > 1, so pass these pads with F.pad."
                    : ", and so does PyTorch's padding='same' at stride 1.")
        case let .causalIsKerasConv1D(left):
            "Causal padding is Keras Conv1D(padding='causal'): \(counted(left, "cell")) on the left only; "
                + "elsewhere pad the left by hand."
        case let .fullIsExplicit(h, w):
            "No framework names 'full' padding: pass explicit padding of \(counted(h, "row")) and \(counted(w, "column")) on each side."
        }
    }

    /// The notes that apply to a resolved geometry, in a stable order.
    ///
    /// Reflect padding as large as its axis (which PyTorch refuses, per axis) never resolves:
    /// the geometry itself refuses it with ``ConvolutionError/reflectPaddingTooLarge(axis:pad:inputSize:)``.
    public static func notes(for geometry: ConvolutionGeometry) -> [FrameworkNote] {
        let spec = geometry.spec
        let strided = spec.stride.height > 1 || spec.stride.width > 1
        let dilated = spec.rate.height > 1 || spec.rate.width > 1
        var notes: [FrameworkNote] = []
        if strided && dilated { notes.append(.kerasRefusesStrideWithDilation) }
        if strided && spec.padding == .same { notes.append(.pytorchSameRefusesStride) }
        if dilated && strided { notes.append(.atrousConv2dHasNoStride) }
        let (t, b, l, r) = geometry.pads
        if spec.padding == .same && (t != b || l != r) {
            notes.append(.sameIsAsymmetric(top: t, bottom: b, left: l, right: r, strided: strided))
        }
        if spec.padding == .causal { notes.append(.causalIsKerasConv1D(left: l)) }
        if spec.padding == .full { notes.append(.fullIsExplicit(height: t, width: l)) }
        return notes
    }

}
