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
        guard !layers.isEmpty else { throw ConvolutionStackError.noLayers }
        for index in layers.indices.dropFirst() where layers[index].inputChannels != layers[index - 1].outputChannels {
            throw ConvolutionStackError.channelsDoNotChain(index: index, previousOutputChannels: layers[index - 1].outputChannels,
                                                           inputChannels: layers[index].inputChannels)
        }
        self.layers = layers
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
        guard layers.indices.contains(index), kept.count >= index else {
            throw ConvolutionStackError.recomputeStart(index: index, count: layers.count, kept: kept.count)
        }
        var outputs = Array(kept.prefix(index))
        outputs.reserveCapacity(layers.count)
        for layerIndex in index..<layers.count {
            let source = layerIndex == 0 ? input : outputs[layerIndex - 1]
            do {
                outputs.append(try layers[layerIndex](source, workers: workers))
            } catch let error as ConvolutionError {
                throw ConvolutionStackError.layer(index: layerIndex, count: layers.count, error: error)
            }
        }
        return outputs
    }

    /// The last layer's output.
    public func callAsFunction(_ input: Tensor<Scalar>, workers: Int = Workers.active) throws -> Tensor<Scalar> {
        try outputs(of: input, workers: workers)[layers.count - 1]
    }
}
