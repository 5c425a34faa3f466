/// A model graph resolved on one input size: every node's output size, how each of its
/// inputs' cells are read, and whether its map still holds local information.
public struct ResolvedModel: Sendable {
    /// How a node reads one of its inputs.
    public enum Edge: Sendable, Hashable {
        /// Each output cell reads a window of input cells along each axis.
        case local(rows: AxisStep, columns: AxisStep)
        /// Every output reads every input cell.
        case global
    }

    /// What is known of one node on this input.
    public enum NodeState: Sendable, Hashable {
        /// The node's output has this size, and its inputs are read through `edges`.
        /// `isSpatial` is false when no local path reaches it from the input: the node
        /// follows a global operation and its map (1x1, or a broadcast) holds no position.
        case resolved(size: Pair, edges: [Edge], isSpatial: Bool)
        /// The node or one before it cannot be analysed: the index of the first such node,
        /// whose reason is in ``ResolvedModel/blockingErrors``.
        case blocked(by: Int)
    }

    public let graph: ModelGraph
    public let inputSize: Pair
    public let states: [NodeState]
    /// Why each node that blocks the nodes after it cannot be analysed: an operation atrous does
    /// not follow, an empty output, a window that does not fit, a merge of maps of different
    /// sizes. The nodes before it stay open to analysis.
    public let blockingErrors: [Int: ModelGraphError]

    /// Resolves every node in order.
    public init(graph: ModelGraph, inputSize: Pair) {
        self.graph = graph
        self.inputSize = inputSize
        var states: [NodeState] = []
        var errors: [Int: ModelGraphError] = [:]
        states.reserveCapacity(graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            var sources: [(size: Pair, isSpatial: Bool)] = []
            var blocker: Int?
            for input in node.inputs {
                guard let input else { sources.append((inputSize, true)); continue }
                switch states[input] {
                case let .resolved(size, _, isSpatial): sources.append((size, isSpatial))
                case let .blocked(by): blocker = blocker ?? by
                }
            }
            if blocker == nil, case let .unsupported(reason) = node.operation {
                blocker = index
                errors[index] = .unsupportedOperation(node: node.name, operatorName: node.operatorName, reason: reason)
            }
            if let blocker {
                states.append(.blocked(by: blocker))
                continue
            }
            do {
                states.append(try Self.resolve(node, sources: sources))
            } catch {
                errors[index] = error as? ModelGraphError
                    ?? .unsupportedOperation(node: node.name, operatorName: node.operatorName, reason: "\(error)")
                states.append(.blocked(by: index))
            }
        }
        self.states = states
        blockingErrors = errors
    }

    /// The size of node `index`'s output, nil when it is blocked.
    public func outputSize(of index: Int) -> Pair? {
        if case let .resolved(size, _, _) = states[index] { return size }
        return nil
    }

    /// Whether a local path reaches node `index` from the input.
    public func isSpatial(_ index: Int) -> Bool {
        if case let .resolved(_, _, isSpatial) = states[index] { return isSpatial }
        return false
    }

    /// The node analysed when none is named: the last node with a spatial map.
    public var defaultNode: Int? {
        graph.nodes.indices.last { index in
            if case let .resolved(_, _, isSpatial) = states[index] { return isSpatial }
            if case .blocked = states[index] { return true }
            return false
        }
    }

    private static func resolve(_ node: ModelGraph.Node, sources: [(size: Pair, isSpatial: Bool)]) throws -> NodeState {
        let source = sources[0]
        func local(_ rows: AxisStep, _ columns: AxisStep) -> NodeState {
            .resolved(size: Pair(rows.outputSize, columns.outputSize), edges: [.local(rows: rows, columns: columns)],
                      isSpatial: source.isSpatial)
        }
        func steps(_ make: (Axis) throws -> AxisStep) throws -> NodeState {
            try local(make(.height), make(.width))
        }
        switch node.operation {
        case let .convolution(window, _), let .pooling(_, window):
            return try steps { axis in
                let geometry = try Self.geometry(of: window, axis: axis, inputSize: source.size[axis], node: node.name)
                return AxisStep(kind: .window(geometry), inputSize: source.size[axis], outputSize: geometry.outputSize)
            }
        case let .pad(before, after):
            return try steps { axis in
                let size = source.size[axis] + before[axis] + after[axis]
                guard size >= 1 else { throw ModelGraphError.emptyOutput(node: node.name, axis: axis) }
                return AxisStep(kind: .shift(before: before[axis]), inputSize: source.size[axis], outputSize: size)
            }
        case let .resize(target, nearest):
            var kinds: [AxisStep.Kind] = []
            for axis in Axis.allCases {
                let (input, output) = (source.size[axis], target.outputSize(inputSize: source.size[axis], axis: axis))
                if output == input {
                    kinds.append(.identity)
                } else if input == 1, output >= 1 {
                    kinds.append(.broadcast)
                } else if nearest, output % input == 0, output > input {
                    kinds.append(.upsample(factor: output / input))
                } else {
                    throw ModelGraphError.unsupportedResize(node: node.name, operatorName: node.operatorName, axis: axis,
                                                            inputSize: input, outputSize: output, nearest: nearest)
                }
            }
            return local(AxisStep(kind: kinds[0], inputSize: source.size.height,
                                  outputSize: target.outputSize(inputSize: source.size.height, axis: .height)),
                         AxisStep(kind: kinds[1], inputSize: source.size.width,
                                  outputSize: target.outputSize(inputSize: source.size.width, axis: .width)))
        case .pointwise:
            return try steps { axis in
                AxisStep(kind: .identity, inputSize: source.size[axis], outputSize: source.size[axis])
            }
        case .merge:
            let size = Pair(sources.map(\.size.height).max() ?? 1, sources.map(\.size.width).max() ?? 1)
            let edges = try sources.map { source -> Edge in
                func step(_ axis: Axis) throws -> AxisStep {
                    if source.size[axis] == size[axis] {
                        return AxisStep(kind: .identity, inputSize: size[axis], outputSize: size[axis])
                    }
                    guard source.size[axis] == 1 else {
                        throw ModelGraphError.mismatchedMerge(node: node.name, sizes: sources.map(\.size))
                    }
                    return AxisStep(kind: .broadcast, inputSize: 1, outputSize: size[axis])
                }
                return .local(rows: try step(.height), columns: try step(.width))
            }
            return .resolved(size: size, edges: edges, isSpatial: sources.contains(where: \.isSpatial))
        case .global:
            return .resolved(size: Pair(1, 1), edges: [.global], isSpatial: false)
        case .unsupported:
            preconditionFailure("unsupported nodes are blocked before they are resolved")
        }
    }

    /// A window's geometry along one axis, with its padding rule and ceil mode resolved into
    /// cells per side, by the existing single-layer rules.
    static func geometry(of window: Window, axis: Axis, inputSize: Int, node: String) throws -> AxisGeometry {
        let (k, r, s) = (window.kernelSize[axis], window.rate[axis], window.stride[axis])
        let kEff = effectiveKernelSize(k, rate: r)
        var before: Int, after: Int
        switch window.padding {
        case let .explicit(b, a):
            (before, after) = (b[axis], a[axis])
        case .valid:
            (before, after) = (0, 0)
        case .sameUpper, .sameLower:
            let out = (inputSize + s - 1) / max(s, 1)
            let total = max((out - 1) * s + kEff - inputSize, 0)
            let small = total / 2
            (before, after) = window.padding == .sameUpper ? (small, total - small) : (total - small, small)
        case .causal:
            (before, after) = axis == .height ? (0, 0) : (kEff - 1, 0)
        }
        if window.ceilMode, s > 1 {
            // PyTorch's and ONNX's rule: round the count of windows up, but drop a last window
            // that would start in the padding after the input.
            let span = inputSize + before + after - kEff
            if span >= 0 {
                var out = (span + s - 1) / s + 1
                if (out - 1) * s >= inputSize + before { out -= 1 }
                after = max(after, (out - 1) * s + kEff - inputSize - before)
            }
        }
        do {
            return try AxisGeometry(axis: axis, inputSize: inputSize, kernelSize: k, rate: r, stride: s,
                                    padding: .explicit(top: before, bottom: after, left: before, right: after))
        } catch let error as ConvolutionError {
            throw ModelGraphError.windowTooLarge(node: node, axis: axis, error: error)
        }
    }
}
