import AtrousCore

/// The per-node and per-merge facts of a model analysis that the text and the JSON of
/// `atrous rf --model` both show, computed once here.
struct RFModelReport {
    let analysis: ModelFieldAnalysis

    /// One row of the layer table: a node on a path to the analysed one.
    struct Row {
        let name: String
        let operatorName: String
        let operation: SpatialOperation
        /// The node's window along (rows, columns), nil for a node without one.
        let window: (rows: AxisGeometry, columns: AxisGeometry)?
        /// Cells added (or, negative, cut) before and after per axis by a padding or cropping node.
        let shift: (before: Pair, after: Pair)?
        let outputSize: Pair?
        /// The node's field numbers, nil for a node after a global operation.
        let field: (rows: AxisFieldNumbers, columns: AxisFieldNumbers)?
    }

    var rows: [Row] {
        analysis.ancestors.map { index in
            let node = analysis.model.graph.nodes[index]
            var window: (AxisGeometry, AxisGeometry)?
            if case let .resolved(_, edges, _) = analysis.model.states[index], node.operation.window != nil,
               case let .local(rows, columns)? = edges.first,
               case let .window(r) = rows.kind, case let .window(c) = columns.kind {
                window = (r, c)
            }
            var shift: (Pair, Pair)?
            if case let .pad(before, after) = node.operation { shift = (before, after) }
            return Row(name: node.name, operatorName: node.operatorName, operation: node.operation, window: window,
                       shift: shift, outputSize: analysis.model.outputSize(of: index), field: analysis.fieldNumbers.nodes[index])
        }
    }

    /// Araujo's effective padding after the input along one axis: how far the last output's
    /// field runs past the last input cell.
    func padAfter(_ field: AxisFieldNumbers, axis: Axis) -> Fraction {
        let last = Fraction(analysis.outputSize[axis] - 1) * field.jump + field.end
        return last - Fraction(analysis.model.inputSize[axis] - 1)
    }

    /// The merges on the paths, each with its node's name and operator.
    var merges: [(name: String, operatorName: String, alignment: MergeAlignment)] {
        analysis.merges.compactMap { index in
            analysis.fieldNumbers.merges[index].map {
                (analysis.model.graph.nodes[index].name, analysis.model.graph.nodes[index].operatorName, $0)
            }
        }
    }

    /// The global operations the cell depends on.
    var globalNodes: [ModelGraph.Node] { analysis.globalDependencies.map { analysis.model.graph.nodes[$0] } }
}
