/// Everything `atrous rf --model` reports about one output cell of one node: the numbers of
/// every node on its paths, the cell's region, the merges its branches meet at, the global
/// operations it depends on, and its path counts.
public struct ModelFieldAnalysis: Sendable {
    public let model: ResolvedModel
    public let fieldNumbers: ModelFieldNumbers
    /// The node analysed.
    public let node: Int
    /// The cell of the node's output analysed.
    public let position: Pair
    /// The nodes with a path to `node`, `node` included, in the model's order.
    public let ancestors: [Int]
    /// The input cells the cell's local paths read, padding included (the union over paths).
    public let region: CellRegion
    /// The global operations on a path to `node`: through them the cell depends on every input cell.
    public let globalDependencies: [Int]
    /// Every path, through global operations too (the framework's gradient).
    public let pathCounts: ModelPathCounts
    /// The local paths of the convolutions and pools alone.
    public let localPathCounts: ModelPathCounts
    /// How much of the region the local paths reach.
    public let coverage: Coverage

    /// Analyses cell `position` (default: the centre) of node `node` (default: the last node
    /// with a spatial map).
    /// - Throws: ``ModelGraphError`` when the node is unknown, blocked by an operation atrous
    ///   cannot analyse, has no spatial map, or the cell lies outside it.
    public init(model: ResolvedModel, node: Int? = nil, position: Pair? = nil) throws {
        guard let node = node ?? model.defaultNode else { throw ModelGraphError.noSpatialNode(model.graph.nodes.last?.name ?? "") }
        let graphNode = model.graph.nodes[node]
        switch model.states[node] {
        case let .blocked(by):
            throw model.blockingErrors[by] ?? ModelGraphError.badInput(node: model.graph.nodes[by].name)
        case let .resolved(size, _, isSpatial):
            guard isSpatial else { throw ModelGraphError.noSpatialNode(graphNode.name) }
            let position = position ?? Pair(size.height / 2, size.width / 2)
            guard (0..<size.height).contains(position.height), (0..<size.width).contains(position.width) else {
                throw ModelGraphError.positionOutOfRange(node: graphNode.name, position: position, size: size)
            }
            self.position = position
        }
        self.model = model
        self.node = node
        fieldNumbers = ModelFieldNumbers(model: model)
        guard fieldNumbers.nodes[node] != nil else { throw ReceptiveFieldError.arithmeticOverflow(axis: .height) }
        let (ancestors, region) = Self.trace(model: model, node: node, position: self.position)
        self.ancestors = ancestors
        self.region = region
        globalDependencies = ancestors.filter { index in
            if case .global = model.graph.nodes[index].operation { return true }
            return false
        }
        pathCounts = ModelPathCounts(model: model, node: node, position: self.position, throughGlobal: true)
        localPathCounts = globalDependencies.isEmpty ? pathCounts
            : ModelPathCounts(model: model, node: node, position: self.position, throughGlobal: false)
        let local = localPathCounts
        coverage = Coverage(size: model.inputSize, region: region) { local.nonzeroCount(in: $0) }
    }

    /// The numbers of the node analysed along (rows, columns).
    public var field: (rows: AxisFieldNumbers, columns: AxisFieldNumbers) {
        guard let numbers = fieldNumbers.nodes[node] else { preconditionFailure("the analysed node is spatial") }
        return numbers
    }

    /// The node's output size.
    public var outputSize: Pair { model.outputSize(of: node) ?? Pair(1, 1) }

    /// The merges on the paths to the node whose spatial branches are not aligned.
    public var misalignedMerges: [Int] { ancestors.filter { fieldNumbers.merges[$0].map { !$0.isAligned } ?? false } }

    /// The merges on the paths to the node with more than one spatial branch.
    public var merges: [Int] { ancestors.filter { fieldNumbers.merges[$0] != nil } }

    /// The nodes on a path to `node`, and the region of `position` carried back through the local
    /// edges to the input: each node's rows and columns are the smallest runs holding every run
    /// its consumers read.
    private static func trace(model: ResolvedModel, node: Int, position: Pair)
        -> (ancestors: [Int], region: CellRegion) {
        var reached = Array(repeating: false, count: model.graph.nodes.count)
        var runs: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)?] = Array(repeating: nil, count: model.graph.nodes.count)
        var inputRun: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?
        reached[node] = true
        runs[node] = (position.height...position.height, position.width...position.width)
        func hull(_ a: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?, _ b: (rows: ClosedRange<Int>, columns: ClosedRange<Int>))
            -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            guard let a else { return b }
            return (min(a.rows.lowerBound, b.rows.lowerBound)...max(a.rows.upperBound, b.rows.upperBound),
                    min(a.columns.lowerBound, b.columns.lowerBound)...max(a.columns.upperBound, b.columns.upperBound))
        }
        for index in stride(from: node, through: 0, by: -1) where reached[index] {
            guard case let .resolved(_, edges, _) = model.states[index] else { continue }
            for (source, edge) in zip(model.graph.nodes[index].inputs, edges) {
                if let source { reached[source] = true }
                guard case let .local(rowStep, columnStep) = edge, let run = runs[index] else { continue }
                let read = (rowStep.inputRange(of: run.rows), columnStep.inputRange(of: run.columns))
                if let source {
                    guard model.isSpatial(source) else { continue }
                    runs[source] = hull(runs[source], read)
                } else {
                    inputRun = hull(inputRun, read)
                }
            }
        }
        let run = inputRun ?? (0...0, 0...0)
        let region = CellRegion(rows: AxisRegion(start: run.rows.lowerBound, end: run.rows.upperBound),
                                columns: AxisRegion(start: run.columns.lowerBound, end: run.columns.upperBound))
        return (reached.indices.filter { reached[$0] }, region)
    }
}
