import AtrousCore

/// Every layer's output of the explorer's stack, as one derived value, with what it was
/// computed from so that a change recomputes only the layers from the first changed one on.
public struct StackOutputs: Sendable, Equatable {
    /// The outputs, first layer first, each `(N, H, W, C)` in the input's float type; fewer
    /// than the layers when one cannot be computed (then ``error`` says which and why).
    public private(set) var outputs: [AnyTensor] = []
    /// Why the outputs stop before the last layer, naming the layer; nil when all are computed.
    public private(set) var error: ConvolutionStackError?
    /// The first layer the last recomputation computed; the layers before it were kept.
    public private(set) var recomputedFrom = 0
    /// The input, layers and weights the outputs were computed from.
    private var input: AnyTensor?
    private var layers: [LayerSpec] = []
    private var weights: [LayerWeights] = []

    public init() {}

    /// Brings the outputs up to date with `parameters`, recomputing from the first layer whose
    /// input, parameters or weights changed, through ``ConvolutionStack``.
    mutating func update(for parameters: ExplorerParameters) {
        let start: Int
        if input != parameters.input {
            start = 0
        } else {
            let same = zip(zip(layers, weights), zip(parameters.layers, parameters.weights)).prefix { $0.0 == $0.1 }.count
            start = min(same, outputs.count)
            if start == parameters.layers.count, start == layers.count, error == nil { return }
        }
        input = parameters.input
        layers = parameters.layers
        weights = parameters.weights
        recomputedFrom = start
        do {
            switch parameters.input {
            case let .float(input): try compute(input, parameters: parameters, from: start)
            case let .double(input): try compute(input, parameters: parameters, from: start)
            }
        } catch {
            outputs = []
            self.error = error as? ConvolutionStackError
                ?? .layer(index: parameters.selectedLayer, count: parameters.layers.count,
                          error: error as? ConvolutionError ?? .emptyTensor(role: "layer", shape: []))
        }
    }

    /// Computes the layers from `start` on in the input's float type `S`, keeping the outputs
    /// before `start`.
    /// - Throws: ``ConvolutionError`` for a rate or stride below 1.
    private mutating func compute<S: ConvolutionScalar>(_ input: Tensor<S>, parameters: ExplorerParameters,
                                                        from start: Int) throws {
        let all = try parameters.stackLayers(in: S.self)
        // The layers that chain are computed; the first that does not stops the stack.
        let chainError = ConvolutionStack.chainError(all)
        let chained: Int = if case let .channelsDoNotChain(index, _, _) = chainError { index } else { all.count }
        let stack = try ConvolutionStack(Array(all.prefix(chained)))
        let kept = outputs.prefix(min(start, chained - 1)).compactMap { Self.tensor($0, in: S.self) }
        let from = min(kept.count, chained - 1)
        // A recomputed layer writes into its previous output's storage when the shape is the
        // same, sparing the fresh pages of a large map. Only the selected layer's output and
        // later ones are offered: the state holds the selected layer's input, whose storage
        // would be copied rather than reused.
        let spares = outputs.indices.map { index in
            index >= max(from, parameters.selectedLayer) ? Self.tensor(outputs[index], in: S.self) : nil
        }
        // The earlier outputs are of this input, so of its type; the previous array goes first
        // so that a large map is not held twice while the new one is computed.
        outputs = []
        let computed = stack.computableOutputs(of: input, recomputingFrom: from, kept: kept, spares: consume spares)
        outputs = computed.outputs.map(AnyTensor.init)
        error = computed.error ?? chainError
    }

    /// `output` as a tensor of `S`, nil when it holds the other float type.
    private static func tensor<S: ConvolutionScalar>(_ output: AnyTensor, in _: S.Type) -> Tensor<S>? {
        switch output {
        case let .float(tensor): tensor as? Tensor<S>
        case let .double(tensor): tensor as? Tensor<S>
        }
    }

    /// The input of layer `index`: the stack's input for the first, else the previous layer's
    /// output; nil when that output could not be computed.
    func input(ofLayer index: Int, stackInput: AnyTensor) -> AnyTensor? {
        index == 0 ? stackInput : outputs.indices.contains(index - 1) ? outputs[index - 1] : nil
    }
}
