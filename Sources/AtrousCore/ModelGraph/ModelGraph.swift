/// A model read from a file, reduced to what its receptive fields depend on: the spatial
/// operations in an order where every node comes after its inputs.
public struct ModelGraph: Sendable, Hashable {
    /// One node: its name and operator in the file, what it does, and where its inputs come from.
    public struct Node: Sendable, Hashable {
        public let name: String
        /// The operator as the file names it (`Conv`, `Conv2D`, `MaxPool`, …).
        public let operatorName: String
        public let operation: SpatialOperation
        /// Each input: `nil` for the model's input, else the index of an earlier node.
        public let inputs: [Int?]

        public init(name: String, operatorName: String, operation: SpatialOperation, inputs: [Int?]) {
            self.name = name
            self.operatorName = operatorName
            self.operation = operation
            self.inputs = inputs
        }
    }

    /// The model's input size when the file fixes it, else nil.
    public let declaredInputSize: Pair?
    /// Whether the model is one-dimensional (its maps have height 1 and it reads width).
    public let isOneDimensional: Bool
    public let nodes: [Node]

    /// Checks that every input refers to an earlier node.
    /// - Throws: ``ModelGraphError/noNodes`` or ``ModelGraphError/badInput(node:)``.
    public init(declaredInputSize: Pair?, isOneDimensional: Bool = false, nodes: [Node]) throws {
        guard !nodes.isEmpty else { throw ModelGraphError.noNodes }
        for (index, node) in nodes.enumerated() {
            let earlier = node.inputs.allSatisfy { input in input.map { (0..<index).contains($0) } ?? true }
            guard !node.inputs.isEmpty, earlier else { throw ModelGraphError.badInput(node: node.name) }
            if case .merge = node.operation {} else if node.inputs.count != 1 {
                throw ModelGraphError.badInput(node: node.name)
            }
            try Self.checkRanges(of: node)
        }
        self.declaredInputSize = declaredInputSize
        self.isOneDimensional = isOneDimensional
        self.nodes = nodes
    }

    /// The index of the node called `name`, or nil.
    public func index(named name: String) -> Int? { nodes.firstIndex { $0.name == name } }

    /// Checks that every size, rate, stride, pad and factor lies within the layer notation's
    /// limits, so that the arithmetic after it stays far from the integer range.
    private static func checkRanges(of node: Node) throws {
        let limit = LayerSpec.notationLimit
        func check(_ value: Pair, _ what: String, _ range: ClosedRange<Int>) throws {
            guard range.contains(value.height), range.contains(value.width) else {
                throw ModelGraphError.parameterOutOfRange(node: node.name, parameter: what, value: "\(value)", range: range)
            }
        }
        switch node.operation {
        case let .convolution(window, _), let .pooling(_, window):
            try check(window.kernelSize, "kernel size", 1...limit)
            try check(window.rate, "rate", 1...limit)
            try check(window.stride, "stride", 1...limit)
            if case let .explicit(before, after) = window.padding {
                try check(before, "padding", 0...limit)
                try check(after, "padding", 0...limit)
            }
        case let .pad(before, after):
            try check(before, "padding", -limit...limit)
            try check(after, "padding", -limit...limit)
        case let .resize(.factor(factor), _):
            try check(factor, "resize factor", 1...limit)
        case let .resize(.size(size), _):
            try check(size, "resize size", 1...limit)
        default:
            break
        }
    }
}
