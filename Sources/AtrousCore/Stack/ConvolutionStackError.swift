/// A stack of computed layers that cannot be built or applied. Each message is one sentence
/// naming the layers.
public enum ConvolutionStackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stack has no layers.
    case noLayers
    /// Layer `index` (from 0) reads a different number of channels than layer `index − 1` writes.
    case channelsDoNotChain(index: Int, previousOutputChannels: Int, inputChannels: Int)
    /// Layer `index` (from 0) of `count` cannot be applied to what reaches it.
    case layer(index: Int, count: Int, error: ConvolutionError)
    /// A recomputation was asked to start at a layer the stack does not have, or without the
    /// outputs of the layers before it.
    case recomputeStart(index: Int, count: Int, kept: Int)

    /// The layer (from 0) the error is about: the one that cannot be applied, or the one whose
    /// input channels do not match the layer before; nil for the stack as a whole.
    public var layerIndex: Int? {
        switch self {
        case let .channelsDoNotChain(index, _, _), let .layer(index, _, _): index
        case .noLayers, .recomputeStart: nil
        }
    }

    public var description: String {
        switch self {
        case .noLayers:
            "The stack needs at least one layer."
        case let .channelsDoNotChain(index, previous, input):
            "Layer \(index) writes \(plural(previous, "channel")) but layer \(index + 1) reads "
                + "\(plural(input, "channel")): each layer's kernel must take as many input channels "
                + "as the layer before gives."
        case let .layer(index, count, error):
            "In layer \(index + 1) of \(count), \(lowercasingFirst(error.description))"
        case let .recomputeStart(index, count, kept):
            "Cannot recompute from layer \(index + 1) of \(count) with the outputs of \(kept) layers kept."
        }
    }
}

/// `1 channel`, `3 channels`.
private func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

