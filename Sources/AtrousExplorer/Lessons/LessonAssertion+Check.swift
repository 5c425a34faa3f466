import AtrousCore

extension LessonAssertion {
    /// Checks the fact against `state`.
    ///
    /// - Returns: nil when it holds, else one sentence saying what the explorer shows instead.
    func failure(in state: ExplorerState) -> String? {
        switch self {
        case let .output(expected):
            guard let geometry = state.geometry else { return impossible(state) }
            return compare("the output", size(geometry.outputSize), size(expected))
        case let .input(expected):
            return compare("the input", size(state.inputShape.spatial), size(expected))
        case let .footprint(expected):
            return compare("the footprint", size(state.spec.effectiveKernel), size(expected))
        case let .weights(expected):
            let shape = state.kernelShape
            let count = shape.size.height * shape.size.width * shape.inputChannels * shape.outputChannels
            return compare("the kernel's weight count", "\(count)", "\(expected)")
        case let .pads(t, b, l, r):
            guard let geometry = state.geometry else { return impossible(state) }
            let pads = geometry.pads
            return compare("the padding (top, bottom, left, right)", "\(pads.top),\(pads.bottom),\(pads.left),\(pads.right)",
                           "\(t),\(b),\(l),\(r)")
        case let .value(row, column, expected, decimals):
            return valueFailure(state, row: row, column: column, expected: expected, decimals: decimals)
        case let .reads(expected):
            guard let taps = state.taps else { return impossible(state) }
            let read = Set(taps.taps.filter { !$0.source.isPadding }.map { GridPosition(row: $0.row, column: $0.column) })
            return compare("the cells y[\(taps.outputRow),\(taps.outputColumn)] reads", cells(read), cells(expected))
        case let .notes(expected):
            let ids = Set(state.notes.map(\.id))
            return compare("the framework notes", names(ids), names(expected))
        case let .field(expected):
            switch analysis(state) {
            case let .success(analysis): return compare("the stack's receptive field", size(analysis.field.size), size(expected))
            case let .failure(problem): return problem.sentence
            }
        case let .holes(expected):
            switch analysis(state) {
            case let .success(analysis): return compare("the count of holes in the field", "\(analysis.coverage.holes)", "\(expected)")
            case let .failure(problem): return problem.sentence
            }
        case let .region(rows, columns):
            switch analysis(state) {
            case let .success(analysis):
                let region = analysis.region
                return compare("the field's region (rows, columns)",
                               "\(region.rows.start)..\(region.rows.end),\(region.columns.start)..\(region.columns.end)",
                               "\(rows.lowerBound)..\(rows.upperBound),\(columns.lowerBound)..\(columns.upperBound)")
            case let .failure(problem): return problem.sentence
            }
        }
    }

    private func valueFailure(_ state: ExplorerState, row: Int, column: Int, expected: Double, decimals: Int?) -> String? {
        guard let output = state.output, let geometry = state.geometry else { return impossible(state) }
        let size = geometry.outputSize
        guard (0..<size.height).contains(row), (0..<size.width).contains(column) else {
            return "Output cell \(row),\(column) lies outside the \(self.size(size)) output."
        }
        let actual = output[0, row, column, state.outputChannel]
        let holds: Bool
        if let decimals {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            holds = (actual * scale).rounded() == (expected * scale).rounded()
        } else {
            holds = abs(actual - expected) <= 1e-9 * max(1, abs(expected))
        }
        return holds ? nil : "y[\(row),\(column)] is \(actual), not \(expected)."
    }

    /// The stack analysed at the chosen output cell, as the receptive-field view analyses it,
    /// whether or not the view is on.
    private func analysis(_ state: ExplorerState) -> Result<ReceptiveFieldAnalysis, LessonSyntaxError> {
        if let analysis = state.stack.analysis { return .success(analysis) }
        do {
            let stack = try LayerStack(inputSize: state.inputShape.spatial, specs: state.layers)
            let cell = stack.outputSize == state.geometry?.outputSize ? state.position : state.stack.cell
            let clamped = cell.clamped(to: stack.outputSize)
            return .success(try ReceptiveFieldAnalysis(stack: stack, position: Pair(clamped.row, clamped.column)))
        } catch {
            return .failure(LessonSyntaxError("The stack cannot be analysed: " + lowercasingFirst(String(describing: error))))
        }
    }

    private func impossible(_ state: ExplorerState) -> String {
        "The layer cannot be computed: " + lowercasingFirst(state.problem ?? "the parameters are impossible.")
    }

    private func compare(_ what: String, _ actual: String, _ expected: String) -> String? {
        actual == expected ? nil : "\(capitalised(what)) is \(actual), not \(expected)."
    }

    private func size(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }

    private func cells(_ set: Set<GridPosition>) -> String {
        set.isEmpty ? "none" : set.sorted().map { "\($0.row),\($0.column)" }.joined(separator: " ")
    }

    private func names(_ set: Set<String>) -> String { set.isEmpty ? "none" : set.sorted().joined(separator: " ") }
}
