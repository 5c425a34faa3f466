/// Layers applied one after another to data: layer i reads layer i−1's output (layer 1 the
/// input), as a network of dilated convolutions computes it.
///
/// Each layer is a ``Convolution`` followed by its ``Activation``; the stack adds no arithmetic
/// of its own. ``outputs(of:recomputingFrom:kept:workers:)`` recomputes only the layers from a
/// changed one onward, which is what the explorer needs when one layer changes.
public struct ConvolutionStack<Scalar: ConvolutionScalar>: Sendable {
    /// The layers, first applied first; never empty.
    public let layers: [StackLayer<Scalar>]

    /// Checks that the layers chain: every layer reads as many channels as the one before writes.
    /// - Throws: ``ConvolutionStackError/noLayers`` or
    ///   ``ConvolutionStackError/channelsDoNotChain(index:previousOutputChannels:inputChannels:)``
    ///   for the first pair of layers that does not chain.
    public init(_ layers: [StackLayer<Scalar>]) throws {
        if let error = Self.chainError(layers) { throw error }
        self.layers = layers
    }

    /// Why `layers` make no stack: none at all, or the first layer that reads a different number
    /// of channels than the layer before writes. Nil when they chain.
    public static func chainError(_ layers: [StackLayer<Scalar>]) -> ConvolutionStackError? {
        guard !layers.isEmpty else { return .noLayers }
        for index in layers.indices.dropFirst() where layers[index].inputChannels != layers[index - 1].outputChannels {
            return .channelsDoNotChain(index: index, previousOutputChannels: layers[index - 1].outputChannels,
                                       inputChannels: layers[index].inputChannels)
        }
        return nil
    }

    /// The layers' parameters, first layer first.
    public var specs: [LayerSpec] { layers.map(\.convolution.spec) }

    /// Every layer's output, first layer first; each keeps the input's rank where it can (see
    /// ``FeatureMapShape/dimensions(matchingRank:)``).
    /// - Throws: ``ConvolutionStackError/layer(index:count:error:)`` naming the first layer that
    ///   cannot be applied to what reaches it.
    public func outputs(of input: Tensor<Scalar>, workers: Int = Workers.active) throws -> [Tensor<Scalar>] {
        try outputs(of: input, recomputingFrom: 0, kept: [], workers: workers)
    }

    /// Every layer's output, reusing the first `index` of `kept` and computing the layers from
    /// `index` onward; `kept` holds earlier outputs of the same input and unchanged layers.
    /// - Throws: ``ConvolutionStackError/recomputeStart(index:count:kept:)`` when `index` is not a
    ///   layer or `kept` lacks an output before it, and as ``outputs(of:workers:)``.
    public func outputs(of input: Tensor<Scalar>, recomputingFrom index: Int, kept: [Tensor<Scalar>],
                        workers: Int = Workers.active) throws -> [Tensor<Scalar>] {
        let computed = computableOutputs(of: input, recomputingFrom: index, kept: kept, workers: workers)
        if let error = computed.error { throw error }
        return computed.outputs
    }

    /// As ``outputs(of:recomputingFrom:kept:workers:)``, but a layer that cannot be applied
    /// ends the computation instead of throwing: the outputs of the layers before it come back
    /// with the error that stopped it (nil when every layer was computed).
    ///
    /// `spares` are earlier outputs, by layer, whose storage a recomputed layer may write into
    /// when it has the same size (nil for none): each is taken from the array, so its storage
    /// is reused when the caller passed the last reference to it.
    public func computableOutputs(of input: Tensor<Scalar>, recomputingFrom index: Int, kept: [Tensor<Scalar>],
                                  spares: consuming [Tensor<Scalar>?] = [],
                                  workers: Int = Workers.active) -> (outputs: [Tensor<Scalar>], error: ConvolutionStackError?) {
        var spares = consume spares
        guard layers.indices.contains(index), kept.count >= index else {
            return ([], .recomputeStart(index: index, count: layers.count, kept: kept.count))
        }
        var outputs = Array(kept.prefix(index))
        outputs.reserveCapacity(layers.count)
        for layerIndex in index..<layers.count {
            let source = layerIndex == 0 ? input : outputs[layerIndex - 1]
            do {
                outputs.append(try layers[layerIndex](source, reusing: Self.take(layerIndex, from: &spares), workers: workers))
            } catch {
                // A layer's convolution throws only ConvolutionError.
                let error = error as? ConvolutionError ?? .emptyTensor(role: "layer output", shape: source.shape)
                return (outputs, .layer(index: layerIndex, count: layers.count, error: error))
            }
        }
        return (outputs, nil)
    }

    /// Moves element `index` out of `spares`, leaving nil, so the caller holds its only copy.
    private static func take(_ index: Int, from spares: inout [Tensor<Scalar>?]) -> Tensor<Scalar>? {
        guard spares.indices.contains(index) else { return nil }
        var taken: Tensor<Scalar>?
        swap(&taken, &spares[index])
        return taken
    }

    /// The last layer's output.
    public func callAsFunction(_ input: Tensor<Scalar>, workers: Int = Workers.active) throws -> Tensor<Scalar> {
        try outputs(of: input, workers: workers)[layers.count - 1]
    }
}
