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
        }
        self.declaredInputSize = declaredInputSize
        self.isOneDimensional = isOneDimensional
        self.nodes = nodes
    }

    /// The index of the node called `name`, or nil.
    public func index(named name: String) -> Int? { nodes.firstIndex { $0.name == name } }
}
