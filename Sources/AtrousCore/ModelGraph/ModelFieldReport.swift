/// The per-node and per-merge facts of a model analysis that the text and the JSON of
/// `atrous rf --model` and the explorer's model view all show, computed once here.
public struct ModelFieldReport: Sendable {
    public let analysis: ModelFieldAnalysis

    public init(analysis: ModelFieldAnalysis) { self.analysis = analysis }

    /// One row of the layer table: a node on a path to the analysed one.
    public struct Row: Sendable {
        public let name: String
        public let operatorName: String
        public let operation: SpatialOperation
        /// The node's window along (rows, columns), nil for a node without one.
        public let window: (rows: AxisGeometry, columns: AxisGeometry)?
        /// Cells added (or, negative, cut) before and after per axis by a padding or cropping node.
        public let shift: (before: Pair, after: Pair)?
        public let outputSize: Pair?
        /// The node's field numbers, nil for a node after a global operation.
        public let field: (rows: AxisFieldNumbers, columns: AxisFieldNumbers)?
    }

    public var rows: [Row] {
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
    public func padAfter(_ field: AxisFieldNumbers, axis: Axis) -> Fraction {
        let last = Fraction(analysis.outputSize[axis] - 1) * field.jump + field.end
        return last - Fraction(analysis.model.inputSize[axis] - 1)
    }

    /// The merges on the paths, each with its node's name and operator.
    public var merges: [(name: String, operatorName: String, alignment: MergeAlignment)] {
        analysis.merges.compactMap { index in
            analysis.fieldNumbers.merges[index].map {
                (analysis.model.graph.nodes[index].name, analysis.model.graph.nodes[index].operatorName, $0)
            }
        }
    }

    /// The global operations the cell depends on.
    public var globalNodes: [ModelGraph.Node] { analysis.globalDependencies.map { analysis.model.graph.nodes[$0] } }
}

extension ModelFieldReport.Row {
    /// The row's cells as the layer tables print them: kernel, rate, stride, pads, output size,
    /// field, jump and effective padding before; empty where the node has none, `global` as the
    /// field of a node after a global operation. Axes are written once when they agree.
    public var cells: (kernel: String, rate: String, stride: String, pads: String, output: String,
                       field: String, jump: String, padding: String) {
        (window.map { "\(Pair($0.rows.kernelSize, $0.columns.kernelSize))" } ?? "",
         window.map { "\(Pair($0.rows.rate, $0.columns.rate))" } ?? "",
         window.map { "\(Pair($0.rows.stride, $0.columns.stride))" } ?? "",
         window.map { ModelFieldReport.pads($0.rows.padBefore, $0.rows.padAfter, $0.columns.padBefore, $0.columns.padAfter) }
            ?? shift.map { ModelFieldReport.pads($0.before.height, $0.after.height, $0.before.width, $0.after.width) } ?? "",
         outputSize.map { "\($0.height)x\($0.width)" } ?? "",
         field.map { ModelFieldReport.fractions($0.rows.size, $0.columns.size) } ?? "global",
         field.map { ModelFieldReport.fractions($0.rows.jump, $0.columns.jump) } ?? "",
         field.map { ModelFieldReport.fractions($0.rows.padBefore, $0.columns.padBefore) } ?? "")
    }
}

extension ModelFieldReport {
    /// `3` for equal axes, else `3x5`; fractions as `1/2`.
    public static func fractions(_ rows: Fraction, _ columns: Fraction) -> String {
        rows == columns ? "\(rows)" : "\(rows)x\(columns)"
    }

    /// Pads as top+bottom, and left+right after a comma where they differ.
    public static func pads(_ top: Int, _ bottom: Int, _ left: Int, _ right: Int) -> String {
        let (rows, columns) = ("\(top)+\(bottom)", "\(left)+\(right)")
        return rows == columns ? rows : "\(rows),\(columns)"
    }
}
