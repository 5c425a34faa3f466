/// What one node of a model does to the spatial map, whatever file format it came from: the
/// parameters a receptive field depends on, and nothing about channels or weights.
public enum SpatialOperation: Sendable, Hashable {
    /// A convolution, grouped or depthwise (`groups` only describes it; every group sees the
    /// same window). `groups` is 0 for a depthwise convolution whose channel count the file
    /// does not give (Keras's DepthwiseConv2D).
    case convolution(Window, groups: Int)
    /// Max or average pooling over a window (both count one path per window cell).
    case pooling(PoolingKind, Window)
    /// Cells added (positive) or cut away (negative) before and after each axis: padding and
    /// cropping.
    case pad(before: Pair, after: Pair)
    /// Resizing, nearest-neighbour or linear, by factors or to a size. atrous follows a nearest
    /// resize by whole factors (output `o` reads input `⌊o/f⌋`) and any resize of a 1x1 map (a
    /// broadcast: every output reads the one cell); other resizes block the nodes after them.
    case resize(ResizeTarget, nearest: Bool)
    /// Activations, normalisation with learned statistics, dropout, identity, casts, channel
    /// softmax: each output cell reads the same cell of its one input.
    case pointwise
    /// Element-wise sum, product or channel concatenation of several inputs of one size (a 1x1
    /// input is broadcast).
    case merge(MergeKind)
    /// An operation whose every output reads every input cell: global pooling, dense layers,
    /// flattening, reshaping to vectors, means over the spatial axes.
    case global(GlobalKind)
    /// An operation atrous cannot analyse (a bilinear resize, a spatial reshape, …): the
    /// nodes after it are refused when analysed, naming it, and the nodes before it stay open.
    case unsupported(reason: String?)

    /// A short name for tables: `conv`, `dwconv`, `maxpool`, `add`, ….
    public var shortName: String {
        switch self {
        case let .convolution(_, groups): groups == 0 ? "dwconv" : groups > 1 ? "conv/\(groups)" : "conv"
        case let .pooling(kind, _): kind.rawValue
        case .pad: "pad"
        case let .resize(_, nearest): nearest ? "resize" : "resize/linear"
        case .pointwise: "pointwise"
        case let .merge(kind): kind.rawValue
        case let .global(kind): kind.rawValue
        case .unsupported: "unsupported"
        }
    }

    /// The window of a convolution or pooling, nil for every other operation.
    public var window: Window? {
        switch self {
        case let .convolution(window, _), let .pooling(_, window): window
        default: nil
        }
    }
}

/// The window of a convolution or pooling node: kernel, dilation, stride, padding and, for
/// pooling, the rounding of the output size.
public struct Window: Sendable, Hashable {
    public var kernelSize: Pair
    public var rate: Pair
    public var stride: Pair
    public var padding: WindowPadding
    /// Rounds the output size up (`ceil_mode`), adding a partial window at the end.
    public var ceilMode: Bool

    public init(kernelSize: Pair, rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1),
                padding: WindowPadding = .valid, ceilMode: Bool = false) {
        self.kernelSize = kernelSize
        self.rate = rate
        self.stride = stride
        self.padding = padding
        self.ceilMode = ceilMode
    }
}

/// How a window's padding is given by the file: cells per side, or a rule.
public enum WindowPadding: Sendable, Hashable, CustomStringConvertible {
    /// Cells before and after on each axis (ONNX `pads`, PyTorch `padding=N`).
    case explicit(before: Pair, after: Pair)
    /// `out = ceil(in/s)`, the odd cell after: ONNX `SAME_UPPER`, TensorFlow and Keras `same`.
    case sameUpper
    /// `out = ceil(in/s)`, the odd cell before: ONNX `SAME_LOWER`.
    case sameLower
    /// No padding.
    case valid
    /// `k_eff − 1` before along the width only: Keras Conv1D `causal`.
    case causal

    public var description: String {
        switch self {
        case let .explicit(before, after): "\(before.height),\(after.height),\(before.width),\(after.width)"
        case .sameUpper: "same_upper"
        case .sameLower: "same_lower"
        case .valid: "valid"
        case .causal: "causal"
        }
    }
}

public enum PoolingKind: String, Sendable, Hashable {
    case max = "maxpool"
    case average = "avgpool"
}

public enum MergeKind: String, Sendable, Hashable {
    case add
    case multiply = "mul"
    case concat
}

public enum GlobalKind: String, Sendable, Hashable {
    /// Global average or max pooling, or a mean over the spatial axes.
    case pooling = "globalpool"
    /// A dense (fully connected) layer or matrix product.
    case dense
    /// Flattening or reshaping a map into a vector.
    case flatten
}

/// How a resize gives its output size.
public enum ResizeTarget: Sendable, Hashable {
    /// A whole factor per axis.
    case factor(Pair)
    /// An output size per axis.
    case size(Pair)

    /// The output size on an input of `inputSize` cells along `axis`.
    public func outputSize(inputSize: Int, axis: Axis) -> Int {
        switch self {
        case let .factor(factor): inputSize * factor[axis]
        case let .size(size): size[axis]
        }
    }
}
