import AtrousCore

/// The layer stack of the receptive-field view: showing it, editing its layers, loading a
/// preset, moving its chosen cell.
///
/// Every edit goes through ``changeParameters(_:note:_:)``, so undo covers it, and first shows
/// the view, so no layer changes unseen.
extension ExplorerState {
    mutating func toggleStackView() {
        stack.isShown.toggle()
        recomputeStack()
        guard stack.isShown else {
            message = .info("Receptive-field view hidden; v shows it again.")
            return
        }
        message = stack.problem.map { .error($0) } ?? .info(
            "Stack of \(plural(layers.count, "layer")): { } select a layer, o adds one, x removes it, "
                + "H J K L move the cell, :stack PRESET loads one.")
    }

    mutating func addLayer(_ layer: LayerSpec?) {
        let layer = layer ?? spec
        guard layers.count < ExplorerLimits.stackDepth else {
            message = .error("The stack already has \(layers.count) layers, the most the explorer holds.")
            return
        }
        if let problem = ExplorerLimits.problem(layer) {
            message = .error("Cannot add \(layer.notation): \(lowercasingFirst(problem))")
            return
        }
        var (changed, changedWeights) = (layers, parameters.weights)
        let index = selectedLayer + 1
        changed.insert(layer, at: index)
        // The new layer starts as a copy of the selected one's kernel, fitted to its size.
        var copy = parameters.weights[selectedLayer]
        if layer.kernelSize != kernelShape.size, let resized = try? LayerWeights(
            kernel: kernel(resizedTo: layer.kernelSize), source: copy.source, activation: copy.activation, bias: copy.bias) {
            copy = resized
        }
        changedWeights.insert(copy, at: index)
        replaceStack(changed, weights: changedWeights, selecting: index,
                     change: "new layer \(index + 1) of \(changed.count): \(layer.notation)")
    }

    mutating func removeLayer() {
        guard layers.count > 1 else {
            showStack()
            message = .error("The stack keeps at least one layer: it is the layer the panels show.")
            return
        }
        var (changed, changedWeights) = (layers, parameters.weights)
        let removed = changed.remove(at: selectedLayer)
        changedWeights.remove(at: selectedLayer)
        replaceStack(changed, weights: changedWeights, selecting: max(selectedLayer - 1, 0),
                     change: "removal of layer \(selectedLayer + 1) of \(layers.count): \(removed.notation)")
    }

    mutating func stepLayer(_ direction: CycleDirection) {
        guard layers.count > 1 else {
            showStack()
            message = .info("The stack has one layer; o adds a copy of it.")
            return
        }
        selectLayer((selectedLayer + direction.step + layers.count) % layers.count)
    }

    mutating func selectLayer(_ index: Int) {
        guard layers.indices.contains(index) else {
            showStack()
            message = .error("Layer \(index + 1) does not exist: the stack has \(plural(layers.count, "layer")), "
                + "counted from 1.")
            return
        }
        replaceStack(layers, weights: parameters.weights, selecting: index,
                     change: "layer \(index + 1) of \(layers.count): \(layers[index].notation)")
    }

    mutating func setLayers(_ newLayers: [LayerSpec]) {
        guard let problem = stackProblem(newLayers) else {
            replaceStack(newLayers, weights: presetWeights(for: newLayers, channels: inputShape.channels), selecting: 0,
                         change: "stack of \(plural(newLayers.count, "layer")), rates "
                             + newLayers.map(\.rate.description).joined(separator: ","))
            return
        }
        message = .error(problem)
    }

    /// Loads the preset as one change: input, kernel size, stack; then moves to its cell.
    mutating func loadStackPreset(_ preset: StackPreset) {
        guard !preset.isParallel, let specs = preset.branches.first else {
            message = .error("The \(preset.name) preset runs \(preset.branches.count) parallel branches and the stack "
                + "view shows one stack; see it with atrous rf --preset \(preset.name).")
            return
        }
        if let problem = stackProblem(specs) ?? ExplorerLimits.patternProblem(preset.inputSize) {
            message = .error("The \(preset.name) preset does not fit the explorer: \(lowercasingFirst(problem))")
            return
        }
        showStack()
        // A loaded file stays, so the stack computes on it; a pattern is redrawn at the preset's size.
        if case .file = inputSource, (try? LayerStack(inputSize: inputShape.spatial, specs: specs)) != nil {
            let weights = presetWeights(for: specs, channels: inputShape.channels)
            changeParameters("stack \(preset.name) on \(inputSource)") { parameters in
                parameters.setStack(specs, weights: weights, selecting: 0)
            }
        } else {
            let size = preset.inputSize
            let pattern: InputPattern = if case let .pattern(pattern, _) = inputSource { pattern } else { .impulse }
            let input = AnyTensor.double(pattern.tensor(size: size))
            let weights = presetWeights(for: specs, channels: 1)
            changeParameters("stack \(preset.name) on \(size.height)x\(size.width)") { parameters in
                try? parameters.setInput(input, source: .pattern(pattern, size: size))
                parameters.setStack(specs, weights: weights, selecting: 0)
            }
        }
        if let analysis = stack.analysis {
            let cell = preset.defaultCell.position(in: analysis.stack)
            moveStackCell(to: GridPosition(row: cell.height, column: cell.width))
        }
        // Say what the preset is, unless the change had an error or a rule to tell.
        if message?.kind == .info {
            let size = inputShape.spatial
            message = .info("Stack \(preset.name) on a \(size.height)x\(size.width) input: \(preset.summary).")
        }
    }

    mutating func moveStackCell(_ direction: MoveDirection) {
        showStack()
        if stack.followsPosition { return move(direction) }
        guard stack.analysis != nil else {
            if let problem = stack.problem { message = .error(problem) }
            return
        }
        let offset = direction.offset
        moveStackCell(to: GridPosition(row: stack.cell.row + offset.rows, column: stack.cell.column + offset.columns))
    }

    // MARK: - Helpers

    /// Shows the view (recomputing it) when hidden.
    private mutating func showStack() {
        guard !stack.isShown else { return }
        stack.isShown = true
        recomputeStack()
    }

    /// Makes `cell` (clamped to the stack's output) the chosen cell: the current cell too while
    /// the view follows it.
    private mutating func moveStackCell(to cell: GridPosition) {
        guard let outputSize = stack.analysis?.stack.outputSize else { return }
        let cell = cell.clamped(to: outputSize)
        if stack.followsPosition {
            moveTo(cell)
        } else if cell != stack.cell {
            stack.cell = cell
            recomputeStack()
        }
    }

    /// Installs `newLayers` with their `weights` and layer `index` selected.
    private mutating func replaceStack(_ newLayers: [LayerSpec], weights: [LayerWeights], selecting index: Int,
                                       change: String) {
        showStack()
        changeParameters(change) { parameters in
            parameters.setStack(newLayers, weights: weights, selecting: index)
        }
    }

    /// A kernel for each layer from the current kernel's preset, `channels` in and out.
    private func presetWeights(for layers: [LayerSpec], channels: Int) -> [LayerWeights] {
        layers.map { LayerWeights(preset: kernelSource.preset, size: $0.kernelSize, channels: channels) }
    }

    /// Why `layers` cannot be the stack: none, too many, or one outside the limits.
    private func stackProblem(_ layers: [LayerSpec]) -> String? {
        guard !layers.isEmpty else { return "The stack needs at least one layer." }
        guard layers.count <= ExplorerLimits.stackDepth else {
            return "A stack of \(layers.count) layers is more than the \(ExplorerLimits.stackDepth) the explorer holds."
        }
        for (index, layer) in layers.enumerated() {
            if let problem = ExplorerLimits.problem(layer) {
                return "In layer \(index + 1) (\(layer.notation)), \(lowercasingFirst(problem))"
            }
        }
        return nil
    }
}

/// The text with its first character in lower case, to embed one sentence in another.
func lowercasingFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
}
