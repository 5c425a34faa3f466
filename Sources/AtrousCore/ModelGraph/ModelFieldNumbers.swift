/// Araujo et al.'s numbers for every node of a resolved model, and how the branches meet at
/// each merge (Distill 2019, "multi-path networks"): along each axis, the field of a merge is
/// the union of its branches' fields, and the branches are aligned when their fields have the
/// same jump and the same centre.
public struct ModelFieldNumbers: Sendable {
    /// The numbers of each node along (rows, columns); nil for a node without a spatial map or
    /// a blocked node.
    public let nodes: [(rows: AxisFieldNumbers, columns: AxisFieldNumbers)?]
    /// One entry per merge node with more than one spatial branch.
    public let merges: [Int: MergeAlignment]

    public init(model: ResolvedModel) {
        var nodes: [(rows: AxisFieldNumbers, columns: AxisFieldNumbers)?] = []
        var merges: [Int: MergeAlignment] = [:]
        nodes.reserveCapacity(model.graph.nodes.count)
        for (index, node) in model.graph.nodes.enumerated() {
            guard case let .resolved(_, edges, true) = model.states[index] else { nodes.append(nil); continue }
            var branches: [(rows: AxisFieldNumbers, columns: AxisFieldNumbers)] = []
            for (input, edge) in zip(node.inputs, edges) {
                guard case let .local(rowStep, columnStep) = edge else { continue }
                let source: (rows: AxisFieldNumbers, columns: AxisFieldNumbers)?
                    = input.map { nodes[$0] } ?? (AxisFieldNumbers.input, AxisFieldNumbers.input)
                guard let source else { continue }
                branches.append((rowStep.advance(source.rows), columnStep.advance(source.columns)))
            }
            guard var merged = branches.first else { nodes.append(nil); continue }
            for branch in branches.dropFirst() {
                merged = (merged.rows.union(branch.rows), merged.columns.union(branch.columns))
            }
            // Numbers past the integer range are dropped; analysing the node says so.
            guard ![merged.rows, merged.columns].contains(where: \.overflowed) else { nodes.append(nil); continue }
            if branches.count > 1 {
                merges[index] = MergeAlignment(rows: branches.map(\.rows), columns: branches.map(\.columns))
            }
            nodes.append(merged)
        }
        self.nodes = nodes
        self.merges = merges
    }
}

/// The fields of the spatial branches that meet at one merge, per axis.
public struct MergeAlignment: Sendable, Hashable {
    public let rows: [AxisFieldNumbers]
    public let columns: [AxisFieldNumbers]

    public subscript(axis: Axis) -> [AxisFieldNumbers] { axis == .height ? rows : columns }

    /// Whether every branch has the same jump and centre along `axis`.
    public func isAligned(along axis: Axis) -> Bool {
        let branches = self[axis]
        return branches.allSatisfy { $0.jump == branches[0].jump && $0.centre == branches[0].centre }
    }

    /// Whether the branches are aligned along both axes.
    public var isAligned: Bool { isAligned(along: .height) && isAligned(along: .width) }
}
